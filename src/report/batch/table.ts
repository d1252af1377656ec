import type { BatchRow } from '../../batch/evaluate.js';
import { marginRatio } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { formatMoney, formatPercent, palette } from '../format.js';
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
  const cells: Cell[] = [];
  let previous: string | undefined;
  return {
    start: () => '',
    row: (row) => {
      cells.push(rowCells(row, row.file !== previous, color));
      previous = row.file;
      return '';
    },
    end: () => render(cells, color, columns),
  };
};

function rowCells(row: BatchRow, first: boolean, color: boolean): Cell {
  const c = palette(color);
  if ('error' in row) return [row.file, c.red(`error: ${errorText(undefined, row.error)}`)]; // spans the row
  const o = row.offer;
  const money = (u: number | undefined) => (u === undefined ? '—' : formatMoney(u, o.digits));
  return [
    first ? `${row.file}\n${oneLine(o.proposal)}\n${c.dim(`${oneLine(o.customer)} · ${o.currency}`)}` : '',
    formatPercent(row.discount),
    !o.feasible ? c.red('no') : o.optimal ? c.green('yes') : c.yellow('yes, best found'),
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
