import { UNTIMED } from './clock.js';
import {
  bestPackages, changesBetween, counter, DEFAULT_TIME_LIMIT_MS, originalMetrics,
  type Alternative, type Answer, type Change, type CounterOptions, type CounterResult, type Metrics,
} from './counter.js';
import type { Deal } from './deal.js';
import { compareRatio, type Ratio } from './ratio.js';

/**
 * A concession plan: packages at rising discounts, each nested in the one before (every
 * lever at an option worth no more to the customer than at the previous step), so that
 * nothing conceded is ever taken back. Each step is counter()'s best package with the
 * previous step's choice as `from`; ties among equal value and margin go to fewer moves
 * from the previous step.
 */
export interface LadderOptions {
  /** The discounts of the steps, strictly rising. */
  readonly steps: readonly Ratio[];
  readonly keep?: readonly string[];
  /** Only packages this approver may sign: a cap on the discount off list. */
  readonly approverCap?: Ratio;
  /** Milliseconds for the whole ladder (default: counter's). */
  readonly timeLimit?: number;
  readonly clock?: () => number;
}

export interface LadderStep {
  /** The discount asked for at this step, and its target price. */
  readonly request: { readonly discount: Ratio; readonly price: number };
  /** The package: price, headline and list discounts, margin, value, approver, changes against the offer. */
  readonly package: Alternative;
  /** What this step moves from the previous one (step 1: from the offer). */
  readonly added: readonly Change[];
  /** Its value loss less that of the best package at the same discount, nested or not (≥ 0). */
  readonly priceOfNesting: number;
}

/** Why the ladder stopped before its last step. */
export interface Unmet {
  readonly request: { readonly discount: Ratio; readonly price: number };
  /**
   * 'beyond-reach': no package at all meets it (maxDiscountBp is the largest that can be met);
   * 'not-nested': packages meet it, but none nested in the previous step;
   * 'undecided': the time limit ran out before either was proven.
   */
  readonly reason: 'beyond-reach' | 'not-nested' | 'undecided';
  readonly maxDiscountBp: number | null;
  /** For 'not-nested': the value loss of the best package that is not nested. */
  readonly unnestedValueLoss?: number;
}

export interface Ladder {
  readonly deal: Deal;
  readonly original: Metrics;
  readonly steps: readonly LadderStep[];
  readonly unmet?: Unmet;
  /** False when the time limit cut a search short: the steps are the best found. */
  readonly optimal: boolean;
}

export function ladder(deal: Deal, options: LadderOptions): Ladder {
  options.steps.forEach((d, i) => {
    if (i > 0 && compareRatio(d, options.steps[i - 1]!) <= 0) throw new RangeError('ladder steps must rise strictly');
  });
  const clock = options.clock ?? UNTIMED;
  const deadline = clock() + (options.timeLimit ?? DEFAULT_TIME_LIMIT_MS);
  const optionsAt = (from?: readonly number[]): CounterOptions => ({
    alternatives: 1, keep: options.keep ?? [], timeLimit: Math.max(0, deadline - clock()), clock,
    ...(options.approverCap ? { approverCap: options.approverCap } : {}), ...(from ? { from } : {}),
  });

  const original = originalMetrics(deal);
  const steps: LadderStep[] = [];
  let optimal = true;
  let previous = deal.levers.map((l) => l.current) as readonly number[];
  for (const discount of options.steps) {
    const nested = bestPackages(deal, { discount }, optionsAt(steps.length > 0 ? previous : undefined));
    optimal &&= nested.optimal;
    const pkg = nested.alternatives[0];
    if (!nested.feasible || !pkg) {
      // only now is the largest discount that can be met worth its search
      const unnested = counter(deal, { discount }, optionsAt());
      return { deal, original, steps, optimal: optimal && unnested.optimal, unmet: unmetAt(nested, unnested) };
    }
    const unnested = steps.length > 0 ? bestPackages(deal, { discount }, optionsAt()) : nested;
    optimal &&= unnested.optimal;
    const free = unnested.alternatives[0]?.valueLoss ?? pkg.valueLoss;
    steps.push({
      request: nested.request, package: pkg, added: changesBetween(deal, previous, pkg.choice),
      priceOfNesting: pkg.valueLoss - free,
    });
    previous = pkg.choice;
  }
  return { deal, original, steps, optimal };
}

function unmetAt(nested: Answer, unnested: CounterResult): Unmet {
  const base = { request: nested.request, maxDiscountBp: unnested.maxDiscountBp };
  if (!nested.optimal) return { ...base, reason: 'undecided' };
  const free = unnested.alternatives[0];
  if (unnested.feasible && free) return { ...base, reason: 'not-nested', unnestedValueLoss: free.valueLoss };
  return { ...base, reason: unnested.optimal ? 'beyond-reach' : 'undecided' };
}

/**
 * The tapered schedule to `toBp` in `n` steps: each concession 0.01% plus a share of the
 * rest in proportion to n, n−1, …, 1, rounded down to the 0.01% grid, the few basis
 * points left over given one each to the first (largest) concessions. So every concession
 * is at least 0.01% and no larger than the one before, and the last step ends exactly at
 * `toBp`. Undefined when `toBp` < n (0.01% per step is not there to give).
 */
export function taperedSchedule(toBp: number, n: number): number[] | undefined {
  if (!Number.isInteger(toBp) || !Number.isInteger(n) || n < 1 || toBp < n) return undefined;
  const total = (n * (n + 1)) / 2;
  const share = Array.from({ length: n }, (_, k) => 1 + Math.floor(((toBp - n) * (n - k)) / total));
  let left = toBp - share.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k++, left--) share[k]! += 1;
  let at = 0;
  return share.map((c) => (at += c));
}
