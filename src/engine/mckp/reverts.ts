import { SmallestFirst } from './smallest.js';

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
  private readonly tree: SmallestFirst;
  /** Far above the rounding the tree's running sums pick up. */
  private readonly eps: number;

  /** @param gap per lever, the cost of undoing its change (Infinity when it has none to undo) */
  constructor(gap: Float64Array) {
    const g = gap.map((x) => Math.max(0, x));
    let total = 0;
    for (const x of g) if (x < Infinity) total += x;
    this.eps = 1e-9 * total + 1e-9;
    this.tree = new SmallestFirst(g, (j) => g[j]! < Infinity);
  }

  /** The lever is added to the programme: it no longer counts as outside. */
  remove(j: number): void {
    this.tree.remove(j);
  }

  /** The most changes the levers outside can undo within a budget of `slack` (≥ 0) of reduced gap. */
  most(slack: number): number {
    return this.tree.most(slack + this.eps);
  }
}
