import type { KnapsackLever } from './knapsack.js';

/**
 * More Lagrangian bounds for the dynamic programme once its state lists grow. Every
 * λ′ ≥ 0 bounds the completions of a state (value v, cost c, levers from position t
 * still at their start options x̂) by
 *   v + λ′·(capacity − c) + Σ_{rest} [max_o (v_o − λ′c_o) − (v(x̂_j) − λ′c(x̂_j))],
 * and the LP's own λ is the best choice only for a state near the capacity: one far
 * under it is bounded tighter by a smaller slope, one far over it by a larger. The
 * multipliers are the hull slopes a few ranks either side of λ; the sums over the rest
 * are kept per position, so a state's test costs a few multiply-adds.
 */
export class Multipliers {
  readonly lambdas: Float64Array;
  /** rest[i][t]: the sum above over the levers from position t on, for λ′ = lambdas[i]. */
  readonly rest: Float64Array[];

  constructor(slopes: Float64Array, lambda: number, levers: readonly KnapsackLever[], start: Int32Array, order: Int32Array, tick: () => void) {
    const sorted = Float64Array.from(slopes).sort();
    let at = 0;
    while (at < sorted.length && sorted[at]! < lambda) at++;
    const picked = new Set<number>();
    for (let step = 1; step <= sorted.length; step *= 2) {
      for (const i of [at - step, at + step - 1]) if (i >= 0 && i < sorted.length && sorted[i]! >= 0) picked.add(sorted[i]!);
    }
    picked.delete(lambda);
    this.lambdas = Float64Array.from(picked);
    const k = order.length;
    this.rest = Array.from(this.lambdas, (mu) => {
      const sums = new Float64Array(k + 1);
      for (let t = k - 1; t >= 0; t--) {
        const l = levers[order[t]!]!;
        let top = -Infinity;
        for (let o = 0; o < l.cost.length; o++) {
          tick();
          top = Math.max(top, l.value[o]! - mu * l.cost[o]!);
        }
        const x = start[order[t]!]!;
        sums[t] = sums[t + 1]! + top - (l.value[x]! - mu * l.cost[x]!);
      }
      return sums;
    });
  }

  /**
   * Can a state reach `value` (a threshold per multiplier: more value, or as much with
   * the incumbent's slack)? False as soon as one multiplier proves it cannot.
   */
  admits(v: number, c: number, capacity: number, t: number, best: number, bestSlack: number, tol: number): boolean {
    for (let i = 0; i < this.lambdas.length; i++) {
      const mu = this.lambdas[i]!;
      if (v + mu * (capacity - c) + this.rest[i]![t]! + tol < best + Math.min(1, mu * bestSlack)) return false;
    }
    return true;
  }
}
