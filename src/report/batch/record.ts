import type { BatchRow, RowError } from '../../api/batch/evaluate.js';
import { listDiscountOf, marginRatio } from '../../engine/pricing.js';
import { ratioToNumber } from '../../engine/ratio.js';
import { minorToNumber } from '../../proposal/decimal.js';

export interface ChangeRecord {
  readonly lever: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A batch row as machine-readable data, the same keys in the same order for every row
 * (null where a value does not apply), so that CSV columns and JSON keys line up.
 * Amounts are numbers in the major unit, ratios numbers between 0 and 1, as `counter --json`.
 */
export interface BatchRecord {
  readonly file: string;
  readonly proposal: string | null;
  readonly customer: string | null;
  readonly currency: string | null;
  readonly discount: number | null;
  readonly feasible: boolean | null;
  readonly optimal: boolean | null;
  readonly price: number | null;
  readonly list: number | null;
  readonly listDiscount: number | null;
  readonly margin: number | null;
  readonly marginRatio: number | null;
  readonly valueLoss: number | null;
  readonly changeCount: number | null;
  readonly changes: readonly ChangeRecord[] | null;
  readonly approver: string | null;
  readonly maxDiscount: number | null;
  readonly error: string | null;
}

export const RECORD_KEYS = ['file', 'proposal', 'customer', 'currency', 'discount', 'feasible', 'optimal', 'price',
  'list', 'listDiscount', 'margin', 'marginRatio', 'valueLoss', 'changeCount', 'changes', 'approver', 'maxDiscount', 'error'] as const satisfies
  readonly (keyof BatchRecord)[];

const EMPTY = {
  proposal: null, customer: null, currency: null, discount: null, feasible: null, optimal: null, price: null,
  list: null, listDiscount: null, margin: null, marginRatio: null, valueLoss: null, changeCount: null, changes: null, approver: null, maxDiscount: null,
} as const;

export function toRecord(row: BatchRow): BatchRecord {
  if ('error' in row) return { file: row.file, ...EMPTY, error: errorText(row.file, row.error) };
  const o = row.offer;
  const money = (u: number | undefined) => (u === undefined ? null : minorToNumber(u, o.digits));
  return {
    file: row.file, proposal: o.proposal, customer: o.customer, currency: o.currency,
    discount: ratioToNumber(row.discount), feasible: o.feasible, optimal: o.optimal,
    price: money(o.price), list: money(o.list),
    listDiscount: o.list === undefined || o.price === undefined ? null : ratioToNumber(listDiscountOf(o.list, o.price)),
    margin: money(o.margin),
    marginRatio: o.margin === undefined || o.price === undefined ? null : ratioToNumber(marginRatio(o.margin, o.price)),
    valueLoss: money(o.valueLoss),
    changeCount: o.feasible ? o.changes.length : null, changes: o.feasible ? o.changes : null,
    approver: o.approver ?? null,
    maxDiscount: o.maxDiscountBp === null ? null : o.maxDiscountBp / 10_000,
    error: null,
  };
}

/** "support.term: 4 years→3 years; support.hardware: All hardware→Core hardware only". */
export function changeSummary(changes: readonly ChangeRecord[], separator = '; '): string {
  return changes.map((c) => `${c.lever}: ${c.from}→${c.to}`).join(separator);
}

/** "file:line:col: message (and 2 more)", the position left out when the file itself failed. */
export function errorText(file: string | undefined, e: RowError): string {
  const at = e.line === undefined ? '' : `:${e.line}:${e.col}`;
  const more = e.more > 0 ? ` (and ${e.more} more; valuepack check lists them)` : '';
  const where = file === undefined ? at.slice(1) : file + at;
  return `${where ? where + ': ' : ''}${e.message}${more}`;
}
