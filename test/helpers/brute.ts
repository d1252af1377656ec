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
  /** Is a configuration at this price and cost within policy? */
  readonly within: (price: number, cost: number) => boolean;
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

export function baseOf(deal: Deal, keep: readonly string[] = []): Base {
  const original = configAt(deal, Infinity, deal.levers.map((l) => l.current));
  const movable = deal.levers.map((l) => !l.locked && !keep.includes(l.path));
  return { deal, movable, offer: original.offer, within: policyOf(deal, original.offer, original.cost) };
}

/** The policy for an original offer O and cost C0, each rule cross-multiplied with a positive denominator. */
export function policyOf(deal: Deal, offer: number, originalCost: number): (price: number, cost: number) => boolean {
  const O = B(offer);
  const originalMargin = O - B(originalCost);
  const cap = deal.policy.maxDiscount;
  const floor = deal.policy.marginFloor;
  return (price, cost) => {
    const P = B(price);
    const margin = P - B(cost);
    // headline discount (O − P)/O ≤ cap
    if (cap && (O - P) * cap.den > cap.num * O) return false;
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

export function isFeasible(f: Frame, c: Config): boolean {
  return f.within(c.price, c.cost);
}

/** No single movable lever can move to an option of strictly higher value and stay feasible. */
export function isMinimal(f: Frame, c: Config): boolean {
  return f.deal.levers.every((l, j) => !f.movable[j] || l.options.every((o, k) => {
    if (o.value <= l.options[c.choice[j]!]!.value) return true;
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

/** Every choice: movable levers take each of their options, the others stay current. */
export function allChoices(deal: Deal, movable: readonly boolean[]): number[][] {
  let out: number[][] = [[]];
  deal.levers.forEach((l, j) => {
    const ks = movable[j] ? l.options.map((_, k) => k) : [l.current];
    out = out.flatMap((prefix) => ks.map((k) => [...prefix, k]));
  });
  return out;
}

export function approver(deal: Deal, offer: number, price: number): string | undefined {
  const gap = B(offer - price);
  return deal.policy.approvals.find((a) => gap * a.upTo.den <= a.upTo.num * B(offer))?.approver;
}

export function bestAt(f: Frame, count: number): BruteAnswer {
  const ranked = allChoices(f.deal, f.movable)
    .map((choice) => configAt(f.deal, f.target, choice))
    .filter((c) => isFeasible(f, c) && isMinimal(f, c))
    .sort(rank)
    .slice(0, count);
  return {
    target: f.target,
    feasible: ranked.length > 0,
    alternatives: ranked.map((c) => ({
      choice: c.choice, price: c.price, cost: c.cost, value: c.value, margin: c.margin, changes: c.changes,
      approver: approver(f.deal, f.offer, c.price),
    })),
  };
}

const targetAt = (offer: number, bp: number): number => lessShare(offer, { num: B(bp), den: 10_000n });

/** The largest discount a request may ask, in basis points: the policy's cap, or 100%. */
export function topBp(deal: Deal): number {
  const cap = deal.policy.maxDiscount;
  return cap ? Number((cap.num * 10_000n) / cap.den) : 10_000;
}

/**
 * The largest discount, in basis points up to the cap, at which some configuration is
 * feasible, found by scanning down from the top. At a given price a lower cost never
 * hurts, so each distinct offer keeps its cheapest cost. An offer below T is its own
 * price whatever T is; all offers from T up are priced at T, where the cheapest decides.
 */
export function largestDiscountBp(f: Base): number | null {
  const cheapest = new Map<number, number>();
  for (const choice of allChoices(f.deal, f.movable)) {
    const c = configAt(f.deal, Infinity, choice);
    cheapest.set(c.offer, Math.min(cheapest.get(c.offer) ?? Infinity, c.cost));
  }
  const offers = [...cheapest].sort((a, b) => a[0] - b[0]);
  // okBelow[k]: one of the k lowest offers is feasible at its own price; cheapestFrom[k]: least cost from offer k up
  const okBelow = [false];
  offers.forEach(([offer, cost], k) => okBelow.push(okBelow[k]! || f.within(offer, cost)));
  const cheapestFrom = offers.map(([, cost]) => cost);
  for (let k = cheapestFrom.length - 2; k >= 0; k--) cheapestFrom[k] = Math.min(cheapestFrom[k]!, cheapestFrom[k + 1]!);
  let k = 0; // offers[k] is the first offer ≥ T; T only grows as the scan goes down
  for (let bp = topBp(f.deal); bp >= 0; bp--) {
    const t = targetAt(f.offer, bp);
    while (k < offers.length && offers[k]![0] < t) k++;
    if (okBelow[k] || (k < offers.length && f.within(t, cheapestFrom[k]!))) return bp;
  }
  return null;
}

export function bruteCounter(deal: Deal, request: Request, count = 3, keep: readonly string[] = []): BruteResult {
  const base = baseOf(deal, keep);
  const target = 'price' in request ? request.price : lessShare(base.offer, request.discount);
  const answer = bestAt({ ...base, target }, count);
  const maxDiscountBp = largestDiscountBp(base);
  if (answer.feasible || maxDiscountBp === null) return { ...answer, maxDiscountBp };
  return { ...answer, maxDiscountBp, atMaxDiscount: bestAt({ ...base, target: targetAt(base.offer, maxDiscountBp) }, count) };
}
