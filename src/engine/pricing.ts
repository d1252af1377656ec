import type { Choice, Deal, DealLever, DealOption } from './deal.js';
import { compareRatio, floorDiv, ratio, ratioToNumber, type Ratio } from './ratio.js';
import { WIDEN } from './relax.js';

/** What a configuration adds up to, in minor units. */
export interface Totals {
  /** List total: items plus the price of each chosen option. */
  readonly list: number;
  readonly cost: number;
  readonly value: number;
}

/** What the items alone add up to, before any lever. */
function itemTotals(deal: Deal): { list: number; cost: number; value: number } {
  const t = { list: 0, cost: 0, value: 0 };
  for (const it of deal.items) {
    t.list += it.price;
    t.cost += it.cost;
    t.value += it.value;
  }
  return t;
}

function add(t: { list: number; cost: number; value: number }, o: DealOption): void {
  t.list += o.price;
  t.cost += o.cost;
  t.value += o.value;
}

export function totals(deal: Deal, choice: Choice): Totals {
  const t = itemTotals(deal);
  deal.levers.forEach((l, j) => add(t, l.options[choice[j]!]!));
  return t;
}

/**
 * The levers a counter-offer may change (movable, with a choice to make), and the
 * totals of everything else: the items and every other lever at its current option.
 */
export function splitLevers(deal: Deal, movable: readonly boolean[]): { free: number[]; base: Totals } {
  const base = itemTotals(deal);
  const free: number[] = [];
  deal.levers.forEach((l, j) => {
    if (movable[j] && l.options.length > 1) free.push(j);
    else add(base, l.options[l.current]!);
  });
  return { free, base };
}

/** List total less the proposal's own discount, rounded down to the minor unit. */
export function offerPrice(deal: Deal, list: number): number {
  const d = deal.discount;
  return Number(floorDiv(BigInt(list) * (d.den - d.num), d.den));
}

/** T = offer × (1 − discount), rounded down: the customer gets at least what was asked. */
export function targetForDiscount(offer: number, discount: Ratio): number {
  return Number(floorDiv(BigInt(offer) * (discount.den - discount.num), discount.den));
}

/**
 * The policy turned into exact tests on (list, price, cost), for one original offer:
 * a configuration with list total L, priced at P, costing C is within policy when
 * listOk(L, P) (its discount off its own list, 1 − P/L, stays within maxDiscount) and
 * C ≤ maxCost(P) (the margin floor). maxCost is monotone in P, which the optimiser relies
 * on: nondecreasing, except under `preserve` when the original cost is negative (C0·P/O
 * falls as P rises).
 */
export interface Limits {
  readonly offer: number;
  listOk(list: number, price: number): boolean;
  /**
   * No feasible configuration priced at or below `target` has a list above this: with
   * P ≤ T, P ≥ L·(1 − cap) gives L ≤ T / (1 − cap). Infinity when nothing caps it.
   */
  listCap(target: number): number;
  maxCost(price: number): number;
  /** A line on or above maxCost, in floats for pruning only: maxCost(P) ≤ slope·P + intercept. */
  readonly line: { readonly slope: number; readonly intercept: number };
  /** maxCost exactly: maxCost(P) = ⌊(alpha·P − gamma) / beta⌋, beta > 0. */
  readonly exact: { readonly alpha: bigint; readonly beta: bigint; readonly gamma: bigint };
}

/**
 * `approverCap`: a further cap on the discount off list, the upTo of the approver who is
 * to sign (the lesser of it and maxDiscount applies).
 */
export function limits(deal: Deal, offer: number, originalCost: number, approverCap?: Ratio): Limits {
  const { marginFloor } = deal.policy;
  const cap = lesserCap(deal.policy.maxDiscount, approverCap);
  const O = BigInt(offer);
  // P ≥ L·(1 − num/den)  ⇔  P·den ≥ L·(den − num)
  const listOk = (list: number, price: number) => !cap || BigInt(price) * cap.den >= BigInt(list) * (cap.den - cap.num);
  const listCap = (target: number) => (!cap || cap.num >= cap.den ? Infinity
    : Number(floorDiv(BigInt(target) * cap.den, cap.den - cap.num)));
  let maxCost: (price: number) => number;
  let line: Limits['line'];
  let exact: Limits['exact'];
  switch (marginFloor.kind) {
    case 'preserve': {
      // margin/price ≥ (O − C0)/O  ⇔  C·O ≤ C0·P  (O > 0 is a rule on the proposal)
      const C0 = BigInt(originalCost);
      maxCost = (p) => Number(floorDiv(C0 * BigInt(p), O));
      line = { slope: originalCost / offer, intercept: 0 };
      exact = { alpha: C0, beta: O, gamma: 0n };
      break;
    }
    case 'ratio': {
      const { num, den } = marginFloor.ratio;
      maxCost = (p) => Number(floorDiv(BigInt(p) * (den - num), den));
      line = { slope: Number(den - num) / Number(den), intercept: 0 };
      exact = { alpha: den - num, beta: den, gamma: 0n };
      break;
    }
    case 'amount': {
      const a = marginFloor.amount;
      maxCost = (p) => p - a;
      line = { slope: 1, intercept: -a };
      exact = { alpha: 1n, beta: 1n, gamma: BigInt(a) };
      break;
    }
  }
  return { offer, listOk, listCap, maxCost, line, exact };
}

