import { UNTIMED } from './clock.js';
import {
  bestPackages, counter, DEFAULT_TIME_LIMIT_MS, originalMetrics, type Alternative, type Answer, type Change, type CounterOptions,
} from './counter.js';
import type { Deal } from './deal.js';
import { lastStepMet, limits } from './pricing.js';
import { ratio, type Ratio } from './ratio.js';

/** One stretch of the curve, on the 0.01% grid, over which the best package is the same. */
export interface CurveSegment {
  /** First and last discount of the stretch, in basis points (0.01%), both included. */
  readonly fromBp: number;
  readonly toBp: number;
  readonly valueLoss: number;
  /** The package's margin at fromBp and at toBp (its price follows the target). */
  readonly marginFrom: number;
  readonly marginTo: number;
  readonly choice: readonly number[];
  readonly changes: readonly Change[];
}

export interface Curve {
  /** Contiguous from 0, value loss never falling; empty when not even 0% can be met. */
  readonly segments: readonly CurveSegment[];
  /** The largest discount that can be met within policy (bp), whatever `toBp`; null: none. */
  readonly maxDiscountBp: number | null;
  /**
   * False when the time limit cut a probe short: the segments then stop at the last
   * discount whose best package was proven, and maxDiscountBp may be unproven.
   */
  readonly optimal: boolean;
}

export interface CurveOptions {
  /** Last discount of the curve (bp); default and ceiling: the largest that can be met. */
  readonly toBp?: number;
  /** Lever paths the customer insists on keeping. */
  readonly keep?: readonly string[];
  /** As counter's: let levers take options worth more than their current one. */
  readonly addScope?: boolean;
  /** As counter's: only packages this approver may sign (a cap on the discount off list). */
  readonly approverCap?: Ratio;
  /** Milliseconds for the whole curve (default: counter's). */
  readonly timeLimit?: number;
  readonly clock?: () => number;
}

/**
 * The concession curve: the least value loss for every discount from 0 to `toBp` (or the
 * largest that can be met), as exact segments. The least value loss never falls as the
 * discount grows (every package met at a discount is met at a smaller one), so the steps
 * where the best package stays that of a segment's start are a prefix of the rest, and a
 * bisection finds where it ends. Each probe is counter()'s best alternative, so the curve
 * agrees with counter at every discount.
 */
export function curve(deal: Deal, options: CurveOptions = {}): Curve {
  const clock = options.clock ?? UNTIMED;
  const deadline = clock() + (options.timeLimit ?? DEFAULT_TIME_LIMIT_MS);
  let optimal = true;
  // Every probe searches as counter would with the curve's own limits, in the time left.
  const { toBp, timeLimit, ...limits } = options;
  const optionsNow = (): CounterOptions => ({ ...limits, alternatives: 1, timeLimit: Math.max(0, deadline - clock()), clock });
  // counter() at 0% also finds the largest discount that can be met; every other probe needs only the best package
  const atZero = counter(deal, { discount: ratio(0, 1) }, optionsNow());
  const probed = new Map<number, Answer>([[0, atZero]]);
  /** counter's best at a step, or undefined once the time limit left it unproven. */
  const best = (bp: number): Alternative | null | undefined => {
    let r = probed.get(bp);
    if (!r) {
      r = bestPackages(deal, { discount: ratio(bp, 10_000) }, optionsNow());
      probed.set(bp, r);
    }
    if (!r.optimal) optimal = false;
    return r.optimal ? r.alternatives[0] ?? null : undefined;
  };

  const start = best(0);
  const maxDiscountBp = atZero.maxDiscountBp;
  const segments: CurveSegment[] = [];
  if (!start || maxDiscountBp === null) return { segments, maxDiscountBp, optimal };
  const end = Math.min(options.toBp ?? maxDiscountBp, maxDiscountBp);
  const reach = reachOf(deal, options.approverCap);
  let from = 0;
  let first: Alternative | null | undefined = start;
  while (first && from <= end) {
    const to = lastSame(from, reach(first, from, end), first, best);
    segments.push(segment(from, to, first, best(to)!));
    if (!optimal) break;
    from = to + 1;
    first = from <= end ? best(from) : undefined;
  }
  return { segments, maxDiscountBp, optimal };
}

/**
 * The last step in [from, end] at which a package met at `from` is still within policy,
 * found on its own exact numbers: no segment runs past it, and most end exactly there.
 * (Under `preserve` with a negative original cost the ceiling on cost falls as the price
 * rises, a package's steps need not be a prefix, and only `end` bounds the segment.)
 */
function reachOf(deal: Deal, approverCap: Ratio | undefined): (pkg: Alternative, from: number, end: number) => number {
  const original = originalMetrics(deal);
  const lim = limits(deal, original.price, original.cost, approverCap);
  return (pkg, from, end) => (lim.line.slope < 0 ? end : lastStepMet(deal, lim, pkg, from, end));
}

/** The last step in [from, end] whose best package is still `first`, or its exact equal (proven probes only). */
function lastSame(from: number, end: number, first: Alternative, best: (bp: number) => Alternative | null | undefined): number {
  let lo = from;
  let hi = end;
  const atEnd = best(hi);
  if (atEnd === undefined) return lo; // out of time: stop at what is proven
  if (atEnd !== null && equal(atEnd, first)) return hi;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const alt = best(mid);
    if (alt === undefined) return lo; // out of time: stop at what is proven
    if (alt !== null && equal(alt, first)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function segment(fromBp: number, toBp: number, first: Alternative, last: Alternative): CurveSegment {
  return {
    fromBp, toBp, valueLoss: first.valueLoss, marginFrom: first.margin, marginTo: last.margin,
    choice: first.choice, changes: first.changes,
  };
}

/**
 * The same package, or one equal to it in everything the order ranks by (value, cost and
 * list, hence margin and price at every discount, and the number of changes): which of
 * such exact ties the search returns may differ from probe to probe, and a segment is
 * about where the least value loss changes, so it keeps its first package throughout.
 */
function equal(a: Alternative, b: Alternative): boolean {
  if (a.choice.every((x, i) => x === b.choice[i])) return true;
  return a.value === b.value && a.cost === b.cost && a.list === b.list && a.changes.length === b.changes.length;
}
