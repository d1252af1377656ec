/**
 * Terminal columns, the one measure every renderer uses: ANSI colours count for nothing,
 * East Asian wide characters and emoji for two, combining marks for none. And text
 * wrapped to a number of columns with its colours carried over the line breaks.
 */

const ANSI = /\x1b\[[0-9;]*m/g;
/** An emoji as terminals draw it, two columns: flags, emoji presentation, ZWJ sequences. */
const EMOJI = /\p{RI}\p{RI}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{EMod}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)?)*/gu;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
/** East Asian wide and fullwidth ranges (as is-fullwidth-code-point, which cli-table3 uses). */
const WIDE: readonly (readonly [number, number])[] = [[0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0x3247],
  [0x3250, 0x4dbf], [0x4e00, 0xa4c6], [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6b],
  [0xff01, 0xff60], [0xffe0, 0xffe6], [0x1b000, 0x1b001], [0x1f200, 0x1f251], [0x20000, 0x3fffd]];

/** Terminal columns a string takes (its longest line, when it has several). */
export function displayWidth(text: string): number {
  if (text.includes('\n')) return Math.max(...text.split('\n').map(displayWidth));
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

/** The widest word of a text: the narrowest it can be wrapped to without cutting a word. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[\n ]/).map(displayWidth));
}

/**
 * The text's lines, each at most `width` columns: broken at spaces, a word longer than
 * a line cut between characters. Lines that already fit are kept as they are.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (displayWidth(line) <= width) {
      out.push(line);
      continue;
    }
    let current = '';
    for (const word of line.split(' ').flatMap((w) => cutWord(w, width))) {
      if (current !== '' && displayWidth(current) + 1 + displayWidth(word) <= width) current += ' ' + word;
      else {
        if (current !== '') out.push(current);
        current = word;
      }
    }
    out.push(current);
  }
  return carryColours(out);
}

/** Made on first use: only a word wider than a line needs it. */
let segmenter: Intl.Segmenter | undefined;

/** A word in pieces of at most `width` columns, colour codes kept whole. */
function cutWord(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const pieces = [''];
  for (const part of word.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) {
      pieces[pieces.length - 1] += part;
      continue;
    }
    for (const { segment } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(part)) {
      const last = pieces[pieces.length - 1]!;
      if (displayWidth(last + segment) > width && displayWidth(last) > 0) pieces.push(segment);
      else pieces[pieces.length - 1] = last + segment;
    }
  }
  return pieces;
}

/** Which attribute an SGR code sets, and which codes turn attributes off. */
function slot(code: number): string | undefined {
  if (code === 1 || code === 2) return 'intensity';
  if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) return 'fg';
  if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) return 'bg';
  return [3, 4, 7, 9].includes(code) ? String(code) : undefined;
}
const CLOSES: Readonly<Record<number, string>> = { 22: 'intensity', 39: 'fg', 49: 'bg', 23: '3', 24: '4', 27: '7', 29: '9' };

/**
 * Colour open at the end of a wrapped line is closed there and opened again on the next,
 * so that a cell's colour never bleeds into the table's borders.
 */
function carryColours(lines: string[]): string[] {
  const open = new Map<string, string>();
  return lines.map((line) => {
    const prefix = [...open.values()].join('');
    for (const m of line.matchAll(ANSI)) {
      for (const code of m[0].slice(2, -1).split(';').map(Number)) {
        if (code === 0) open.clear();
        else if (CLOSES[code] !== undefined) open.delete(CLOSES[code]!);
        else if (slot(code) !== undefined) open.set(slot(code)!, `\x1b[${code}m`);
      }
    }
    return prefix + line + (open.size > 0 ? '\x1b[0m' : '');
  });
}

/**
 * Parts joined by `sep` on as few lines as fit in `width` columns, the lines after the
 * first indented: a summary line that stays readable on a narrow terminal.
 */
export function fitParts(parts: readonly string[], width: number | undefined, sep = ' · ', indent = '  '): string {
  if (width === undefined) return parts.join(sep);
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last]! + sep + part) <= width) lines[last] += sep + part;
    else lines.push(last < 0 ? part : indent + part);
  }
  return lines.join('\n');
}
