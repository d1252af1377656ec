import { compareCandidates, type Candidate } from './candidate.js';
import type { Deal, DealLever, DealOption } from './deal.js';
import type { KnapsackAnswer } from './knapsack-search.js';
import type { Budget, Knapsack, Package } from './mckp/knapsack.js';
import { solveKnapsack } from './mckp/solve.js';
import { offerPrice, type Limits, type Totals } from './pricing.js';
import { leastListAt, stepUpFits } from './steps.js';
import { kBest } from './kbest.js';

/**
 * Priced options on the knapsack solver. A package is priced min(T, offer(list)); while
 * maxCost rises with the price (alpha ≥ 0), it meets the floor exactly when
 *   cost ≤ maxCost(T)   and   cost ≤ maxCost(offer(list)).
 * Each of the two is a knapsack holding every feasible package:
 * - by cost: Σ cost ≤ maxCost(T);
 * - by margin: with maxCost(P) = ⌊(α·P − γ)/β⌋ and offer(list) ≤ list·(dd − dn)/dd,
 *   Σ (β·dd·cost − α·(dd − dn)·price) ≤ −γ·dd − (the fixed levers' share), in integers.
 * So each solver's optimum is worth at least every feasible package, and when it is itself
 * within policy (checked exactly) it is the best by value. It is the best in the whole order
 * when the solver's tie-breaks (less weight, then fewer changes) agree with margin's:
 * - by cost, priced at T: no package is priced higher, so the least cost is the most margin;
 * - by margin, under an amount floor with no file discount, priced at its list: the weight is
 *   then minus its margin, and every package's margin is at most minus its weight.
 * Otherwise the solvers' bound stands, and their feasible package is an incumbent.
 */
export interface PricedQuestion {
  readonly deal: Deal;
  readonly limits: Limits;
  readonly target: number;
  readonly free: readonly number[];
  readonly base: Totals;
}

type Kind = 'cost' | 'margin';

export function pricedByKnapsack(q: PricedQuestion, budget: Budget): KnapsackAnswer {
  const unknown: KnapsackAnswer = { proven: false, bound: null };
  if (q.limits.exact.alpha < 0n) return unknown; // maxCost falls as the price rises: neither knapsack holds
  const levers = q.free.map((j) => q.deal.levers[j]!);
  let bound: number | null = null;
  let found: Candidate | undefined;
  for (const kind of ['cost', 'margin'] as const) {
    const problem = kind === 'cost' ? byCost(levers, costRoom(q)) : byMargin(q, levers);
    if (!problem) continue;
    const r = solveKnapsack(problem, budget);
    if (r.status === 'infeasible') return { proven: true, bound: null };
    if (r.bound !== null) bound = Math.min(bound ?? Infinity, r.bound + q.base.value);
    const c = r.best && judge(q, levers, r.best);
    if (c && r.status === 'optimal' && settles(q, kind, c)) return { best: c, proven: true, bound: c.value };
    if (c && (!found || compareCandidates(c, found) < 0)) found = c;
  }
  return { ...(found ? { best: found } : {}), proven: false, bound };
}

/**
 * Is any package within policy, for the largest discount's probes? Split the packages
 * at L_T, the least list whose offer reaches T: those at or above it are priced T and
 * lie in the cost knapsack, so the one of most list there decides whether any does
 * (it is then within the floor; the cap is checked); those below lie in the margin
 * knapsack, and the one of least list there decides. Exact both ways: a witness within
 * policy, or none (both parts proven empty); undefined when neither is settled.
 */
export function pricedFeasible(q: PricedQuestion, budget: Budget): { readonly witness?: Candidate } | undefined {
  if (q.limits.exact.alpha < 0n) return undefined;
  const levers = q.free.map((j) => q.deal.levers[j]!);
  const least = leastListAt(q.deal, q.target);
  let empty = 0;
  for (const kind of ['cost', 'margin'] as const) {
    const sign = kind === 'cost' ? 1 : -1; // most list at or above L_T, least list below it
    const problem = kind === 'cost' ? byCost(levers, costRoom(q), (o) => o.price) : byMargin(q, levers, (o) => -o.price);
    if (!problem) continue;
    const r = solveKnapsack(problem, budget);
    if (r.status === 'infeasible') return {};
    if (!r.best) continue;
    const list = q.base.list + sign * r.best.value;
    if (r.status === 'optimal' && (kind === 'cost' ? list < least : list >= least)) empty++;
    else if ((kind === 'cost') === list >= least) {
      const c = judge(q, levers, r.best);
      if (c) return { witness: c };
    }
  }
  return empty === 2 ? {} : undefined;
}

