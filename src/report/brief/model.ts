import type { Alternative, Answer, CounterResult, Metrics } from '../../engine/counter.js';
import type { Curve } from '../../engine/curve.js';
import type { Deal } from '../../engine/deal.js';
import type { DistinctNote } from '../../engine/distinct.js';
import type { Ladder } from '../../engine/ladder.js';
import { limits, marginRatio } from '../../engine/pricing.js';
import { ratio, type Ratio } from '../../engine/ratio.js';
import type { ApproverLimit } from '../approver.js';

/**
 * Everything the brief shows, decided once from the engine's exact answers: the page
 * and its charts only lay it out. Amounts stay integer minor units; ratios stay exact.
 */
export interface BriefModel {
  readonly deal: Deal;
  readonly original: Metrics;
  readonly request: { readonly discount: Ratio; readonly price: number };
  /** met: the request is met; unmet: proven that nothing meets it; undecided: the time limit left it open. */
  readonly status: 'met' | 'unmet' | 'undecided';
  /** False when a time limit cut the answer's search short: the offers are the best found. */
  readonly optimal: boolean;
  /** The largest discount that can be met, on the 0.01% grid: num is in basis points over 10,000. */
  readonly maxDiscount: Ratio | null;
  /** The offers shown: those meeting the request, or, when it is not met, those at the largest discount. */
  readonly offers: readonly Offer[];
  readonly offersAt: { readonly discount: Ratio; readonly price: number } | undefined;
  readonly curve: Curve;
  /** The concession plan, when asked for. */
  readonly ladder: Ladder | undefined;
  /** With --distinct: how the alternatives were kept apart, and why fewer were found. */
  readonly distinct: DistinctNote | undefined;
  /** With --approver: every offer, the curve and the plan stay within what they may sign. */
  readonly approver: ApproverLimit | undefined;
}

export interface Offer {
  readonly alt: Alternative;
  readonly marginRatio: Ratio | null;
  /** The least margin policy allows at this price. */
  readonly floorMargin: number;
  /** Share of the original value the customer keeps; null when the offer had no value to keep. */
  readonly valueKept: Ratio | null;
}

export interface BriefExtras {
  readonly ladder?: Ladder;
  readonly distinct?: DistinctNote;
  readonly approver?: ApproverLimit;
}

export function briefModel(r: CounterResult, curve: Curve, extras: BriefExtras = {}): BriefModel {
  const shown: Answer | undefined = r.feasible ? r : r.atMaxDiscount;
  const status = r.feasible ? 'met' : r.optimal ? 'unmet' : 'undecided';
  return {
    deal: r.deal, original: r.original, request: r.request, status, optimal: r.optimal,
    maxDiscount: r.maxDiscountBp === null ? null : ratio(r.maxDiscountBp, 10_000),
    offers: (shown?.alternatives ?? []).map((alt) => offerOf(r.deal, r.original, alt)),
    offersAt: shown?.request,
    curve,
    ladder: extras.ladder,
    distinct: extras.distinct,
    approver: extras.approver,
  };
}

function offerOf(deal: Deal, original: Metrics, alt: Alternative): Offer {
  const floorMargin = alt.price - limits(deal, original.price, original.cost).maxCost(alt.price);
  return {
    alt, marginRatio: marginRatio(alt.margin, alt.price), floorMargin,
    valueKept: original.value > 0 ? ratio(alt.value, original.value) : null,
  };
}
