import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { HOSTILE } from './generate.js';

/**
 * Each class of hostile input at full size, through check, counter and batch: a
 * documented exit code, the reason in the output, no internal error, and a heap capped
 * well under 1 GiB (a run that needed more would abort, not pass).
 */
const DIR = mkdtempSync(join(tmpdir(), 'valuepack-large-'));
const file = (name: string) => join(DIR, `${name}.yaml`);
const CAPPED = { env: { NODE_OPTIONS: '--max-old-space-size=768' } };
const GOOD = 'fixtures/telecom-switching.yaml';

beforeAll(() => {
  for (const [name, c] of Object.entries(HOSTILE)) writeFileSync(file(name), c.make());
});

describe('hostile inputs just under 10 MiB', () => {
  it.each(Object.entries(HOSTILE))('counter ends %s with its documented exit code', (name, c) => {
    const r = run(['counter', file(name), '--discount', '10%'], CAPPED);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |heap/i);
    expect(r.code).toBe(c.counter);
    expect(r.stdout + r.stderr).toMatch(c.text);
  });

  it('check reports every class and the good file beside them', () => {
    const r = run(['check', '--format', 'json', ...Object.keys(HOSTILE).map(file), GOOD], CAPPED);
    expect(r.stderr).not.toMatch(/internal error|heap/i);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { file: string; errorCount: number; findings: { message: string }[] }[];
    expect(results.map((x) => x.file)).toEqual([...Object.keys(HOSTILE).map(file), GOOD]);
    for (const [i, [name, c]] of Object.entries(HOSTILE).entries()) {
      const found = results[i]!;
      expect(found.errorCount > 0 ? 1 : 0, name).toBe(c.check);
      expect(found.findings.length, name).toBeLessThanOrEqual(101);
      if (c.check === 1) expect(found.findings.map((f) => f.message).join('\n'), name).toMatch(c.text);
    }
  });

  it('batch gives every class its row, with two jobs, and still evaluates the good file', () => {
    const r = run(['batch', ...Object.keys(HOSTILE).map(file), GOOD, '--discount', '10%', '--format', 'jsonl', '--jobs', '2'], CAPPED);
    expect(r.stderr).not.toMatch(/internal error|heap/i);
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; error: string | null; feasible: boolean | null });
    expect(rows.map((x) => x.file)).toEqual([...Object.keys(HOSTILE).map(file), GOOD]);
    for (const [i, [name, c]] of Object.entries(HOSTILE).entries()) expect(rows[i]!.error === null, name).toBe(c.counter !== 2);
    expect(rows.at(-1)!.feasible).toBe(true);
  });
});
