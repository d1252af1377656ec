/**
 * A floor on the changes a state still needs, for the last tie-break. A lever whose start
 * option is not its current one can undo a change only by moving back to `current`, which
 * costs its reduced gap (the drop in value − λ·cost); a state whose λ-bound exceeds the
 * incumbent's value by S can afford only as many such moves as the smallest gaps, summed,
 * fit in S. The levers still outside are kept in a Fenwick tree over their gaps' ranks
 * (count and sum), so both the removal of a lever as it is added and the query are
 * O(log k).
 */
export class Reverts {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly rank: Int32Array;
  private readonly gap: Float64Array;
  private readonly top: number;
  /** Far above the rounding the tree's running sums pick up. */
  private readonly eps: number;

  /** @param gap per lever, the cost of undoing its change (Infinity when it has none to undo) */
  constructor(gap: Float64Array) {
    const k = gap.length;
    this.gap = gap.map((g) => Math.max(0, g));
    const byGap = Array.from({ length: k }, (_, j) => j).sort((a, b) => this.gap[a]! - this.gap[b]! || a - b);
    this.rank = new Int32Array(k);
    byGap.forEach((j, r) => (this.rank[j] = r));
    this.count = new Float64Array(k + 1);
    this.sum = new Float64Array(k + 1);
    let top = 1;
    while (top * 2 <= k) top *= 2;
    this.top = top;
    let total = 0;
    for (const g of this.gap) if (g < Infinity) total += g;
    this.eps = 1e-9 * total + 1e-9;
    for (let j = 0; j < k; j++) if (this.gap[j]! < Infinity) this.update(j, 1);
  }

  /** The lever is added to the programme: it no longer counts as outside. */
  remove(j: number): void {
    if (this.gap[j]! < Infinity) this.update(j, -1);
  }

  /** The most changes the levers outside can undo within a budget of `slack` (≥ 0) of reduced gap. */
  most(slack: number): number {
    let pos = 0;
    let n = 0;
    let left = slack;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.sum.length && this.sum[next]! <= left + this.eps) {
        pos = next;
        left -= this.sum[next]!;
        n += this.count[next]!;
      }
    }
    return n;
  }

  private update(j: number, sign: number): void {
    const g = this.gap[j]!;
    for (let i = this.rank[j]! + 1; i < this.count.length; i += i & -i) {
      this.count[i] = this.count[i]! + sign;
      this.sum[i] = this.sum[i]! + sign * g;
    }
  }
}
