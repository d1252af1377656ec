import type { Alternative, Answer, Change, CounterResult, Metrics } from '../engine/counter.js';
import { marginRatio } from '../engine/pricing.js';
import { ratioToNumber, type Ratio } from '../engine/ratio.js';
import { minorToDecimal, minorToNumber } from '../proposal/decimal.js';
import { UNDECIDED } from './counter-text.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { approverLimitJson } from './approver.js';
import type { CounterExtras } from './counter-text.js';

/** One change of scope as every JSON output prints it. */
export function changeJson(c: Change, money: (u: number) => number) {
  return {
    lever: c.lever, from: c.from, to: c.to,
    priceDelta: money(c.priceDelta), costDelta: money(c.costDelta), valueDelta: money(c.valueDelta),
  };
}

/** The original offer's figures as every JSON output prints them. */
export function metricsJson(m: Metrics, money: (u: number) => number) {
  return {
    list: money(m.list), price: money(m.price), cost: money(m.cost), margin: money(m.margin),
    marginRatio: ratioToNumber(marginRatio(m.margin, m.price)), value: money(m.value),
  };
}

/**
 * `counter --json`: the stable shape documented in docs/json.md (`approverLimit`, `distinct`:
 * only with their flags). Given the request as asked, `request.discount` is that discount,
 * exactly ("3.33%" → 0.0333), rather than the discount of the target price it was rounded to.
 */
export function renderCounterJson(r: CounterResult, extras: CounterExtras = {}): string {
  const money = (u: number) => minorToNumber(u, r.deal.digits);
  const metrics = (m: Metrics) => metricsJson(m, money);
  const alternative = (a: Alternative) => ({
    rank: a.rank, price: money(a.price), discount: ratioToNumber(a.discount),
    list: money(a.list), listDiscount: ratioToNumber(a.listDiscount), cost: money(a.cost),
    margin: money(a.margin), marginRatio: ratioToNumber(marginRatio(a.margin, a.price)), value: money(a.value),
    valueLoss: money(a.valueLoss), approver: a.approver ?? null,
    changes: a.changes.map((c) => changeJson(c, money)),
  });
  const answer = (a: Answer, discount = a.request.discount) => ({
    request: { discount: exactNumber(discount), price: money(a.request.price) },
    feasible: a.feasible,
    optimal: a.optimal,
    provenCount: a.provenCount,
    ...(a.optimal ? {} : { valueBound: a.valueBound === null ? null : money(a.valueBound) }),
    ...(a.feasible === null ? { undecided: UNDECIDED } : {}),
    alternatives: a.alternatives.map(alternative),
  });
  const { request, feasible, ...rest } = answer(r, extras.asked?.discount);
  const out = {
    schemaVersion: SCHEMA_VERSION,
    proposal: r.deal.title,
    currency: r.deal.currency,
    original: metrics(r.original),
    request,
    feasible,
    maxDiscount: r.maxDiscountBp === null ? null : r.maxDiscountBp / 10_000,
    ...rest,
    ...(r.atMaxDiscount ? { atMaxDiscount: answer(r.atMaxDiscount) } : {}),
    ...approverLimitJson(extras.approver),
    ...(extras.distinct ? { distinct: { requested: extras.distinct.requested, reason: extras.distinct.reason ?? null } } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** A ratio as JSON, through its exact decimal text when it has a short one. */
function exactNumber(r: Ratio): number {
  for (let k = 0; k <= 15; k++) {
    const scaled = r.num * 10n ** BigInt(k);
    if (scaled % r.den === 0n) return Number(minorToDecimal(scaled / r.den, k));
  }
  return ratioToNumber(r);
}
