import type { Request } from '../../src/engine/counter.js';
import type { Choice, Deal } from '../../src/engine/deal.js';
import { floorDiv, type Ratio } from '../../src/engine/ratio.js';

/**
 * A brute-force oracle written from docs/design.md ("Counter-offer semantics") and
 * nothing else: it enumerates every configuration and tests each rule literally, in
 * BigInt. It shares no code with the optimiser, so agreement means something.
 */
export interface Config {
  readonly choice: readonly number[];
  readonly list: number;
  readonly offer: number;
  readonly price: number;
  readonly cost: number;
  readonly value: number;
  readonly margin: number;
  /** Paths of the levers moved off `current`, in file order. */
  readonly changes: readonly string[];
}

/** The deal as it stands: what may move, the original offer price O, and the policy. */
export interface Base {
  readonly deal: Deal;
  readonly movable: readonly boolean[];
  readonly offer: number;
  /** May each lever take the upgrades (options worth more than its current one)? */
  readonly addScope: boolean;
  /** Is a configuration with this list, at this price and cost, within policy? */
  readonly within: (list: number, price: number, cost: number) => boolean;
}

/** A question asked against a deal: its target price T. */
export interface Frame extends Base {
  readonly target: number;
}

export interface BruteAlternative {
  readonly choice: readonly number[];
  readonly price: number;
  readonly cost: number;
  readonly value: number;
  readonly margin: number;
  readonly changes: readonly string[];
  readonly approver: string | undefined;
}

export interface BruteAnswer {
  readonly target: number;
  readonly feasible: boolean;
  readonly alternatives: readonly BruteAlternative[];
}

export interface BruteResult extends BruteAnswer {
  readonly maxDiscountBp: number | null;
  readonly atMaxDiscount?: BruteAnswer;
}

const B = BigInt;

/** x × (1 − r), rounded down to the minor unit. */
function lessShare(x: number, r: Ratio): number {
  return Number(floorDiv(B(x) * (r.den - r.num), r.den));
}

/** Price, cost and value of a choice; its price is capped at `target`. */
export function configAt(deal: Deal, target: number, choice: Choice): Config {
  let list = 0;
  let cost = 0;
  let value = 0;
  for (const it of deal.items) {
    list += it.price;
    cost += it.cost;
    value += it.value;
  }
  const changes: string[] = [];
  deal.levers.forEach((l, j) => {
    const o = l.options[choice[j]!]!;
    list += o.price;
    cost += o.cost;
    value += o.value;
    if (choice[j] !== l.current) changes.push(l.path);
  });
  const offer = lessShare(list, deal.discount);
  const price = Math.min(target, offer);
  return { choice, list, offer, price, cost, value, margin: price - cost, changes };
}

export function baseOf(deal: Deal, keep: readonly string[] = [], addScope = false): Base {
  const original = configAt(deal, Infinity, deal.levers.map((l) => l.current));
  const movable = deal.levers.map((l) => !l.locked && !keep.includes(l.path));
  return { deal, movable, addScope, offer: original.offer, within: policyOf(deal, original.offer, original.cost) };
}

/** The policy for an original offer O and cost C0, each rule cross-multiplied with a positive denominator. */
export function policyOf(deal: Deal, offer: number, originalCost: number): (list: number, price: number, cost: number) => boolean {
  const O = B(offer);
  const originalMargin = O - B(originalCost);
  const floor = deal.policy.marginFloor;
  return (list, price, cost) => {
    const P = B(price);
    const margin = P - B(cost);
    if (!capAllows(deal, list, price)) return false;
    switch (floor.kind) {
      case 'preserve': // margin/P ≥ (O − C0)/O
        return margin * O >= originalMargin * P;
      case 'ratio': // margin/P ≥ num/den
        return margin * floor.ratio.den >= floor.ratio.num * P;
      case 'amount':
        return margin >= B(floor.amount);
    }
  };
}

