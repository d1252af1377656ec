import { UNTIMED } from '../clock.js';
/**
 * The multiple-choice knapsack the unpriced counter-offer comes down to: one option per
 * lever, Σ cost ≤ capacity, most value first; among equal value the lower cost (higher
 * margin), then fewer changes off `current`. Amounts are safe integers (negative costs
 * and values allowed); the solver's float arithmetic only prunes, widened by a margin.
 */
export interface KnapsackLever {
  readonly cost: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  /** The option the proposal has now: moving off it counts as a change. */
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

/** A cheap check of the budget, meant to be called often: it reads the clock every `every` calls. */
export function ticker(budget: Budget, every = 1024): () => void {
  const clock = budget.clock ?? UNTIMED;
  const deadline = budget.deadline ?? Infinity;
  let n = 0;
  return () => {
    if (++n % every !== 0) return;
    if (budget.signal?.aborted || clock() > deadline) throw new Stopped('budget');
  };
}

/** Is `a` ranked before `b`: more value, then less cost, then fewer changes. */
export function better(a: { value: number; cost: number; changes: number }, b: { value: number; cost: number; changes: number }): boolean {
  if (a.value !== b.value) return a.value > b.value;
  if (a.cost !== b.cost) return a.cost < b.cost;
  return a.changes < b.changes;
}
