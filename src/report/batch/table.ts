import type { BatchRow } from '../../api/batch/evaluate.js';
import { marginRatio } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { anyFraction, formatMoney, formatPercent, palette } from '../format.js';
import { renderTable, type Row } from '../table.js';
import type { BatchFormat } from './index.js';
import { changeSummary, errorText } from './record.js';

const HEAD = ['File / proposal', 'Discount', 'Feasible', 'Price', 'Margin', 'Margin\n%', 'Value\nloss', '#', 'Changes', 'Approver', 'Max\ndiscount'];
const LEFT = new Set(['File / proposal', 'Feasible', 'Changes', 'Approver']);
type Cell = Row;

/**
 * A table for people: one line per file × discount, each file named once above its
 * discounts, changes one per line, fitted to the terminal (stacked when it is narrow).
 * It sizes its columns from every row, so it keeps the rows until `end`; the
 * streaming formats are for large batches.
 */
export const tableFormat: BatchFormat = ({ color, columns }) => {
  const rows: BatchRow[] = [];
  return {
    start: () => '',
    row: (row) => {
      rows.push(row);
      return '';
    },
    end: () => {
      // Amounts in one currency's digits align: all show their fraction once one has one.
      const full = new Set(rows.flatMap((r) => ('error' in r || !anyFraction([r.offer.price, r.offer.margin, r.offer.valueLoss], r.offer.digits)
        ? [] : [r.offer.digits])));
      return render(rows.map((r, i) => rowCells(r, r.file !== rows[i - 1]?.file, color, full)), color, columns);
    },
  };
};

function rowCells(row: BatchRow, first: boolean, color: boolean, full: ReadonlySet<number>): Cell {
  const c = palette(color);
  if ('error' in row) return [row.file, c.red(`error: ${errorText(undefined, row.error)}`)]; // spans the row
  const o = row.offer;
  const money = (u: number | undefined) => (u === undefined ? '—' : formatMoney(u, o.digits, full.has(o.digits)));
  return [
    first ? `${row.file}\n${oneLine(o.proposal)}\n${c.dim(`${oneLine(o.customer)} · ${o.currency}`)}` : '',
    formatPercent(row.discount),
    o.feasible === null ? c.yellow('undecided: time limit (raise --time-limit)') : !o.feasible ? c.red('no') : o.optimal ? c.green('yes') : c.yellow('yes, best found'),
    money(o.price),
    money(o.margin),
    o.margin === undefined || o.price === undefined ? '—' : formatPercent(marginRatio(o.margin, o.price)),
    money(o.valueLoss),
    o.feasible ? String(o.changes.length) : '—',
    !o.feasible ? '—' : o.changes.length === 0 ? 'no change' : changeSummary(o.changes, '\n'),
    o.approver ?? '—',
    o.maxDiscountBp === null ? 'none' : formatPercent(ratio(o.maxDiscountBp, 10_000)),
  ];
}

function render(cells: readonly Cell[], color: boolean, columns: number | undefined): string {
  return renderTable({ head: HEAD, align: HEAD.map((h) => (LEFT.has(h) ? 'left' : 'right')), color, width: columns }, cells) + '\n';
}

/** A title written over several lines, on one: the cell's lines are the table's. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