function lesserCap(a: Ratio | undefined, b: Ratio | undefined): Ratio | undefined {
  if (!a || !b) return a ?? b;
  return compareRatio(a, b) <= 0 ? a : b;
}

/**
 * What every feasible configuration at a target satisfies, in the terms the optimiser
 * prunes by. Its price lies between the lowest offer and the target, and
 * maxCost is monotone there, so the two ends bound its ceiling (the target's is usually
 * the larger; maxCost falls as the price rises only under `preserve` with a negative
 * cost). While maxCost rises, its cost also stays under the line at its offer:
 * C ≤ maxCost(offer) ≤ slope·(1 − d)·list + intercept, so each option weighs cost − κ·price
 * there, which a cost budget alone misses: a priced option dropped gives up price as well
 * as cost, and may buy no margin at all.
 */
export interface Envelope {
  /** Exact maxCost at the target: the ceiling of every configuration priced at T. */
  readonly atTarget: number;
  /** No feasible configuration costs more, */
  readonly budget: number;
  /** and none has a lower ceiling. */
  readonly lowCeiling: number;
  /** cost − κ·list ≤ lineCap = intercept + tolerance, in floats; lineCap is ∞ when it does not apply. */
  readonly kappa: number;
  readonly intercept: number;
  /** Far above the float error of any sum of weights. */
  readonly tolerance: number;
  readonly lineCap: number;
}

export function envelope(
  deal: Deal, limits: Limits, target: number, free: readonly DealLever[], base: { list: number; cost: number }, anyPriced: boolean,
): Envelope {
  const lowestList = free.reduce((s, l) => s + Math.min(...l.options.map((o) => o.price)), base.list);
  const lowest = Math.min(target, offerPrice(deal, lowestList));
  const atTarget = limits.maxCost(target);
  const atLowest = limits.maxCost(lowest);
  const { slope, intercept } = limits.line;
  const applies = slope >= 0 && anyPriced;
  const kappa = applies ? slope * (1 - ratioToNumber(deal.discount)) : 0;
  const magnitude = free.reduce((s, l) => s + Math.max(...l.options.map((o) => Math.abs(o.cost) + kappa * Math.abs(o.price))),
    Math.abs(base.cost) + kappa * Math.abs(base.list) + Math.abs(intercept));
  const tolerance = WIDEN * magnitude + 1;
  return {
    atTarget, budget: Math.max(atTarget, atLowest), lowCeiling: Math.min(atTarget, atLowest),
    kappa, intercept, tolerance, lineCap: applies ? intercept + tolerance : Infinity,
  };
}

/**
 * The last step in [from, to] (0.01% of discount off the original offer) at which a
 * package with this list and cost is still within policy, given that it is at `from`.
 * Exact, on the package's own numbers. It assumes the steps a package meets are a prefix,
 * which holds while maxCost rises with the price (`limits.line.slope ≥ 0`); callers
 * decide what to assume otherwise.
 */
export function lastStepMet(deal: Deal, limits: Limits, pkg: PackageAmounts, from: number, to: number): number {
  return largestStep(from, to, (bp) => (metAt(deal, limits, pkg, bp) ? bp : -1));
}

/** A package's list total and cost: all that decides whether it meets a request. */
export interface PackageAmounts {
  readonly list: number;
  readonly cost: number;
}

/** Whether a package is within policy at a step (0.01% of discount off the original offer). */
export function metAt(deal: Deal, limits: Limits, pkg: PackageAmounts, bp: number): boolean {
  const price = Math.min(targetForDiscount(limits.offer, ratio(bp, 10_000)), offerPrice(deal, pkg.list));
  return limits.listOk(pkg.list, price) && pkg.cost <= limits.maxCost(price);
}

/**
 * The largest step in [lo, hi] that is met, given that lo is and that being met is a
 * prefix of the steps. `probe` answers −1 for a step not met, or a step known to be met
 * at or beyond it, which lets the search skip ahead.
 */
export function largestStep(lo: number, hi: number, probe: (step: number) => number): number {
  let up = hi;
  while (lo < up) {
    const mid = Math.ceil((lo + up) / 2);
    const met = probe(mid);
    if (met >= 0) lo = met;
    else up = mid - 1;
  }
  return lo;
}

/** Margin over price, exact; null at a price of 0, where there is no ratio (100% off). */
export function marginRatio(margin: number, price: number): Ratio | null {
  return price === 0 ? null : { num: BigInt(margin), den: BigInt(price) };
}

/** Headline discount of a price against the offer, exact: what the customer asked for. */
export function discountOf(offer: number, price: number): Ratio {
  return { num: BigInt(offer - price), den: BigInt(offer) };
}

/**
 * Discount off a package's own list total, exact: what the vendor concedes on the scope
 * delivered. Policy (the cap, the approver) applies to this one. Zero for an empty list.
 */
export function listDiscountOf(list: number, price: number): Ratio {
  return list === 0 ? { num: 0n, den: 1n } : { num: BigInt(list - price), den: BigInt(list) };
}

/** The first approval band whose upTo covers the discount off the package's list. */
export function approverFor(deal: Deal, list: number, price: number): string | undefined {
  const d = listDiscountOf(list, price);
  return deal.policy.approvals.find((a) => d.num * a.upTo.den <= a.upTo.num * d.den)?.approver;
}
