import type { Ladder } from '../engine/ladder.js';
import { marginRatio } from '../engine/pricing.js';
import { ratioToNumber } from '../engine/ratio.js';
import { minorToNumber } from '../proposal/decimal.js';
import { approverLimitJson, type ApproverLimit } from './approver.js';
import { changeJson, metricsJson } from './counter-json.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** `ladder --json`: the shape documented in docs/ladder.md and docs/json.md. */
export function renderLadderJson(l: Ladder, approver?: ApproverLimit): string {
  const money = (u: number) => minorToNumber(u, l.deal.digits);
  const out = {
    schemaVersion: SCHEMA_VERSION,
    proposal: l.deal.title,
    currency: l.deal.currency,
    original: metricsJson(l.original, money),
    ...approverLimitJson(approver),
    optimal: l.optimal,
    steps: l.steps.map((s, i) => {
      const p = s.package;
      return {
        step: i + 1, discount: ratioToNumber(s.request.discount), price: money(p.price),
        list: money(p.list), listDiscount: ratioToNumber(p.listDiscount), cost: money(p.cost),
        margin: money(p.margin), marginRatio: ratioToNumber(marginRatio(p.margin, p.price)),
        value: money(p.value), valueLoss: money(p.valueLoss), approver: p.approver ?? null,
        changes: p.changes.map((c) => changeJson(c, money)),
        added: s.added.map((c) => changeJson(c, money)),
        priceOfNesting: money(s.priceOfNesting),
      };
    }),
    ...(l.unmet ? {
      unmet: {
        discount: ratioToNumber(l.unmet.request.discount), price: money(l.unmet.request.price), reason: l.unmet.reason,
        maxDiscount: l.unmet.maxDiscountBp === null ? null : l.unmet.maxDiscountBp / 10_000,
        ...(l.unmet.unnestedValueLoss !== undefined ? { unnestedValueLoss: money(l.unmet.unnestedValueLoss) } : {}),
      },
    } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
