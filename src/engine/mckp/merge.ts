import type { Tick } from './knapsack.js';
import { StateList } from './states.js';

/**
 * The dynamic programme's product of a state list with one lever's options, as in
 * mcknap: each option shifts the (cost-sorted) list into a run of its own, and the runs
 * are merged two at a time, halving their number each round, with no heap and no
 * callbacks. A merge keeps a state only when it is worth more than every cheaper one
 * (a state no cheaper and no more valuable than another can never complete to a better
 * package). Among states of equal cost the more valuable wins, then the one with fewer
 * changes, then the one from the earlier run: the fixed choice among exact ties.
 * `tag` carries each state's run (its option) until the product is complete.
 */
export class Product {
  private pool: StateList[] = [];

  take(): StateList {
    const l = this.pool.pop() ?? new StateList();
    l.clear();
    return l;
  }

  give(l: StateList): void {
    this.pool.push(l);
  }

  /** Merges the runs (each cost-sorted and non-dominated, given back here) into one new list. */
  merge(runs: readonly StateList[], tick: Tick): StateList {
    let level = runs.slice();
    while (level.length > 1) {
      const next: StateList[] = [];
      for (let r = 0; r + 1 < level.length; r += 2) {
        const out = this.take();
        mergeTwo(level[r]!, level[r + 1]!, out, tick);
        this.give(level[r]!);
        this.give(level[r + 1]!);
        next.push(out);
      }
      if (level.length % 2 === 1) next.push(level[level.length - 1]!);
      level = next;
    }
    return level[0] ?? this.take();
  }
}

/** Two cost-sorted non-dominated lists into `out`, dominated states dropped; ties go to `a`. */
function mergeTwo(a: StateList, b: StateList, out: StateList, tick: Tick): void {
  tick(a.n + b.n);
  out.reserve(a.n + b.n);
  let i = 0;
  let k = 0;
  let top = -Infinity;
  const ac = a.cost;
  const av = a.value;
  const bc = b.cost;
  const bv = b.value;
  while (i < a.n || k < b.n) {
    // a first unless b is cheaper, or as cheap and worth more, or as both with fewer changes.
    const fromA = k >= b.n || (i < a.n && (ac[i]! < bc[k]! || (ac[i] === bc[k] && (av[i]! > bv[k]! || (av[i] === bv[k] && a.changes[i]! <= b.changes[k]!)))));
    const src = fromA ? a : b;
    const x = fromA ? i++ : k++;
    if (src.value[x]! > top) {
      top = src.value[x]!;
      out.pushFrom(src, x);
    }
  }
}