/** The discount off the package's own list, (L − P)/L, is within the cap. */
export function capAllows(deal: Deal, list: number, price: number): boolean {
  const cap = deal.policy.maxDiscount;
  return !cap || (B(list) - B(price)) * cap.den <= cap.num * B(list);
}

export function isFeasible(f: Frame, c: Config): boolean {
  return f.within(c.list, c.price, c.cost);
}

/** The options lever j may take: its current one, and when it may move, those worth no more (any with addScope). */
export function optionsOf(f: Base, j: number): number[] {
  const l = f.deal.levers[j]!;
  if (!f.movable[j]) return [l.current];
  return l.options.map((_, k) => k).filter((k) => f.addScope || l.options[k]!.value <= l.options[l.current]!.value);
}

/** No single lever can move to an option it may take of strictly higher value and stay feasible. */
export function isMinimal(f: Frame, c: Config): boolean {
  return f.deal.levers.every((l, j) => optionsOf(f, j).every((k) => {
    if (l.options[k]!.value <= l.options[c.choice[j]!]!.value) return true;
    const moved = c.choice.slice();
    moved[j] = k;
    return !isFeasible(f, configAt(f.deal, f.target, moved));
  }));
}

/** Value loss ascending, margin descending, changes ascending, then option indices. */
export function rank(a: Config, b: Config): number {
  if (a.value !== b.value) return b.value - a.value;
  if (a.margin !== b.margin) return b.margin - a.margin;
  if (a.changes.length !== b.changes.length) return a.changes.length - b.changes.length;
  const j = a.choice.findIndex((x, i) => x !== b.choice[i]);
  return j < 0 ? 0 : a.choice[j]! - b.choice[j]!;
}

/** Every choice of an option each lever may take. */
export function allChoices(f: Base): number[][] {
  let out: number[][] = [[]];
  f.deal.levers.forEach((_, j) => {
    const ks = optionsOf(f, j);
    out = out.flatMap((prefix) => ks.map((k) => [...prefix, k]));
  });
  return out;
}

/** The first band covering the discount off the package's own list. */
export function approver(deal: Deal, list: number, price: number): string | undefined {
  const gap = B(list - price);
  return deal.policy.approvals.find((a) => gap * a.upTo.den <= a.upTo.num * B(list))?.approver;
}

export function bestAt(f: Frame, count: number): BruteAnswer {
  const ranked = allChoices(f)
    .map((choice) => configAt(f.deal, f.target, choice))
    .filter((c) => isFeasible(f, c) && isMinimal(f, c))
    .sort(rank)
    .slice(0, count);
  return {
    target: f.target,
    feasible: ranked.length > 0,
    alternatives: ranked.map((c) => ({
      choice: c.choice, price: c.price, cost: c.cost, value: c.value, margin: c.margin, changes: c.changes,
      approver: approver(f.deal, c.list, c.price),
    })),
  };
}

const targetAt = (offer: number, bp: number): number => lessShare(offer, { num: B(bp), den: 10_000n });

/**
 * The largest discount, in basis points, at which some configuration is feasible, found
 * by scanning every step down from 100%. At a given list every configuration has the
 * same price for a given T, and a lower cost never hurts, so each distinct list keeps its
 * cheapest cost. A list whose offer is below T is its own price whatever T is; the lists
 * whose offer reaches T are priced at T, and of those only the ones the cap allows count:
 * a window of the sorted lists, whose cheapest cost a sparse table answers.
 */
