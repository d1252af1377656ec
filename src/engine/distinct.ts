import { UNTIMED } from './clock.js';
import {
  bestPackages, counter, DEFAULT_ALTERNATIVES, DEFAULT_TIME_LIMIT_MS,
  type Alternative, type CounterOptions, type CounterResult, type Request,
} from './counter.js';
import type { Deal } from './deal.js';

/**
 * Why `counterDistinct` found fewer alternatives than asked:
 * 'unchanged': the offer as it stands meets the request, so there is nothing to vary;
 * 'none-left': no package meets it without touching a lever an earlier alternative changes;
 * 'undecided': the time limit ran out before that was proven.
 */
export interface DistinctNote {
  readonly requested: number;
  readonly reason?: 'unchanged' | 'none-left' | 'undecided';
  /** The levers the earlier alternatives change, which the next one could not touch. */
  readonly taken: readonly string[];
}

export interface DistinctResult extends CounterResult {
  readonly distinct: DistinctNote;
}

/**
 * Alternatives that change pairwise disjoint sets of levers: real choices for the buyer.
 * The first is counter's best; each next one is counter's best with every lever already
 * changed kept as it is, so it is minimal and the best package that leaves them alone.
 */
export function counterDistinct(deal: Deal, request: Request, options: CounterOptions = {}): DistinctResult {
  const requested = options.alternatives ?? DEFAULT_ALTERNATIVES;
  const clock = options.clock ?? UNTIMED;
  const deadline = clock() + (options.timeLimit ?? DEFAULT_TIME_LIMIT_MS);
  const leaving = (taken: readonly string[]): CounterOptions => ({
    ...options, alternatives: 1, keep: [...(options.keep ?? []), ...taken], timeLimit: Math.max(0, deadline - clock()), clock,
  });

  const first = counter(deal, request, leaving([]));
  const alternatives: Alternative[] = [...first.alternatives];
  const taken = alternatives.flatMap((a) => a.changes.map((c) => c.lever));
  let optimal = first.optimal;
  let reason: DistinctNote['reason'] = first.feasible && taken.length === 0 && requested > 1 ? 'unchanged' : undefined;
  while (first.feasible && reason === undefined && alternatives.length < requested) {
    const next = bestPackages(deal, request, leaving(taken));
    optimal &&= next.optimal;
    const alt = next.alternatives[0];
    if (!next.feasible || !alt) {
      reason = next.optimal ? 'none-left' : 'undecided';
      break;
    }
    alternatives.push({ ...alt, rank: alternatives.length + 1 });
    taken.push(...alt.changes.map((c) => c.lever));
  }
  return { ...first, alternatives, optimal, distinct: { requested, ...(reason ? { reason } : {}), taken } };
}
