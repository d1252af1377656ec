import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/run.js';

// The binary compiles dist/cli.cjs from the code cache the build wrote (scripts/code-cache.mjs).
// What it must never do: run stale compiled code, or fail because a cache is missing or refused.

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
const COUNTER = ['counter', TELECOM, '--discount', '20%'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the binary and the build, with the cache's body as `body` leaves it, stamped for the copy. */
function copy(body: (bytes: Buffer) => Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'valuepack-cache-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.cache') });
  const kept = body(readFileSync(join(ROOT, 'dist/cli.cjs.cache')));
  if (kept) writeFileSync(join(dir, 'dist/cli.cjs.cache'), Buffer.concat([node(dir, [], 'process.stdout.write(l.stamp())'), kept]));
  return dir;
}

/** Node with `flags` (and no others: `node -e` would count as one), running `code` with the copy's loader as `l`. */
function node(dir: string, flags: readonly string[], code: string): Buffer {
  const script = join(mkdtempSync(join(tmpdir(), 'valuepack-probe-')), 'probe.cjs');
  dirs.push(dirname(script));
  writeFileSync(script, `const l = require(${JSON.stringify(join(dir, 'bin/valuepack.cjs'))}); ${code}`);
  const r = spawnSync(process.execPath, [...flags, script]);
  expect(r.stderr.toString()).toBe('');
  return r.stdout;
}

/** What the loader in `dir` makes of its cache: offered to V8 at all, and refused by it. */
function probe(dir: string, flags: readonly string[] = []): { offered: boolean; rejected: boolean } {
  const out = node(dir, flags, `const data = l.cachedData(); const { script } = l.loadCli(data);
    console.log(JSON.stringify({ offered: data !== undefined, rejected: script.cachedDataRejected === true }));`);
  return JSON.parse(out.toString()) as { offered: boolean; rejected: boolean };
}

function counterIn(dir: string, flags: readonly string[] = []) {
  const r = spawnSync(process.execPath, [...flags, join(dir, 'bin/valuepack.cjs'), ...COUNTER], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the code cache', () => {
  const expected = run(COUNTER);
  const fresh = copy((bytes) => bytes.subarray(bytes.indexOf(10) + 1));

  it('is made by the build for this Node and taken by the binary', () => {
    expect(expected.code).toBe(0);
    expect(probe(ROOT)).toEqual({ offered: true, rejected: false });
    expect(probe(fresh)).toEqual({ offered: true, rejected: false });
  });

  it('is not offered once the bundle changed after it was made: the ES module build runs', () => {
    const dir = copy((bytes) => bytes.subarray(bytes.indexOf(10) + 1));
    utimesSync(join(dir, 'dist/cli.cjs'), new Date(), new Date(Date.now() + 5_000));
    expect(probe(dir).offered).toBe(false);
    expect(counterIn(dir)).toEqual(expected);
  });

  it('is not offered to a node given other V8 flags', () => {
    expect(probe(fresh, ['--stack-size=900']).offered).toBe(false);
    expect(counterIn(fresh, ['--stack-size=900'])).toEqual(expected);
  });

  it('refused by V8 (damaged) or missing, only costs the compile', () => {
    const damaged = copy((bytes) => Buffer.alloc(bytes.length, 7));
    expect(probe(damaged)).toEqual({ offered: true, rejected: true });
    expect(counterIn(damaged)).toEqual(expected);
    expect(counterIn(copy(() => undefined))).toEqual(expected);
  });
});
