import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type Run } from '../helpers/run.js';
import { HOSTILE } from './generate.js';

/**
 * Each class of hostile input at full size, through check, counter and batch: a
 * documented exit code, the reason in the output, no internal error, and a heap capped
 * well under 1 GiB (a run that needed more would abort, not pass). The three commands
 * run in one process of the built package per file (capped.mjs), as the binary runs them.
 */
const DIR = mkdtempSync(join(tmpdir(), 'valuepack-large-'));
const file = (name: string) => join(DIR, `${name}.yaml`);
const GOOD = 'fixtures/telecom-switching.yaml';

/** valuepack's main() on each argument list in turn, in one built process whose heap is capped at 768 MiB. */
function capped<T extends string[][]>(...runs: T): { [K in keyof T]: Run } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=768', join(ROOT, 'test/hostile/capped.mjs'), JSON.stringify(runs)], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', COLUMNS: '', npm_command: '' },
  });
  expect(r.stderr).not.toMatch(/heap|\n\s+at /i);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { [K in keyof T]: Run };
}

beforeAll(() => {
  for (const [name, c] of Object.entries(HOSTILE)) writeFileSync(file(name), c.make());
});
afterAll(() => rmSync(DIR, { recursive: true, force: true })); // tens of megabytes

describe('hostile inputs just under 10 MiB', () => {
  it.each(Object.entries(HOSTILE))('%s: counter, check and batch end with their documented exit codes', (name, c) => {
    const [counter, check, batch] = capped(['counter', file(name), '--discount', '10%'], ['check', '--format', 'json', file(name), GOOD],
      ['batch', file(name), GOOD, '--discount', '10%', '--format', 'jsonl', '--jobs', '2']);
    expect(counter.stderr).not.toMatch(/internal error|\n\s+at |heap/i);
    expect(counter.code).toBe(c.counter);
    expect(counter.stdout + counter.stderr).toMatch(c.text);

    // check and batch still report the good file given after it.
    expect(check.stderr).not.toMatch(/internal error|heap/i);
    expect(check.code).toBe(c.check);
    const [found, good] = (JSON.parse(check.stdout) as { files: { errorCount: number; findings: { message: string }[] }[] }).files;
    expect(found!.findings.length).toBeLessThanOrEqual(101);
    if (c.check === 1) expect(found!.findings.map((f) => f.message).join('\n')).toMatch(c.text);
    expect(good!.errorCount).toBe(0);

    expect(batch.stderr).not.toMatch(/internal error|heap/i);
    expect(batch.code).toBe(c.counter === 2 ? 2 : 0);
    const rows = batch.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; error: string | null; feasible: boolean | null });
    expect(rows.map((x) => [x.file, x.error === null])).toEqual([[file(name), c.counter !== 2], [GOOD, true]]);
    expect(rows[1]!.feasible).toBe(true);
  });
});
