import { palette } from './format.js';

/**
 * Boxed tables for people, drawn as cli-table3 draws them (one rule between rows, one
 * space of padding, multi-line cells) without its cost on the path every `counter` takes:
 * loading cli-table3 and compiling its emoji regex on first use is about 10 ms of a
 * ~60 ms run. Widths are terminal columns: ANSI colours count for nothing, East Asian
 * wide characters and emoji for two, combining marks for none.
 */
export interface TableSpec {
  readonly head: readonly string[];
  readonly align: readonly ('left' | 'right')[];
  /** Colour the head (cyan) and the rules (grey), as the rest of the output is. */
  readonly color: boolean;
}

export function renderTable(spec: TableSpec, rows: readonly (readonly string[])[]): string {
  const c = palette(spec.color);
  const cells = [spec.head.map((h) => c.cyan(h)), ...rows].map((row) => row.map((cell) => cell.split('\n')));
  const widths = spec.head.map((_, j) => Math.max(...cells.map((row) => Math.max(...row[j]!.map(displayWidth)))));
  const rule = (left: string, mid: string, right: string) => c.gray(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right);
  const bar = c.gray('│');
  const out = [rule('┌', '┬', '┐')];
  cells.forEach((row, i) => {
    if (i > 0) out.push(rule('├', '┼', '┤'));
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const padded = row.map((lines, j) => {
        const text = lines[k] ?? '';
        const gap = ' '.repeat(widths[j]! - displayWidth(text));
        return ` ${spec.align[j] === 'right' ? gap + text : text + gap} `;
      });
      out.push(bar + padded.join(bar) + bar);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

const ANSI = /\x1b\[[0-9;]*m/g;
/** An emoji as terminals draw it, two columns: flags, emoji presentation, ZWJ sequences. */
const EMOJI = /\p{RI}\p{RI}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{EMod}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)?)*/gu;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
/** East Asian wide and fullwidth ranges (as is-fullwidth-code-point, which cli-table3 uses). */
const WIDE: readonly (readonly [number, number])[] = [[0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0x3247],
  [0x3250, 0x4dbf], [0x4e00, 0xa4c6], [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6b],
  [0xff01, 0xff60], [0xffe0, 0xffe6], [0x1b000, 0x1b001], [0x1f200, 0x1f251], [0x20000, 0x3fffd]];

/** Terminal columns a string takes. */
export function displayWidth(text: string): number {
  const plain = text.replace(ANSI, '');
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  let width = 0;
  for (const ch of plain.replace(EMOJI, '  ')) {
    const cp = ch.codePointAt(0)!;
    if (ZERO_WIDTH.test(ch)) continue;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}
