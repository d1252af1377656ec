import { UNTIMED } from '../clock.js';
import { Workspace } from './workspace.js';
/**
 * The multiple-choice knapsack the unpriced counter-offer comes down to: one option per
 * lever, Σ cost ≤ capacity, most value first; among equal value the lower cost (higher
 * margin), then fewer changes off `current`. Amounts are safe integers (negative costs
 * and values allowed); the solver's float arithmetic only prunes, widened by a margin.
 */
export interface KnapsackLever {
  readonly cost: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  /** The option the proposal has now: moving off it counts as a change; −1 when none is (every option is then a change). */
  readonly current: number;
}

export interface Knapsack {
  readonly levers: readonly KnapsackLever[];
  readonly capacity: number;
}

/** When to stop: the deadline is read from clock() now and then, with the abort flag. */
export interface Budget {
  readonly deadline?: number;
  readonly clock?: () => number;
  readonly signal?: { readonly aborted: boolean };
}

/**
 * Every lever's options in two flat arrays, built once per solve so that the hot loops
 * read one monomorphic Float64Array: lever j's option o sits at at[j] + o.
 */
export interface Flat {
  readonly k: number;
  readonly at: Int32Array;
  readonly cost: Float64Array;
  readonly value: Float64Array;
  readonly current: Int32Array;
  readonly capacity: number;
}

/** @param ws where the per-option arrays live (their own by default) */
export function flatten({ levers, capacity }: Knapsack, ws = new Workspace()): Flat {
  const k = levers.length;
  const at = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) at[j + 1] = at[j]! + levers[j]!.cost.length;
  const cost = ws.floats(0, at[k]!);
  const value = ws.floats(1, at[k]!);
  const current = new Int32Array(k);
  for (let j = 0; j < k; j++) {
    const l = levers[j]!;
    cost.set(l.cost, at[j]!);
    value.set(l.value, at[j]!);
    current[j] = l.current;
  }
  return { k, at, cost, value, current, capacity };
}

/** Some options of every lever, as flat indices: lever j's at option[from[j] .. from[j + 1]), ascending. */
export interface Subset {
  readonly from: Int32Array;
  readonly option: Int32Array;
  /** The largest gap among them. */
  readonly widest: number;
}

/** The options of `sub` whose gap is within `room`, and lever j's option `keep[j]` (a flat index, one of sub's) in any case. */
export function narrow(sub: Subset, gaps: Float64Array, room: number, keep?: Int32Array): Subset {
  if (room >= sub.widest) return sub;
  const k = sub.from.length - 1;
  const from = new Int32Array(k + 1);
  const option = new Int32Array(sub.option.length);
  let n = 0;
  let widest = -Infinity;
  for (let j = 0; j < k; j++) {
    const kept = keep ? keep[j]! : -1;
    for (let i = sub.from[j]!; i < sub.from[j + 1]!; i++) {
      const o = sub.option[i]!;
      if (gaps[o]! > room && o !== kept) continue;
      option[n++] = o;
      widest = Math.max(widest, gaps[o]!);
    }
    from[j + 1] = n;
  }
  return { from, option: option.subarray(0, n), widest };
}

/** One lever moved to another option, and what that changes in cost and value. */
export interface Move {
  readonly lever: number;
  readonly option: number;
  readonly dc: number;
  readonly dv: number;
}

/** A choice with its totals: what every incumbent is checked and compared on. */
export function packageOf(problem: Knapsack, choice: Int32Array): Package {
  let [cost, value, changes] = [0, 0, 0];
  problem.levers.forEach((l, j) => {
    cost += l.cost[choice[j]!]!;
    value += l.value[choice[j]!]!;
    if (choice[j] !== l.current) changes++;
  });
  return { choice, value, cost, changes };
}

export interface Package {
  readonly choice: Int32Array;
  readonly value: number;
  readonly cost: number;
  readonly changes: number;
}

export interface KnapsackResult {
  /** optimal: `best` is proven; infeasible: proven that nothing fits; stopped: the budget ran out. */
  readonly status: 'optimal' | 'infeasible' | 'stopped';
  /** The best package found (always, unless infeasible or stopped before the first one). */
  readonly best?: Package;
  /** No package is worth more; null when the search stopped before it knew one. */
  readonly bound: number | null;
  /** DP states created, for benchmarks. */
  readonly states: number;
}

/** Thrown inside the solver when the budget runs out; caught at its entry. */
export class Stopped extends Error {}

/** Counts work done, reading the budget now and then: call it often, with the units of work (options looked at) since the last call. */
export type Tick = (work?: number) => void;

/** A cheap check of the budget: it reads the clock after every `every` units of work. */
export function ticker(budget: Budget, every = 1024): Tick {
  const clock = budget.clock ?? UNTIMED;
  const deadline = budget.deadline ?? Infinity;
  let n = 0;
  return (work = 1) => {
    if ((n += work) < every) return;
    n = 0;
    if (budget.signal?.aborted || clock() > deadline) throw new Stopped('budget');
  };
}

/** Is `a` ranked before `b`: more value, then less cost, then fewer changes. */
export function better(a: { value: number; cost: number; changes: number }, b: { value: number; cost: number; changes: number }): boolean {
  if (a.value !== b.value) return a.value > b.value;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.changes < b.changes;
}
