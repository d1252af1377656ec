import type { Ratio } from './ratio.js';

/**
 * The engine's view of a proposal: every amount an integer number of minor units
 * (a safe integer; the loader refuses totals that could leave that range), every
 * percentage an exact ratio, every lever flattened in file order.
 */
/** Where a node is in the proposal document: keys and array indices. */
export type Path = readonly (string | number)[];

export interface Deal {
  readonly title: string;
  readonly customer: string;
  readonly vendor?: string;
  readonly currency: string;
  readonly digits: number;
  /** Discount already granted on the list total. */
  readonly discount: Ratio;
  readonly policy: Policy;
  readonly items: readonly DealItem[];
  /** Item levers in file order, then deal terms. */
  readonly levers: readonly DealLever[];
}

export type MarginFloor =
  | { readonly kind: 'preserve' }
  | { readonly kind: 'ratio'; readonly ratio: Ratio }
  | { readonly kind: 'amount'; readonly amount: number };

export interface Policy {
  readonly marginFloor: MarginFloor;
  /** The largest headline discount ever shown; undefined: no cap. */
  readonly maxDiscount?: Ratio;
  readonly approvals: readonly { readonly upTo: Ratio; readonly approver: string }[];
}

export interface DealItem {
  readonly id: string;
  readonly name: string;
  /** The item's own amounts, without its levers. */
  readonly price: number;
  readonly cost: number;
  readonly value: number;
  readonly quantity?: number;
  readonly unitPrice?: number;
  readonly source: Path;
}

export interface DealLever {
  /** `item.lever` or `terms.lever`. */
  readonly path: string;
  readonly name: string;
  /** Index of the option in the offer now. */
  readonly current: number;
  readonly locked: boolean;
  readonly options: readonly DealOption[];
  readonly source: Path;
}

export interface DealOption {
  readonly name: string;
  readonly price: number;
  readonly cost: number;
  readonly value: number;
}

/** One option index per lever, in the order of Deal.levers. */
export type Choice = readonly number[];

export function currentChoice(deal: Deal): number[] {
  return deal.levers.map((l) => l.current);
}
