import type { Flat, Subset, Tick } from './knapsack.js';
import { byKey } from './order.js';

// Far above the rounding error of a float slope times a cost sum (about 2e-16 per term).
const WIDEN = 1e-9;

/**
 * mcknap's per-state bounds. Every lever not yet added sits at its start option b, which
 * is exactly optimal for the LP's λ; its "add" gradient is the steepest slope from b to a
 * costlier option, its "remove" gradient the flattest slope from b to a cheaper one, and
 * add ≤ λ ≤ remove. For any μ between the steepest add and the flattest remove gradient
 * of the levers still outside, b maximises value − μ·cost on each of them, so a state
 * (value v, cost c) completes to a package of cost ≤ X worth at most v + μ·(X − c): the
 * smallest such μ bounds a state under X, the largest one a state over it. Levers come
 * in mcknap's order, alternately the steepest add and the flattest remove gradient
 * first, so the interval widens quickly and the bounds tighten as the core grows.
 * Only the options given count: those a better package may take (the solver leaves out
 * every option whose reduced gap exceeds what the bound leaves), so the bound holds for
 * the completions that use them, and most levers, left with b alone, bound nothing away.
 * Slopes are floats: they only prune, widened far beyond their rounding.
 */
export class Gradients {
  /** Lever indices in the order the dynamic programme adds them. */
  readonly order: Int32Array;
  /** Per position t: the steepest add gradient among the levers from t on (≥ 0), and the flattest remove one. */
  private readonly add: Float64Array;
  private readonly remove: Float64Array;
  private readonly costSize: number;
  private readonly valueSize: number;

  /** @param key among equal gradients, the lever with the larger key comes first */
  constructor(f: Flat, start: Int32Array, options: Subset, key: Float64Array, tick: Tick) {
    const { k, at, cost, value } = f;
    const up = new Float64Array(k);
    const down = new Float64Array(k);
    let costSize = Math.abs(f.capacity);
    let valueSize = 0;
    for (let j = 0; j < k; j++) {
      tick(options.from[j + 1]! - options.from[j]! + 1);
      const b = at[j]! + start[j]!;
      let a = -Infinity;
      let r = Infinity;
      let cs = 0;
      let vs = 0;
      for (let i = options.from[j]!; i < options.from[j + 1]!; i++) {
        const o = options.option[i]!;
        const dc = cost[o]! - cost[b]!;
        const dv = value[o]! - value[b]!;
        if (dc > 0) a = Math.max(a, dv / dc);
        else if (dc < 0) r = Math.min(r, dv / dc);
        else if (dv > 0) a = Infinity; // cannot happen at an LP-optimal start; no bound then
        cs = Math.max(cs, Math.abs(cost[o]!));
        vs = Math.max(vs, Math.abs(value[o]!));
      }
      // A start that is not optimal for any μ (float hull, or the current option kept as a
      // near-tie) bounds nothing: gradients ±∞ put the lever first in both orders.
      [up[j], down[j]] = a > r ? [Infinity, -Infinity] : [a, r];
      costSize += cs;
      valueSize += vs;
    }
    this.costSize = costSize;
    this.valueSize = valueSize;
    // Levers left with their start option alone bound nothing and the programme skips them:
    // only the others are sorted by gradient, and these follow, the larger key first.
    const moving: number[] = [];
    const still: number[] = [];
    for (let j = 0; j < k; j++) (up[j] === -Infinity && down[j] === Infinity ? still : moving).push(j);
    // Stable sorts by gradient alone over the key order: cheap where gradients tie (subset sum: all).
    const keyed = byKey(moving, key, k, true);
    const byAdd = keyed.slice().sort((x, y) => up[y]! - up[x]!);
    const byRemove = keyed.sort((x, y) => down[x]! - down[y]!);
    this.order = alternate(byAdd, byRemove, k);
    this.order.set(byKey(still, key, k, true), byAdd.length);
    this.add = new Float64Array(k + 1);
    this.remove = new Float64Array(k + 1).fill(Infinity);
    for (let t = k - 1; t >= 0; t--) {
      const j = this.order[t]!;
      this.add[t] = Math.max(this.add[t + 1]!, up[j]!);
      this.remove[t] = Math.min(this.remove[t + 1]!, down[j]!);
    }
  }

  /**
   * The most a state (value v, cost c) can be worth as a package of cost ≤ x once the levers
   * from position t on are added, widened for float error: safe to compare with `≥`.
   */
  reach(v: number, c: number, x: number, t: number): number {
    const room = x - c;
    const mu = room >= 0 ? this.add[t]! : this.remove[t]!;
    if (mu === Infinity) return room >= 0 ? Infinity : -Infinity;
    if (mu === -Infinity) return Infinity;
    return v + mu * room + this.widen(mu);
  }

  /** Whether reach(v, c, x, t) ≥ target. */
  reaches(v: number, c: number, x: number, t: number, target: number): boolean {
    return this.reach(v, c, x, t) >= target;
  }

  private widen(mu: number): number {
    return WIDEN * (mu * this.costSize + this.valueSize) + 1e-6;
  }
}

/** The two orders merged, one from each in turn, each lever once (in an array of k). */
function alternate(a: readonly number[], b: readonly number[], k: number): Int32Array {
  const out = new Int32Array(k);
  const used = new Uint8Array(k);
  let [i, m, n] = [0, 0, 0];
  while (n < a.length) {
    while (i < a.length && used[a[i]!]) i++;
    if (i < a.length) used[(out[n++] = a[i]!)] = 1;
    while (m < b.length && used[b[m]!]) m++;
    if (m < b.length) used[(out[n++] = b[m]!)] = 1;
  }
  return out;
}
