import type { DealLever } from './deal.js';
import { floorDiv } from './ratio.js';

/**
 * The LP relaxation of the multiple-choice knapsack "max value, total cost ≤ budget":
 * each lever's upper convex hull of (cost, value), filled greedily by slope. It yields
 * the Lagrange multiplier λ, a value bound and, per option, its reduced-cost gap.
 *
 * Floating point is used here only for bounds, never for a decision: for any λ ≥ 0,
 *   value(x) ≤ λ·budget + Σ_j max_o (v − λc)  −  Σ_j gap_j(x_j)  −  λ·(budget − cost(x)),
 * so a configuration can reach a value only when its gaps fit under the bound. Every
 * float is widened by a margin far above its rounding error, so nothing that could
 * qualify is ever cut; feasibility and ranking are decided later on exact integers.
 */
export interface Relaxation {
  readonly lambda: number;
  /** λ as the exact slope of the split segment (value per cost), for an exact bound. */
  readonly slope: { readonly dv: number; readonly dc: number };
  /** An upper bound (widened) on the value of any configuration within the budget. */
  readonly bound: number;
  /** Per free lever, per option: a lower bound on its reduced-cost gap (≥ 0). */
  readonly gaps: readonly Float64Array[];
  /** Per free lever: the option a greedy fill by slope reaches (a good first incumbent). */
  readonly rounded: readonly number[];
}

// Far above the rounding error of the sums below (about 2e-16 × terms × magnitude).
export const WIDEN = 1e-9;

/** Upper convex hull of a lever's options by (cost asc, value asc): the LP's choices. */
function hull(l: DealLever): number[] {
  const order = l.options.map((_, i) => i)
    .sort((a, b) => l.options[a]!.cost - l.options[b]!.cost || l.options[b]!.value - l.options[a]!.value);
  const h: number[] = [];
  for (const i of order) {
    const o = l.options[i]!;
    if (h.length > 0 && o.value <= l.options[h[h.length - 1]!]!.value) continue;
    while (h.length >= 2) {
      const a = l.options[h[h.length - 2]!]!;
      const b = l.options[h[h.length - 1]!]!;
      if ((b.value - a.value) / (b.cost - a.cost) > (o.value - b.value) / (o.cost - b.cost)) break;
      h.pop();
    }
    h.push(i);
  }
  return h;
}

/**
 * @param levers the free levers
 * @param capacity budget left for the free levers (budget − fixed cost)
 * @param baseValue value of everything not free
 * @returns undefined when even the cheapest configuration is over budget
 */
export function relax(levers: readonly DealLever[], capacity: number, baseValue: number): Relaxation | undefined {
  const hulls = levers.map(hull);
  let room = capacity;
  const segments: { slope: number; dv: number; dc: number; lever: number; step: number }[] = [];
  hulls.forEach((h, j) => {
    const opts = levers[j]!.options;
    room -= opts[h[0]!]!.cost;
    for (let k = 0; k + 1 < h.length; k++) {
      const a = opts[h[k]!]!;
      const b = opts[h[k + 1]!]!;
      const dv = b.value - a.value;
      const dc = b.cost - a.cost;
      segments.push({ slope: dv / dc, dv, dc, lever: j, step: k + 1 });
    }
  });
  if (room < 0) return undefined;
  segments.sort((a, b) => b.slope - a.slope || a.lever - b.lever || a.step - b.step);
  const level = new Array<number>(levers.length).fill(0);
  let lambda = 0;
  let slope = { dv: 0, dc: 1 };
  let split = false;
  for (const s of segments) {
    // Past the split, keep filling whatever still fits: a far tighter start than plain rounding.
    const fits = s.dc <= room && level[s.lever] === s.step - 1;
    if (!fits && !split) {
      lambda = s.slope;
      slope = { dv: s.dv, dc: s.dc };
      split = true;
    }
    if (fits) {
      room -= s.dc;
      level[s.lever] = s.step;
    }
  }

  let bound = lambda * capacity + baseValue;
  let magnitude = Math.abs(lambda * capacity) + Math.abs(baseValue);
  const gaps = levers.map((l) => {
    const r = l.options.map((o) => o.value - lambda * o.cost);
    const best = Math.max(...r);
    bound += best;
    magnitude += Math.abs(best);
    return Float64Array.from(l.options, (o, i) => {
      const err = WIDEN * (Math.abs(o.value) + Math.abs(lambda * o.cost) + Math.abs(best));
      return Math.max(0, best - r[i]! - err);
    });
  });
  return {
    lambda,
    slope,
    bound: bound + WIDEN * magnitude,
    gaps,
    rounded: hulls.map((h, j) => h[level[j]!]!),
  };
}

/**
 * The tightest of a family of knapsacks that each hold every feasible configuration:
 * weights cost − θ·κ·price within capacity(θ), for θ in [0, 1] (a blend of a cost budget
 * at θ = 0 and a margin line at θ = 1). Every θ gives a sound bound, so the choice only
 * affects speed; the bound is quasiconvex in θ, and a golden-section search finds a
 * tight one. Undefined when some θ proves nothing fits.
 */
export function relaxBlend(
  levers: readonly DealLever[], kappa: number, capacity: (theta: number) => number, baseValue: number,
): { readonly theta: number; readonly lp: Relaxation } | undefined {
  const at = (theta: number) => relax(
    levers.map((l) => ({ ...l, options: l.options.map((o) => ({ ...o, cost: o.cost - theta * kappa * o.price })) })),
    capacity(theta), baseValue);
  let best: { theta: number; lp: Relaxation } | undefined;
  const bound = (theta: number): number => {
    const lp = at(theta);
    if (!lp) return -Infinity;
    if (!best || lp.bound < best.lp.bound) best = { theta, lp };
    return lp.bound;
  };
  if (bound(0) === -Infinity || bound(1) === -Infinity) return undefined;
  const phi = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [0, 1];
  let [x1, x2] = [hi - phi * (hi - lo), lo + phi * (hi - lo)];
  let [f1, f2] = [bound(x1), bound(x2)];
  for (let i = 0; i < 12 && f1 !== -Infinity && f2 !== -Infinity; i++) {
    if (f1 <= f2) {
      [hi, x2, f2] = [x2, x1, f1];
      x1 = hi - phi * (hi - lo);
      f1 = bound(x1);
    } else {
      [lo, x1, f1] = [x1, x2, f2];
      x2 = lo + phi * (hi - lo);
      f2 = bound(x2);
    }
  }
  return f1 === -Infinity || f2 === -Infinity ? undefined : best;
}

/**
 * ⌊λ·capacity + Σ_j max_o (v − λc) + baseValue⌋ with λ = dv/dc exactly: the bound a
 * report may state as proven. BigInt throughout; computed only when it is reported.
 */
export function exactBound(levers: readonly DealLever[], capacity: number, baseValue: number, slope: Relaxation['slope']): number {
  const dv = BigInt(slope.dv);
  const dc = BigInt(slope.dc);
  let scaled = dv * BigInt(capacity) + dc * BigInt(baseValue);
  for (const l of levers) {
    let best: bigint | undefined;
    for (const o of l.options) {
      const r = BigInt(o.value) * dc - dv * BigInt(o.cost);
      if (best === undefined || r > best) best = r;
    }
    scaled += best!;
  }
  return Number(floorDiv(scaled, dc));
}
