import type { Curve } from '../engine/curve.js';
import type { Deal } from '../engine/deal.js';
import { minorToNumber } from '../proposal/decimal.js';
import { approverLimitJson, type ApproverLimit } from './approver.js';
import { changeSummary } from './batch/record.js';
import { csvField } from './batch/csv.js';
import { changeJson } from './counter-json.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** `curve --format json`: the segments, discounts as ratios, amounts in the major unit. */
export function renderCurveJson(deal: Deal, c: Curve, approver?: ApproverLimit): string {
  const money = (u: number) => minorToNumber(u, deal.digits);
  const out = {
    schemaVersion: SCHEMA_VERSION,
    proposal: deal.title,
    currency: deal.currency,
    ...approverLimitJson(approver),
    maxDiscount: c.maxDiscountBp === null ? null : c.maxDiscountBp / 10_000,
    optimal: c.optimal,
    segments: c.segments.map((s) => ({
      from: s.fromBp / 10_000, to: s.toBp / 10_000, valueLoss: money(s.valueLoss),
      marginFrom: money(s.marginFrom), marginTo: money(s.marginTo), changes: s.changes.map((ch) => changeJson(ch, money)),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

const EOL = '\r\n';
const HEADER = ['from', 'to', 'valueLoss', 'marginFrom', 'marginTo', 'changes'];

/** `curve --format csv`: one RFC 4180 record per segment, changes in the short form batch uses. */
export function renderCurveCsv(deal: Deal, c: Curve): string {
  const money = (u: number) => minorToNumber(u, deal.digits);
  const rows = c.segments.map((s) => [s.fromBp / 10_000, s.toBp / 10_000, money(s.valueLoss), money(s.marginFrom),
    money(s.marginTo), changeSummary(s.changes)].map(csvField).join(','));
  return [HEADER.join(','), ...rows].map((r) => r + EOL).join('');
}