export function largestDiscountBp(f: Base): number | null {
  const cheapest = new Map<number, number>();
  for (const choice of allChoices(f)) {
    const c = configAt(f.deal, Infinity, choice);
    cheapest.set(c.list, Math.min(cheapest.get(c.list) ?? Infinity, c.cost));
  }
  const lists = [...cheapest].sort((a, b) => a[0] - b[0]);
  const offerOf = (list: number) => lessShare(list, f.deal.discount);
  const okBelow = [false]; // okBelow[k]: one of the k lowest lists is feasible at its own offer
  lists.forEach(([list, cost], k) => okBelow.push(okBelow[k]! || f.within(list, offerOf(list), cost)));
  const least = sparseMin(lists.map(([, cost]) => cost));
  let k = 0; // lists[k] is the first whose offer is ≥ T; T only grows as the scan goes down
  let j = 0; // lists[j] is the first the cap refuses at T: the cap allows more lists as T grows
  for (let bp = 10_000; bp >= 0; bp--) {
    const t = targetAt(f.offer, bp);
    while (k < lists.length && offerOf(lists[k]![0]) < t) k++;
    if (okBelow[k]) return bp;
    while (j < lists.length && capAllows(f.deal, lists[j]![0], t)) j++;
    if (j > k && f.within(lists[k]![0], t, least(k, j))) return bp;
  }
  return null;
}

/** Range minimum over [from, to) in O(1) after O(n log n). */
function sparseMin(xs: readonly number[]): (from: number, to: number) => number {
  const table = [xs.slice()];
  for (let w = 1; 2 * w <= xs.length; w *= 2) {
    const prev = table[table.length - 1]!;
    table.push(prev.slice(0, prev.length - w).map((x, i) => Math.min(x, prev[i + w]!)));
  }
  return (from, to) => {
    const level = Math.floor(Math.log2(to - from));
    const row = table[level]!;
    return Math.min(row[from]!, row[to - (1 << level)]!);
  };
}

export function bruteCounter(deal: Deal, request: Request, count = 3, keep: readonly string[] = [], addScope = false): BruteResult {
  const base = baseOf(deal, keep, addScope);
  const target = request.price !== undefined ? request.price : lessShare(base.offer, request.discount);
  const answer = bestAt({ ...base, target }, count);
  const maxDiscountBp = largestDiscountBp(base);
  if (answer.feasible || maxDiscountBp === null) return { ...answer, maxDiscountBp };
  return { ...answer, maxDiscountBp, atMaxDiscount: bestAt({ ...base, target: targetAt(base.offer, maxDiscountBp) }, count) };
}

export interface BruteLadder {
  /** The best nested package at each step met, in order. */
  readonly steps: readonly (BruteAlternative & { readonly priceOfNesting: number })[];
  /** Where the ladder stopped, if it did: the step's index and why. */
  readonly unmet?: { readonly index: number; readonly reason: 'beyond-reach' | 'not-nested' };
}

/**
 * A ladder by brute force, from docs/ladder.md: at each step, every configuration whose
 * levers sit at options worth no more than at the previous step's (the first step: the
 * offer as it stands), ranked as counter ranks, changes counted from the previous step.
 * `cap`: the approver's reach, a further cap on the discount off each package's list.
 */
export function bruteLadder(deal: Deal, stepsBp: readonly number[], keep: readonly string[] = [], cap?: Ratio): BruteLadder {
  const plain = baseOf(deal, keep);
  const capped = (list: number, price: number) => !cap || (B(list) - B(price)) * cap.den <= cap.num * B(list);
  const base: Base = { ...plain, within: (l, p, c) => plain.within(l, p, c) && capped(l, p) };
  const steps: (BruteAlternative & { priceOfNesting: number })[] = [];
  let from: readonly number[] = deal.levers.map((l) => l.current);
  for (const [index, bp] of stepsBp.entries()) {
    const target = targetAt(base.offer, bp);
    const startingAt = { ...deal, levers: deal.levers.map((l, j) => ({ ...l, current: from[j]! })) };
    const nested = bestAt({ ...base, deal: startingAt, target }, 1).alternatives[0];
    const free = bestAt({ ...base, target }, 1).alternatives[0];
    if (!nested) return { steps, unmet: { index, reason: free ? 'not-nested' : 'beyond-reach' } };
    steps.push({ ...nested, priceOfNesting: free!.value - nested.value });
    from = nested.choice;
  }
  return { steps };
}