/**
 * Alternatives 2..K with priced options, by Lawler–Murty over the cost knapsack (kbest.ts),
 * which holds every feasible package: its packages come by value, then cost, then changes,
 * each kept when it is within policy and minimal (no lever steps up in value and stays
 * within policy). That is the contract's order among packages priced at T; a package
 * priced below it has less margin than its cost alone would give, so only at a value where
 * one was kept can a later package of equal value come first: there every one is collected.
 * Stopped, the packages taken are proven, down to the value of the last one if such a
 * package was kept at that value.
 */
export function pricedAlternatives(q: PricedQuestion, count: number, budget: Budget): Alternatives {
  if (q.limits.exact.alpha < 0n) return { found: [], complete: false, proven: 0 };
  const levers = q.free.map((j) => q.deal.levers[j]!);
  const minimal = (c: Candidate) => q.free.every((j, i) => !stepUpFits(q, levers[i]!, c.choice[j]!, c.list, c.cost));
  const belowTarget = new Set<number>(); // values at which a package priced below T was kept
  const keep = (p: Package) => {
    const c = judge(q, levers, p);
    if (c === undefined || !minimal(c)) return false;
    if (c.price < q.target) belowTarget.add(p.value);
    return true;
  };
  const tied = (next: Package, kth: Package) => next.value === kth.value && belowTarget.has(kth.value);
  const r = kBest({ levers, capacity: costRoom(q), count, accept: { keep, tied } }, budget);
  const found = r.found.map((p) => judge(q, levers, p)!).sort(compareCandidates).slice(0, count);
  if (r.complete) return { found, complete: true, proven: found.length };
  const last = r.found[r.found.length - 1];
  const proven = !last || !belowTarget.has(last.value) ? found.length
    : found.filter((c) => c.value > q.base.value + last.value).length;
  return { found, complete: proven === count, proven };
}

/** Packages best first; the first `proven` are exactly the best that many. */
export interface Alternatives {
  readonly found: readonly Candidate[];
  readonly complete: boolean;
  readonly proven: number;
}

type Weigh = (o: DealOption) => number;
const worth: Weigh = (o) => o.value;

/** The levers as a knapsack by cost: each option's cost, and its worth (its value unless said otherwise). */
export function byCost(levers: readonly DealLever[], capacity: number, value: Weigh = worth): Knapsack {
  return { capacity, levers: levers.map((l) => ({ cost: l.options.map((o) => o.cost), value: l.options.map(value), current: l.current })) };
}

/** What the free levers may cost at the requested price. */
function costRoom(q: PricedQuestion): number {
  return q.limits.maxCost(q.target) - q.base.cost;
}

/** The margin knapsack in safe integers, or undefined when its weights could leave them. */
function byMargin(q: PricedQuestion, levers: readonly DealLever[], value: Weigh = worth): Knapsack | undefined {
  const { alpha, beta, gamma } = q.limits.exact;
  const { num: dn, den: dd } = q.deal.discount;
  const perCost = beta * dd;
  const perPrice = alpha * (dd - dn);
  const weigh = (cost: number, price: number) => perCost * BigInt(cost) - perPrice * BigInt(price);
  const weights = levers.map((l) => l.options.map((o) => weigh(o.cost, o.price)));
  const capacity = -gamma * dd - weigh(q.base.cost, q.base.list);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  let size = abs(capacity);
  for (const w of weights) size += w.reduce((m, x) => (abs(x) > m ? abs(x) : m), 0n);
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return {
    capacity: Number(capacity),
    levers: levers.map((l, i) => ({ cost: weights[i]!.map(Number), value: l.options.map(value), current: l.current })),
  };
}

/** The solver's package as a candidate, if it is within policy (exactly); else undefined. */
function judge(q: PricedQuestion, levers: readonly DealLever[], p: Package): Candidate | undefined {
  const choice = q.deal.levers.map((l) => l.current);
  let [list, cost, value] = [q.base.list, q.base.cost, q.base.value];
  levers.forEach((l, i) => {
    const o = l.options[p.choice[i]!]!;
    choice[q.free[i]!] = p.choice[i]!;
    [list, cost, value] = [list + o.price, cost + o.cost, value + o.value];
  });
  const price = Math.min(q.target, offerPrice(q.deal, list));
  if (!q.limits.listOk(list, price) || cost > q.limits.maxCost(price)) return undefined;
  return { choice, list, price, cost, value, margin: price - cost, changes: p.changes };
}

/** Does the solver's order among packages of its value agree with the contract's (see above)? */
function settles(q: PricedQuestion, kind: Kind, c: Candidate): boolean {
  if (kind === 'cost') return c.price === q.target;
  const { alpha, beta } = q.limits.exact;
  return alpha === 1n && beta === 1n && q.deal.discount.num === 0n && c.price === c.list;
}
