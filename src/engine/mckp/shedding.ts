/**
 * A floor on the changes a state still needs: over capacity by E, its remaining levers
 * must shed E between them, each at most its own "shed" (cost at the start option less
 * its cheapest). When the remaining levers come in decreasing shed (as when the LP ties
 * them all, as in subset-sum), the fewest changes is the shortest prefix that sheds E;
 * otherwise E over the largest single shed.
 */
export class Shedding {
  private readonly prefix: Float64Array;
  private readonly sorted: Uint8Array;
  private readonly largest: Float64Array;

  /** @param shed per position in the processing order */
  constructor(shed: Float64Array) {
    const k = shed.length;
    this.prefix = new Float64Array(k + 1);
    this.sorted = new Uint8Array(k + 1).fill(1);
    this.largest = new Float64Array(k + 1);
    for (let t = 0; t < k; t++) this.prefix[t + 1] = this.prefix[t]! + shed[t]!;
    for (let t = k - 1; t >= 0; t--) {
      this.largest[t] = Math.max(this.largest[t + 1]!, shed[t]!);
      this.sorted[t] = this.sorted[t + 1]! === 1 && (t + 1 === k || shed[t]! >= shed[t + 1]!) ? 1 : 0;
    }
  }

  /** The fewest changes among the levers from position t on that shed `excess` (> 0); Infinity if none do. */
  fewest(excess: number, t: number): number {
    const k = this.prefix.length - 1;
    if (this.prefix[k]! - this.prefix[t]! < excess) return Infinity;
    if (this.sorted[t] === 0) return Math.ceil(excess / this.largest[t]!);
    let lo = t + 1;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prefix[mid]! - this.prefix[t]! >= excess) hi = mid;
      else lo = mid + 1;
    }
    return lo - t;
  }
}
