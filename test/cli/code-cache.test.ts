import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/run.js';

// The binary compiles dist/cli.cjs from the code cache the build wrote (scripts/code-cache.mjs).
// What it must never do: run stale compiled code, or fail because a cache is missing or refused.

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
const COUNTER = ['counter', TELECOM, '--discount', '20%'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the binary and its bundle, with the cache's body as `body` leaves it, stamped for the copy. */
function copy(body: (bytes: Buffer) => Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'valuepack-cache-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(ROOT, 'bin/valuepack.cjs'), join(dir, 'bin/valuepack.cjs'));
  copyFileSync(join(ROOT, 'dist/cli.cjs'), join(dir, 'dist/cli.cjs'));
  const kept = body(readFileSync(join(ROOT, 'dist/cli.cjs.cache')).subarray(16));
  const { stamp } = createRequire(import.meta.url)(join(dir, 'bin/valuepack.cjs')) as { stamp: () => Buffer };
  if (kept) writeFileSync(join(dir, 'dist/cli.cjs.cache'), Buffer.concat([stamp(), kept]));
  return dir;
}

/** What the loader in `dir` makes of its cache: offered at all, and refused by V8. */
function probe(dir: string): { offered: boolean; rejected: boolean } {
  const script = `const l = require(${JSON.stringify(join(dir, 'bin/valuepack.cjs'))});
    const data = l.cachedData(); const { script } = l.loadCli(data);
    console.log(JSON.stringify({ offered: data !== undefined, rejected: script.cachedDataRejected === true }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { offered: boolean; rejected: boolean };
}

function counterIn(dir: string) {
  const r = spawnSync(process.execPath, [join(dir, 'bin/valuepack.cjs'), ...COUNTER], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the code cache', () => {
  const expected = run(COUNTER);

  it('is made by the build for this Node and taken by the binary', () => {
    expect(expected.code).toBe(0);
    expect(probe(ROOT)).toEqual({ offered: true, rejected: false });
  });

  it('is not offered once the bundle changed after it was made, and the binary runs as before', () => {
    const dir = copy((bytes) => bytes);
    utimesSync(join(dir, 'dist/cli.cjs'), new Date(), new Date(Date.now() + 5_000));
    expect(probe(dir).offered).toBe(false);
    expect(counterIn(dir)).toEqual(expected);
  });

  it('refused by V8 (damaged) or missing, only costs the compile', () => {
    const damaged = copy((bytes) => Buffer.alloc(bytes.length, 7));
    expect(probe(damaged)).toEqual({ offered: true, rejected: true });
    expect(counterIn(damaged)).toEqual(expected);
    expect(counterIn(copy(() => undefined))).toEqual(expected);
  });
});
