import type { Alternative, Answer, CounterResult, Metrics } from '../engine/counter.js';
import { marginRatio } from '../engine/pricing.js';
import { ratioToNumber } from '../engine/ratio.js';
import { minorToNumber } from '../proposal/decimal.js';
import { UNDECIDED } from './counter-text.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** `counter --json`: the stable shape documented in docs/json.md. */
export function renderCounterJson(r: CounterResult): string {
  const money = (u: number) => minorToNumber(u, r.deal.digits);
  const metrics = (m: Metrics) => ({
    list: money(m.list), price: money(m.price), cost: money(m.cost), margin: money(m.margin),
    marginRatio: ratioToNumber(marginRatio(m.margin, m.price)), value: money(m.value),
  });
  const alternative = (a: Alternative) => ({
    rank: a.rank, price: money(a.price), discount: ratioToNumber(a.discount),
    list: money(a.list), listDiscount: ratioToNumber(a.listDiscount), cost: money(a.cost),
    margin: money(a.margin), marginRatio: ratioToNumber(marginRatio(a.margin, a.price)), value: money(a.value),
    valueLoss: money(a.valueLoss), approver: a.approver ?? null,
    changes: a.changes.map((c) => ({
      lever: c.lever, from: c.from, to: c.to,
      priceDelta: money(c.priceDelta), costDelta: money(c.costDelta), valueDelta: money(c.valueDelta),
    })),
  });
  const answer = (a: Answer) => ({
    request: { discount: ratioToNumber(a.request.discount), price: money(a.request.price) },
    feasible: a.feasible,
    optimal: a.optimal,
    ...(a.optimal ? {} : { valueBound: a.valueBound === null ? null : money(a.valueBound) }),
    ...(a.feasible === null ? { undecided: UNDECIDED } : {}),
    alternatives: a.alternatives.map(alternative),
  });
  const { request, feasible, ...rest } = answer(r);
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
  };
  return JSON.stringify(out, null, 2) + '\n';
}
