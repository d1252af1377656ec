import Table from 'cli-table3';
import type { BatchRow } from '../../api/batch/evaluate.js';
import { marginRatio } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { formatMoney, formatPercent, palette } from '../format.js';
import type { BatchFormat } from './index.js';
import { changeSummary, errorText } from './record.js';

const HEAD = ['File / proposal', 'Discount', 'Feasible', 'Price', 'Margin', 'Margin\n%', 'Value\nloss', '#', 'Changes', 'Approver', 'Max\ndiscount'];
const LEFT = new Set(['File / proposal', 'Feasible', 'Changes', 'Approver']);
const CHANGES = HEAD.indexOf('Changes');
/** Narrowest the Changes column is squeezed to when fitting the terminal. */
const MIN_CHANGES = 24;

type Cell = string | { readonly colSpan: number; readonly content: string; readonly hAlign: 'left' };

/**
 * A table for people: one line per file × discount, each file named once above its
 * discounts, changes one per line, wrapped to fit the terminal when there is one.
 * It sizes its columns from every row, so it keeps the rows until `end`; the
 * streaming formats are for large batches.
 */
export const tableFormat: BatchFormat = ({ color, columns }) => {
  const cells: Cell[][] = [];
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

function rowCells(row: BatchRow, first: boolean, color: boolean): Cell[] {
  const c = palette(color);
  if ('error' in row) return [row.file, { colSpan: HEAD.length - 1, content: c.red(`error: ${errorText(undefined, row.error)}`), hAlign: 'left' }];
  const o = row.offer;
  const money = (u: number | undefined) => (u === undefined ? '—' : formatMoney(u, o.digits));
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

function render(cells: readonly Cell[][], color: boolean, columns: number | undefined): string {
  const table = new Table({
    head: HEAD,
    colAligns: HEAD.map((h) => (LEFT.has(h) ? 'left' : 'right')),
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
    ...(columns === undefined ? {} : { colWidths: fitted(cells, columns) }),
  });
  table.push(...cells.map((row) => [...row]));
  return table.toString() + '\n';
}

/** Every column at its natural width but Changes (and the error cells that span it), which gets what is left. */
function fitted(cells: readonly Cell[][], columns: number): number[] {
  const widths = HEAD.map(width);
  for (const row of cells) {
    row.forEach((cell, i) => {
      if (typeof cell === 'string') widths[i] = Math.max(widths[i]!, width(cell));
    });
  }
  const others = widths.reduce((sum, w, i) => (i === CHANGES ? sum : sum + w), 0);
  widths[CHANGES] = Math.min(widths[CHANGES]!, Math.max(MIN_CHANGES, columns - others - (HEAD.length + 1)));
  return widths;
}

/** A title written over several lines, on one: the cell's lines are the table's. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Columns a cell takes: its longest line without colour codes, plus the padding. */
function width(text: string): number {
  return 2 + Math.max(...text.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').length));
}
