import { palette } from './format.js';
import { displayWidth, longestWord, wrapText } from './text-width.js';

export { displayWidth } from './text-width.js';

/**
 * Tables for people, fitted to the terminal. At their natural width they are drawn as
 * cli-table3 draws them (one space of padding, multi-line cells), without its start-up
 * cost, and with no rule between rows unless a row spans several lines. When `width`
 * is narrower, the text columns wrap between words (money is never cut); when even that cannot fit,
 * each row is stacked as "Heading  value" lines.
 */
export interface TableSpec {
  readonly head: readonly string[];
  readonly align: readonly ('left' | 'right')[];
  /** Colour the head (cyan) and the rules (grey), as the rest of the output is. */
  readonly color: boolean;
  /** Terminal columns the table may take; none: as wide as its cells. */
  readonly width?: number | undefined;
}

/** A row with fewer cells than the head: its last cell spans the columns left. */
export type Row = readonly string[];

/** Narrowest a stacked value is wrapped to, however narrow the terminal. */
const MIN_COLUMN = 10;

export function renderTable(spec: TableSpec, rows: readonly Row[]): string {
  const c = palette(spec.color);
  const all: Row[] = [spec.head.map((h) => c.cyan(h)), ...rows];
  const natural = spec.head.map((_, j) => Math.max(...all.filter((r) => full(r, j, spec)).map((r) => displayWidth(r[j]!))));
  const widths = spec.width === undefined ? natural : fit(spec, all, natural, spec.width);
  return widths ? boxed(spec, all, widths) : stacked(spec, rows, spec.width!);
}

/** Whether row r has its own cell in column j (not one spanning from before it). */
const full = (r: Row, j: number, spec: TableSpec) => r.length === spec.head.length || j < r.length - 1;

/** Border and padding columns around n cells. */
const frame = (n: number) => 3 * n + 1;

/**
 * Column widths within `width`: the widest text column gives up a column at a time,
 * down to its longest word (an amount is one word: never cut); undefined when even
 * that is too wide.
 */
function fit(spec: TableSpec, all: readonly Row[], natural: readonly number[], width: number): number[] | undefined {
  const budget = width - frame(natural.length);
  const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  const mins = natural.map((_, j) => {
    const cells = all.slice(1).filter((r) => full(r, j, spec)).map((r) => r[j]!);
    return Math.max(longestWord(all[0]![j]!), ...cells.map(longestWord));
  });
  if (sum(mins) > budget) return undefined;
  const widths = [...natural];
  while (sum(widths) > budget) {
    const j = widths.reduce((best, w, k) => (w > mins[k]! && (best < 0 || w > widths[best]!) ? k : best), -1);
    widths[j]!--;
  }
  return widths;
}

function boxed(spec: TableSpec, all: readonly Row[], widths: readonly number[]): string {
  const c = palette(spec.color);
  const span = (r: Row, j: number) => (full(r, j, spec) ? widths[j]! : widths.slice(j).reduce((a, w) => a + w + 3, -3));
  const cells = all.map((r) => r.map((cell, j) => wrapText(cell, span(r, j))));
  const rule = (left: string, mid: string, right: string) => c.gray(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right);
  const bar = c.gray('│');
  const ruled = cells.slice(1).some((r) => r.some((lines) => lines.length > 1));
  const out = [rule('┌', '┬', '┐')];
  cells.forEach((row, i) => {
    if (i === 1 || (i > 1 && ruled)) out.push(rule('├', '┼', '┤'));
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const padded = row.map((lines, j) => {
        const text = lines[k] ?? '';
        const gap = ' '.repeat(Math.max(0, span(all[i]!, j) - displayWidth(text)));
        const right = spec.align[j] === 'right' && full(all[i]!, j, spec);
        return ` ${right ? gap + text : text + gap} `;
      });
      out.push(bar + padded.join(bar) + bar);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/**
 * Each row as "Heading  value" lines (a spanning cell without heading), a blank line
 * between rows, empty cells left out; on a very narrow terminal the values go under
 * their headings.
 */
function stacked(spec: TableSpec, rows: readonly Row[], width: number): string {
  const c = palette(spec.color);
  const heads = spec.head.map((h) => h.replace(/\s*\n\s*/g, ' '));
  const widest = Math.max(...heads.map(displayWidth)) + 2;
  const inline = width - widest >= MIN_COLUMN;
  const indent = inline ? widest : 2;
  const blocks = rows.map((r) => r.flatMap((cell, j) => {
    if (cell === '') return [];
    const lines = wrapText(cell, Math.max(1, width - indent)).map((line) => ' '.repeat(indent) + line);
    if (!full(r, j, spec)) return lines;
    const head = c.cyan(heads[j]!);
    if (!inline) return [head, ...lines];
    return [head + lines[0]!.slice(displayWidth(heads[j]!)), ...lines.slice(1)];
  }).join('\n'));
  return blocks.join('\n\n');
}
