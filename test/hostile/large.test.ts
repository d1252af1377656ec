import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
afterAll(() => rmSync(DIR, { recursive: true, force: true })); // tens of megabytes

describe('hostile inputs just under 10 MiB', () => {
  it.each(Object.entries(HOSTILE))('%s: counter, check and batch end with their documented exit codes', (name, c) => {
    const counter = run(['counter', file(name), '--discount', '10%'], CAPPED);
    expect(counter.stderr).not.toMatch(/internal error|\n\s+at |heap/i);
    expect(counter.code).toBe(c.counter);
    expect(counter.stdout + counter.stderr).toMatch(c.text);

    // check and batch still report the good file given after it.
    const check = run(['check', '--format', 'json', file(name), GOOD], CAPPED);
    expect(check.stderr).not.toMatch(/internal error|heap/i);
    expect(check.code).toBe(c.check);
    const [found, good] = (JSON.parse(check.stdout) as { files: { errorCount: number; findings: { message: string }[] }[] }).files;
    expect(found!.findings.length).toBeLessThanOrEqual(101);
    if (c.check === 1) expect(found!.findings.map((f) => f.message).join('\n')).toMatch(c.text);
    expect(good!.errorCount).toBe(0);

    const batch = run(['batch', file(name), GOOD, '--discount', '10%', '--format', 'jsonl', '--jobs', '2'], CAPPED);
    expect(batch.stderr).not.toMatch(/internal error|heap/i);
    expect(batch.code).toBe(c.counter === 2 ? 2 : 0);
    const rows = batch.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; error: string | null; feasible: boolean | null });
    expect(rows.map((x) => [x.file, x.error === null])).toEqual([[file(name), c.counter !== 2], [GOOD, true]]);
    expect(rows[1]!.feasible).toBe(true);
  });
});
