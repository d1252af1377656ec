import { UNTIMED } from './clock.js';
import { compareCandidates, type Candidate } from './candidate.js';
import type { Deal } from './deal.js';
import { enumerate } from './enumerate.js';
import { alternativesByKnapsack, bestByKnapsack, withBest, type KnapsackAnswer, type KnapsackQuestion } from './knapsack-search.js';
import { pricedAlternatives, pricedByKnapsack, pricedFeasible, type Alternatives } from './priced-knapsack.js';
import { offerPrice, splitLevers, type Limits } from './pricing.js';

export interface SearchInput {
  readonly deal: Deal;
  readonly limits: Limits;
  readonly target: number;
  /** Per lever: may the counter-offer change it (not locked, not kept by the customer). */
  readonly movable: readonly boolean[];
  /** How many minimal feasible configurations to return. */
  readonly count: number;
  /** Stop at the first one found, unranked: enough to learn that one exists. */
  readonly first?: boolean;
  /** Give up, unproven, once clock() passes this. */
  readonly deadline?: number;
  readonly clock?: () => number;
  /** Checked with the deadline: once aborted, the search stops as if it had run out of time. */
  readonly signal?: { readonly aborted: boolean };
}

export interface SearchOutput {
  /** Best first, in the order of DESIGN.md: value loss, then margin, changes, option indices. */
  readonly found: readonly Candidate[];
  /** True when `found` is proven to be exactly the best `count` (or all there are). */
  readonly complete: boolean;
  /**
   * How many leading packages of `found` are proven to be exactly the best that many
   * (up to the order among packages equal in value, margin and changes): all when complete.
   */
  readonly proven: number;
  /** No feasible configuration is worth more than this (minor units of value); null: not known. */
  readonly bound: number | null;
  readonly nodes: number;
}

/**
 * The best `count` minimal feasible packages, exactly. The best comes from the knapsack
 * solver (src/engine/mckp): one knapsack without prices that move (knapsack-search.ts),
 * two with them (priced-knapsack.ts); the alternatives, and the best where the solver
 * cannot settle it, come from the enumeration (enumerate.ts), handed the solver's best,
 * or from Lawler–Murty over the solver (kbest.ts) where the enumeration stalls.
 */
export function search(input: SearchInput): SearchOutput {
  const { deal, limits, target } = input;
  const none: SearchOutput = { found: [], complete: true, proven: 0, bound: null, nodes: 0 };
  const { free, base } = splitLevers(deal, input.movable);
  const freeLevers = free.map((j) => deal.levers[j]!);
  const priced = freeLevers.map((l) => l.options.some((o) => o.price !== l.options[0]!.price));
  // The solver gets half the time: where it cannot finish (packages tied in value by the
  // thousand, as in subset-sum), the enumeration's depth-first dive often still reaches the bound.
  const clock = input.clock ?? UNTIMED;
  const now = clock();
  const half = input.deadline === undefined ? {} : { deadline: now + (input.deadline - now) / 2 };
  let best: KnapsackAnswer;
  let question: KnapsackQuestion | undefined;
  if (priced.some(Boolean)) {
    const asked = { deal, limits, target, free, base };
    const known = input.first ? pricedFeasible(asked, { ...input, ...half }) : undefined;
    if (known) return known.witness ? { found: [known.witness], complete: true, proven: 1, bound: null, nodes: 0 } : none;
    best = pricedByKnapsack(asked, { ...input, ...half });
  } else {
    // Without prices that move, every package has one list and one price: the policy is a budget.
    const list = freeLevers.reduce((s, l) => s + l.options[0]!.price, base.list);
    const price = Math.min(target, offerPrice(deal, list));
    if (!limits.listOk(list, price)) return none;
    question = { deal, free, base, price, capacity: limits.maxCost(price) - base.cost };
    best = bestByKnapsack(question, { ...input, ...half });
  }
  if (best.proven && !best.best) return none;
  if (best.best && (input.first || (best.proven && input.count === 1))) {
    return { found: [best.best], complete: true, proven: 1, bound: best.bound, nodes: 0 };
  }
  const enumerated = (budget: Partial<SearchInput>) => enumerate({ ...input, ...budget }, free, base, priced);
  if (!best.proven) return withBest(best, enumerated({}), input.count);
  const found = best.best!;
  const byKnapsack = question
    ? () => alternativesByKnapsack(question, found, input.count, input)
    : () => pricedAlternatives({ deal, limits, target, free, base }, input.count, input);
  return alternatives(input, found, best.bound, enumerated, byKnapsack);
}

/**
 * Alternatives 2..K once the best is proven. The enumeration is quick where few packages
 * tie; where thousands do (strongly correlated levers) it stalls, and Lawler–Murty
 * partitioning over the solver finishes instead: the enumeration gets a fifth of the time
 * left, and the answer with the longer proven prefix stands.
 */
function alternatives(
  input: SearchInput, best: Candidate, bound: number | null,
  enumerated: (budget: Partial<SearchInput>) => SearchOutput, byKnapsack: () => Alternatives,
): SearchOutput {
  const now = (input.clock ?? UNTIMED)();
  const fifth = input.deadline === undefined ? {} : { deadline: now + (input.deadline - now) / 5 };
  const listed = withBest({ best, proven: true, bound }, enumerated(fifth), input.count);
  if (listed.complete) return listed;
  const k = byKnapsack();
  if (!k.complete && k.proven <= listed.proven) return listed;
  if (k.complete) return { found: k.found, complete: true, proven: k.found.length, bound, nodes: listed.nodes };
  const same = (a: Candidate) => (c: Candidate) => c.choice.every((o, j) => o === a.choice[j]);
  const rest = [...k.found.slice(k.proven), ...listed.found.filter((c) => !k.found.some(same(c)))].sort(compareCandidates);
  return { found: [...k.found.slice(0, k.proven), ...rest].slice(0, input.count), complete: false, proven: k.proven, bound, nodes: listed.nodes };
}
