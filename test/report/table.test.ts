import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from '../../src/report/table.js';

/**
 * renderTable draws what cli-table3 draws for the same cells at their natural width (but
 * no rule between single-line rows); colour may place its escapes differently, so
 * coloured tables are compared without them.
 */
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** cli-table3's drawing, with rules between rows only when a row spans several lines. */
function reference(head: string[], align: ('left' | 'right')[], rows: string[][]): string {
  const t = new Table({ head, colAligns: align, style: { head: [], border: [] } });
  t.push(...rows);
  const lines = t.toString().split('\n');
  if (rows.some((r) => r.some((c) => c.includes('\n')))) return lines.join('\n');
  return lines.filter((line, i) => !line.startsWith('├') || i === lines.findIndex((l) => l.startsWith('├'))).join('\n');
}

const text = fc.array(fc.constantFrom('a', 'Z', '7', ' ', '-', '·', '—', 'é', 'e\u0301', '年', 'Ｃ', '한', '🚀', '🇫🇷', '\x1b[2mdim\x1b[22m'), { maxLength: 6 })
  .map((parts) => parts.join(''));

describe('renderTable', () => {
  it('draws what cli-table3 draws', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), (columns, cells, rights, twoLines) => {
        const head = ['Lever', 'From', 'To', 'Saved'].slice(0, columns);
        const align = rights.slice(0, columns).map((r) => (r ? 'right' as const : 'left' as const));
        const rows = cells.map((row) => row.slice(0, columns).map((c, j) => (twoLines && j === 0 ? `${c}\n${c}x` : c)));
        expect(renderTable({ head, align, color: false }, rows)).toBe(reference(head, align, rows));
        expect(strip(renderTable({ head, align, color: true }, rows))).toBe(strip(reference(head, align, rows)));
      }), { numRuns: 500 });
  });

  it('right-aligns money and pads the short lines of a multi-line row', () => {
    expect(renderTable({ head: ['Item', 'Value'], align: ['left', 'right'], color: false }, [['Support\nsupport.term', '−600,000']])).toBe([
      '┌──────────────┬──────────┐',
      '│ Item         │    Value │',
      '├──────────────┼──────────┤',
      '│ Support      │ −600,000 │',
      '│ support.term │          │',
      '└──────────────┴──────────┘',
    ].join('\n'));
  });

  it('counts terminal columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('\x1b[36mabc\x1b[39m')).toBe(3);
    expect(displayWidth('年Ｃ한')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🚀🇫🇷')).toBe(4);
  });
});
