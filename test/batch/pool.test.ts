import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../src/api/batch/pool.js';
import type { BatchConfig, BatchRow } from '../../src/api/batch/evaluate.js';

const CRASHING = new URL('./crashing-worker.mjs', import.meta.url);
const CONFIG: BatchConfig = { discounts: [], maxFileSize: 1024, timeLimit: 1000 };

async function rows(files: readonly string[], jobs: number): Promise<BatchRow[]> {
  const out: BatchRow[] = [];
  for await (const r of evaluateAll(files, CONFIG, jobs, CRASHING)) out.push(...r);
  return out;
}

const message = (row: BatchRow) => ('error' in row ? row.error.message : 'offer');

describe('the batch pool when a worker dies', () => {
  it.each([2, 3])('reports the file that killed its worker as that file\'s row, and every other file, in order (%i jobs)', async (jobs) => {
    const files = Array.from({ length: 60 }, (_, i) => (i === 7 ? 'exit-7' : i === 31 ? 'throw-31' : i === 32 ? 'exit-32' : `ok-${i}`));
    const got = await rows(files, jobs);
    expect(got.map((r) => r.file)).toEqual(files);
    for (const row of got) {
      if (row.file.startsWith('ok')) expect(message(row)).toBe('evaluated');
      else expect(message(row)).toMatch(/stopped its worker/);
    }
    expect(message(got[31]!)).toContain('cannot evaluate throw-31');
    expect(message(got[7]!)).toContain('exit code 3');
  });

  it('reports every file when no worker can run at all', async () => {
    const broken = new URL('data:text/javascript,process.exit(5)');
    const got: BatchRow[] = [];
    for await (const r of evaluateAll(['a', 'b', 'c', 'd'], CONFIG, 2, broken)) got.push(...r);
    expect(got.map((r) => r.file)).toEqual(['a', 'b', 'c', 'd']);
    for (const row of got) expect(message(row)).toMatch(/stopped its worker.*exit code 5/);
  });
});
