import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/report/table.js';
import { displayWidth, fitParts, wrapText } from '../../src/report/text-width.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const word = fc.array(fc.constantFrom('a', 'Z', '7', '.', '年', 'é', '🚀'), { minLength: 1, maxLength: 14 }).map((w) => w.join(''));
const cell = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));

describe('tables fitted to the terminal', () => {
  it('never draw a line wider than the width, and keep every word', () => {
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell, fc.integer({ min: -99999, max: 99999 })), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 20, max: 120 }), fc.boolean(), (rows, width, color) => {
        const cells = rows.map(([a, b, n]) => [a, color ? `\x1b[2m${b}\x1b[22m` : b, n.toLocaleString('en-US')]);
        const text = renderTable({ head: ['Lever', 'From', 'Cost to us'], align: ['left', 'left', 'right'], color, width }, cells);
        for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const words = (s: string) => strip(s).split(/[\s│┌┐└┘├┤┬┴┼─]+/).filter(Boolean).sort();
        expect(words(text)).toEqual(expect.arrayContaining(cells.flat().flatMap((c) => c.split(' ')).map(strip).filter((w) => displayWidth(w) < width - 12)));
      }), { numRuns: 300 });
  });

  it('wrap text columns between words and keep money whole', () => {
    const t = renderTable({ head: ['Lever', 'Cost to us'], align: ['left', 'right'], color: false, width: 34 },
      [['Free hardware replacement (support.hardware)', '−800,000']]);
    for (const line of t.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(34);
    expect(t).toMatch(/│ Lever\s+│\s+Cost to │\n│\s+│\s+us │/);
    expect(t).toMatch(/│ Free hardware\s+│\s+−800,000 │/);
    expect(t).toMatch(/│ \(support\.hardware\) │\s+│/);
    expect(t).toMatch(/−800,000 │/);
  });

  it('stack the columns when even one word a column does not fit', () => {
    const t = renderTable({ head: ['Lever', 'From', 'To'], align: ['left', 'left', 'left'], color: false, width: 20 },
      [['Support term', '4 years', '3 years'], ['Training', '20 days', '']]);
    expect(t).toBe(['Lever  Support term', 'From   4 years', 'To     3 years', '', 'Lever  Training', 'From   20 days'].join('\n'));
  });

  it('draw no rule between single-line rows', () => {
    const t = renderTable({ head: ['A', 'B'], align: ['left', 'right'], color: false }, [['x', '1'], ['y', '2']]);
    expect(t.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(1);
  });

  it('carry colour across wrapped lines without bleeding into the borders', () => {
    const lines = wrapText('\x1b[2mone two three\x1b[22m', 7);
    expect(lines.map(strip)).toEqual(['one two', 'three']);
    expect(lines[0]!.endsWith('\x1b[0m')).toBe(true);
    expect(lines[1]!.startsWith('\x1b[2m')).toBe(true);
  });

  it('break summary lines at their separators', () => {
    expect(fitParts(['price 8,000', 'margin 2,000', 'value 16,000'], 26)).toBe('price 8,000 · margin 2,000\n  value 16,000');
    expect(fitParts(['a', 'b'], undefined)).toBe('a · b');
  });
});
