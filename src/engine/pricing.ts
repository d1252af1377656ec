import type { Choice, Deal } from './deal.js';
import { ceilDiv, floorDiv, type Ratio } from './ratio.js';

/** What a configuration adds up to, in minor units. */
export interface Totals {
  /** List total: items plus the price of each chosen option. */
  readonly list: number;
  readonly cost: number;
  readonly value: number;
}

export function totals(deal: Deal, choice: Choice): Totals {
  let list = 0;
  let cost = 0;
  let value = 0;
  for (const it of deal.items) {
    list += it.price;
    cost += it.cost;
    value += it.value;
  }
  deal.levers.forEach((l, j) => {
    const o = l.options[choice[j]!]!;
    list += o.price;
    cost += o.cost;
    value += o.value;
  });
  return { list, cost, value };
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
 * The policy turned into two exact tests on (price, cost), for one original offer:
 * a configuration at price P with cost C is within policy when P ≥ minPrice and
 * C ≤ maxCost(P). maxCost is nondecreasing in P, which the optimiser relies on.
 */
export interface Limits {
  readonly offer: number;
  readonly minPrice: number;
  maxCost(price: number): number;
}

export function limits(deal: Deal, offer: number, originalCost: number): Limits {
  const { marginFloor, maxDiscount } = deal.policy;
  const O = BigInt(offer);
  const minPrice = maxDiscount
    ? Number(ceilDiv(O * (maxDiscount.den - maxDiscount.num), maxDiscount.den))
    : Number.NEGATIVE_INFINITY;
  let maxCost: (price: number) => number;
  switch (marginFloor.kind) {
    case 'preserve': {
      // margin/price ≥ (O − C0)/O  ⇔  C·O ≤ C0·P  (O > 0 is a rule on the proposal)
      const C0 = BigInt(originalCost);
      maxCost = (p) => Number(floorDiv(C0 * BigInt(p), O));
      break;
    }
    case 'ratio': {
      const { num, den } = marginFloor.ratio;
      maxCost = (p) => Number(floorDiv(BigInt(p) * (den - num), den));
      break;
    }
    case 'amount': {
      const a = marginFloor.amount;
      maxCost = (p) => p - a;
      break;
    }
  }
  return { offer, minPrice, maxCost };
}

/** Headline discount of a price against the offer, exact. */
export function discountOf(offer: number, price: number): Ratio {
  return { num: BigInt(offer - price), den: BigInt(offer) };
}

/** The first approval band whose upTo covers the headline discount. */
export function approverFor(deal: Deal, offer: number, price: number): string | undefined {
  const gap = BigInt(offer - price);
  return deal.policy.approvals.find((a) => gap * a.upTo.den <= a.upTo.num * BigInt(offer))?.approver;
}
