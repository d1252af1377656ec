import { compareCandidates, type Candidate } from './candidate.js';
import type { Deal, DealLever } from './deal.js';
import { kBest } from './kbest.js';
import { byCost, type Alternatives } from './priced-knapsack.js';
import type { Budget, KnapsackResult, Package } from './mckp/knapsack.js';
import { solveKnapsack } from './mckp/solve.js';

/**
 * The counter-offer as a plain multiple-choice knapsack: when no free lever's options
 * carry different prices, every package has the same list, hence the same price, and
 * the policy is one exact budget on cost. The best package is the solver's; it is
 * minimal, since any feasible upgrade would be worth more.
 */
export interface KnapsackQuestion {
  readonly deal: Deal;
  readonly free: readonly number[];
  readonly base: { readonly cost: number; readonly value: number; readonly list: number };
  /** The one price every package has. */
  readonly price: number;
  /** The most the free levers may cost. */
  readonly capacity: number;
}

export interface KnapsackAnswer {
  readonly best?: Candidate;
  readonly proven: boolean;
  /** No package keeps more value; null when the budget ran out before one was known. */
  readonly bound: number | null;
}

export function bestByKnapsack(q: KnapsackQuestion, budget: Budget): KnapsackAnswer {
  const levers: DealLever[] = q.free.map((j) => q.deal.levers[j]!);
  const r: KnapsackResult = solveKnapsack(byCost(levers, q.capacity), budget);
  const bound = r.bound === null ? null : r.bound + q.base.value;
  if (!r.best) return { proven: r.status !== 'stopped', bound };
  return { best: candidateOf(q, r.best), proven: r.status === 'optimal', bound };
}

/**
 * The best `count` minimal packages by the solver alone (Lawler–Murty, kbest.ts), from its
 * proven best; stopped, the packages found so far, which are exactly the best that many.
 */
export function alternativesByKnapsack(q: KnapsackQuestion, best: Candidate, count: number, budget: Budget): Alternatives {
  const levers = q.free.map((j) => q.deal.levers[j]!);
  const root = {
    choice: Int32Array.from(q.free, (j) => best.choice[j]!), value: best.value - q.base.value, cost: best.cost - q.base.cost, changes: best.changes,
  };
  const r = kBest({ levers, capacity: q.capacity, best: root, count }, budget);
  const found = r.found.map((p) => candidateOf(q, p)).sort(compareCandidates);
  return { found, complete: r.complete, proven: found.length };
}

function candidateOf(q: KnapsackQuestion, p: Package): Candidate {
  const choice = q.deal.levers.map((l) => l.current);
  q.free.forEach((j, i) => (choice[j] = p.choice[i]!));
  const cost = q.base.cost + p.cost;
  const list = q.free.reduce((s, j) => s + q.deal.levers[j]!.options[0]!.price, q.base.list);
  return { choice, list, price: q.price, cost, value: q.base.value + p.value, margin: q.price - cost, changes: p.changes };
}

/**
 * The solver's answer joined with the enumeration's: when the enumeration completed, its
 * list is the exact answer; otherwise the better packages of both, the solver's first
 * among equals (proven best when it finished), under the tighter of the two bounds. The
 * proof covers the enumeration's proven packages as long as the list starts with them.
 */
export function withBest<T extends { found: readonly Candidate[]; complete: boolean; proven: number; bound: number | null }>(
  solved: KnapsackAnswer, rest: T, count: number,
): T {
  if (rest.complete) return rest;
  const best = solved.best;
  const bound = solved.proven && best ? best.value : tighter(solved.bound, rest.bound);
  if (!best) return { ...rest, bound };
  const same = (a: Candidate) => (c: Candidate) => c.choice.every((x, j) => x === a.choice[j]);
  const others = rest.found.filter((c) => !same(best)(c));
  const found = (solved.proven ? [best, ...others] : [best, ...others].sort(compareCandidates)).slice(0, count);
  const provenSet = rest.found.slice(0, rest.proven);
  let proven = 0;
  while (proven < found.length && provenSet.some(same(found[proven]!))) proven++;
  // The solver's proven best stands first: when the enumeration's proven prefix holds it,
  // the list starts with that same set (reordered among exact ties); else it alone is proven.
  if (solved.proven) proven = Math.max(1, provenSet.some(same(best)) ? rest.proven : proven);
  return { ...rest, found, proven: Math.min(proven, found.length), bound };
}

function tighter(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
