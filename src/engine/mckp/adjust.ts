import type { Flat, Subset, Tick } from './knapsack.js';

/**
 * A floor on the changes a tie still needs to move its cost. A package that ties the
 * incumbent's value must bring a state's cost up (when its value is short: at the LP's λ
 * value comes only with cost) or down (when it costs more). Levers already off `current`
 * move for free; the others pay a change each. So the levers still outside, with the
 * options the bound still allows, can move the cost up by at most
 *   free-up + paid × (largest single paid move up),
 * and likewise down: a floor on the paid moves. Reset whenever the allowed options shrink.
 */
export class Adjust {
  private readonly freeUp: Float64Array;
  private readonly freeDown: Float64Array;
  private readonly paidUp: Float64Array;
  private readonly paidDown: Float64Array;

  /** @param options those a better package may take (see Gradients), the only ones counted */
  constructor(
    private readonly f: Flat,
    private readonly start: Int32Array,
    private readonly order: Int32Array,
    private readonly options: Subset,
  ) {
    const k = order.length;
    this.freeUp = new Float64Array(k + 1);
    this.freeDown = new Float64Array(k + 1);
    this.paidUp = new Float64Array(k + 1);
    this.paidDown = new Float64Array(k + 1);
  }

  /** Recount with only the options whose gap is within `room`. */
  reset(gaps: Float64Array, room: number, tick: Tick): void {
    const { cost } = this.f;
    for (let t = this.order.length - 1; t >= 0; t--) {
      const j = this.order[t]!;
      tick(this.options.from[j + 1]! - this.options.from[j]! + 1);
      const c0 = cost[this.f.at[j]! + this.start[j]!]!;
      let up = 0;
      let down = 0;
      for (let i = this.options.from[j]!; i < this.options.from[j + 1]!; i++) {
        const o = this.options.option[i]!;
        if (gaps[o]! > room) continue;
        up = Math.max(up, cost[o]! - c0);
        down = Math.max(down, c0 - cost[o]!);
      }
      const free = this.start[j] !== this.f.current[j];
      this.freeUp[t] = this.freeUp[t + 1]! + (free ? up : 0);
      this.freeDown[t] = this.freeDown[t + 1]! + (free ? down : 0);
      this.paidUp[t] = Math.max(this.paidUp[t + 1]!, free ? 0 : up);
      this.paidDown[t] = Math.max(this.paidDown[t + 1]!, free ? 0 : down);
    }
  }

  /** The fewest paid moves among the levers from t on that raise the cost by `up` or lower it by `down` (either ≤ 0: none asked). */
  fewest(up: number, down: number, t: number): number {
    return Math.max(this.paid(up - this.freeUp[t]!, this.paidUp[t]!), this.paid(down - this.freeDown[t]!, this.paidDown[t]!));
  }

  private paid(short: number, largest: number): number {
    if (short <= 0) return 0;
    return largest > 0 ? Math.ceil(short / largest) : Infinity;
  }
}
