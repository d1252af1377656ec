import { describe, expect, it } from 'vitest';
import type { BatchRow } from '../../src/api/batch/evaluate.js';
import { ratio } from '../../src/engine/ratio.js';
import { csvField } from '../../src/report/batch/csv.js';
import { BATCH_FORMATS } from '../../src/report/batch/index.js';
import { clearProgress, renderProgress } from '../../src/report/batch/progress.js';
import { toRecord } from '../../src/report/batch/record.js';
import { parseCsv } from './csv.js';

const feasible: BatchRow = {
  file: 'deals/a.yaml', discount: ratio(1, 5),
  offer: {
    proposal: 'Line 1\r\nline 2', customer: 'Say "hi", then go', currency: 'JPY', digits: 0, feasible: true, optimal: true,
    price: 800, list: 1000, margin: 200, valueLoss: 50, approver: 'Boss',
    changes: [{ lever: 'a.b', from: 'x, y', to: 'z' }, { lever: 'support.hardware', from: 'All hardware including peripherals', to: 'Core hardware only' }],
    maxDiscountBp: 2550,
  },
};
const infeasible: BatchRow = {
  file: 'deals/b.yaml', discount: ratio(3, 10),
  offer: { proposal: 'B', customer: 'C', currency: 'USD', digits: 2, feasible: false, optimal: true, changes: [], maxDiscountBp: null },
};
const failed: BatchRow = { file: 'deals/c.yaml', error: { message: 'unknown key "idd"', line: 6, col: 5, more: 2 } };
const ROWS = [feasible, infeasible, failed];
const render = (name: string, rows: readonly BatchRow[], columns?: number) => {
  const r = BATCH_FORMATS[name]!({ color: false, ...(columns === undefined ? {} : { columns }) });
  return r.start() + rows.map((row) => r.row(row)).join('') + r.end();
};

describe('batch records', () => {
  it('hold major units and ratios as counter --json does, null where nothing applies', () => {
    expect(toRecord(feasible)).toMatchObject({ discount: 0.2, price: 800, margin: 200, marginRatio: 0.25, valueLoss: 50, changeCount: 2, maxDiscount: 0.255 });
    expect(toRecord(infeasible)).toMatchObject({ feasible: false, price: null, changes: null, changeCount: null, approver: null, maxDiscount: null });
    expect(toRecord(failed)).toMatchObject({ discount: null, error: 'deals/c.yaml:6:5: unknown key "idd" (and 2 more; valuepack check lists them)' });
  });
});

describe('batch CSV', () => {
  it('quotes a field only when it holds a comma, a quote, CR or LF', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(0.25)).toBe('0.25');
  });

  it('reads back field for field, embedded line breaks included', () => {
    const [header, a, b, c] = parseCsv(render('csv', ROWS));
    expect(header![0]).toBe('file');
    expect(a).toEqual(['deals/a.yaml', 'Line 1\r\nline 2', 'Say "hi", then go', 'JPY', '0.2', 'true', 'true', '800', '1000', '0.2', '200', '0.25', '50', '2',
      'a.b: x, y→z; support.hardware: All hardware including peripherals→Core hardware only', 'Boss', '0.255', '']);
    expect(b!.slice(4, 8)).toEqual(['0.3', 'false', 'true', '']);
    expect(c!.at(-1)).toBe('deals/c.yaml:6:5: unknown key "idd" (and 2 more; valuepack check lists them)');
  });
});

describe('batch JSON', () => {
  it('is a valid array however many rows, one record a line', () => {
    expect(JSON.parse(render('json', []))).toEqual({ schemaVersion: 2, rows: [] });
    const text = render('json', ROWS);
    expect(JSON.parse(text)).toEqual({ schemaVersion: 2, rows: ROWS.map(toRecord) });
    expect(text.split('\n')).toHaveLength(ROWS.length + 3);
  });

  it('jsonl is one record per line', () => {
    expect(render('jsonl', ROWS).trimEnd().split('\n').map((l) => JSON.parse(l)))
      .toEqual(ROWS.map((row) => ({ schemaVersion: 2, ...toRecord(row) })));
  });
});

describe('batch table', () => {
  it('fits the Changes column to the terminal width when there is one', () => {
    const wide = render('table', ROWS);
    const narrow = render('table', ROWS, 140);
    const width = (t: string) => Math.max(...t.split('\n').map((l) => l.length));
    expect(width(wide)).toBeGreaterThan(width(narrow));
    expect(width(narrow)).toBeLessThanOrEqual(140);
    expect(narrow).toContain('error: 6:5: unknown key "idd"');
    expect(narrow).toMatch(/│\s+20% │ yes\s+│\s+800 │\s+200 │\s+25% │\s+50 │ 2 │ a\.b: x, y→z/);
    expect(narrow).toMatch(/│ Line 1␍␊line 2\s+│/); // a title over several lines stays on one, its break shown
  });
});

describe('batch progress line', () => {
  it('redraws in place and fits the terminal', () => {
    const line = renderProgress(412, 1000, 80);
    expect(line.startsWith('\rbatch ')).toBe(true);
    expect(line).toContain('412/1,000 files   41%');
    expect(line.replace(/\x1b\[K$/, '').length).toBeLessThanOrEqual(81);
    expect(clearProgress()).toBe('\r\x1b[K');
  });
});
