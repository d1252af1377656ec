import { byKey } from './order.js';

/**
 * A set of weighted items, some present: how many of the present ones fit in a budget,
 * smallest weights first. A Fenwick tree over the items' ranks by weight (count and sum),
 * so that removing an item and the query are both O(log n).
 */
export class SmallestFirst {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly rank: Int32Array;
  private readonly byWeight: number[];
  private readonly weight: Float64Array;
  private readonly present: Uint8Array;
  private readonly top: number;
  private reached = 0;

  /** @param weight per item; those `present` rejects start out of the set */
  constructor(weight: Float64Array, present: (i: number) => boolean = () => true) {
    const n = weight.length;
    this.weight = weight;
    const byWeight = byKey(Array.from({ length: n }, (_, i) => i), weight, n);
    this.byWeight = byWeight;
    this.rank = new Int32Array(n);
    byWeight.forEach((i, r) => (this.rank[i] = r));
    this.count = new Float64Array(n + 1);
    this.sum = new Float64Array(n + 1);
    this.present = Uint8Array.from({ length: n }, (_, i) => (present(i) ? 1 : 0));
    for (let i = 0; i < n; i++) {
      if (this.present[i] === 0) continue;
      this.count[this.rank[i]! + 1] = 1;
      this.sum[this.rank[i]! + 1] = weight[i]!;
    }
    // Built in place, each node passing its total to its parent: O(n).
    for (let p = 1; p <= n; p++) {
      const up = p + (p & -p);
      if (up > n) continue;
      this.count[up] = this.count[up]! + this.count[p]!;
      this.sum[up] = this.sum[up]! + this.sum[p]!;
    }
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = top;
  }

  remove(i: number): void {
    if (this.present[i] === 0) return;
    this.present[i] = 0;
    const w = this.weight[i]!;
    for (let p = this.rank[i]! + 1; p < this.count.length; p += p & -p) {
      this.count[p] = this.count[p]! - 1;
      this.sum[p] = this.sum[p]! - w;
    }
  }

  /** The most present items whose weights sum to at most `budget`, smallest first (0 when nothing fits). */
  most(budget: number): number {
    return this.descend(budget);
  }

  /** The weight of the first item, smallest first, that no longer fits in `budget` (Infinity if all do). */
  breaking(budget: number): number {
    this.descend(budget);
    for (let r = this.reached; r < this.byWeight.length; r++) if (this.present[this.byWeight[r]!] === 1) return this.weight[this.byWeight[r]!]!;
    return Infinity;
  }

  /** The Fenwick descent: the items counted, the rank it reached kept in `reached`. */
  private descend(budget: number): number {
    let pos = 0;
    let n = 0;
    let left = budget;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.sum.length && this.sum[next]! <= left) {
        pos = next;
        left -= this.sum[next]!;
        n += this.count[next]!;
      }
    }
    this.reached = pos;
    return n;
  }
}
