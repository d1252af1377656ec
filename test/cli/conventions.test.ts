import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { hasTmux, runInTerminal } from '../helpers/tmux.js';

const TELECOM = 'fixtures/telecom-switching.yaml';
const counter = (...args: string[]) => cli(['counter', TELECOM, ...args]);

describe('one way to say things', () => {
  it('--format json is what --json was, on counter and diff', async () => {
    expect((await counter('-d', '20%', '--format', 'json')).stdout).toBe((await counter('-d', '20%', '--json')).stdout);
    const diff = (...a: string[]) => cli(['diff', 'fixtures/diff/branch-v1.yaml', 'fixtures/diff/branch-v2.yaml', ...a]);
    expect((await diff('-f', 'json')).stdout).toBe((await diff('--json')).stdout);
    expect(JSON.parse((await diff('-f', 'json')).stdout).schemaVersion).toBe(2);
    expect((await diff('-f', 'text')).stdout).toBe((await diff()).stdout);
    const ladder = (...a: string[]) => cli(['ladder', TELECOM, '--to', '20%', ...a]);
    expect((await ladder('-f', 'json')).stdout).toBe((await ladder('--json')).stdout);
  });

  it('refuses an unknown format and --json against --format text (exit 2)', async () => {
    expect(await counter('-d', '20%', '--format', 'xml')).toMatchObject({ code: 2, stdout: '' });
    const r = await counter('-d', '20%', '--json', '--format', 'text');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json is --format json');
  });

  it('reads -d 10%,20% as the same list in check and batch, and points counter to batch', async () => {
    const batch = (await cli(['batch', TELECOM, '-d', '10%,20%', '-f', 'jsonl'])).stdout.trim().split('\n');
    expect(batch.map((l) => JSON.parse(l).discount)).toEqual([0.1, 0.2]);
    expect((await cli(['batch', TELECOM, '-d', '10%', '-d', '20%', '-f', 'jsonl'])).stdout.trim().split('\n')).toEqual(batch);
    expect((await cli(['check', TELECOM, '-d', '10%,20%'])).code).toBe(0);
    const r = await counter('-d', '10%,20%');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('batch evaluates several');
  });

  it.each([['counter'], ['check'], ['batch']])('%s refuses a bare fraction such as -d 0.2, and reads a bare 20 as 20%%', async (command) => {
    const args = command === 'counter' ? ['counter', TELECOM] : [command, TELECOM];
    const r = await cli([...args, '-d', '0.2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean 20% or 0.2%?');
    if (command === 'counter') expect(JSON.parse((await cli([...args, '-d', '20', '--json'])).stdout).request.discount).toBe(0.2);
  });

  it.each([['$8,000,000'], ['8000000 USD'], ['usd 8000000'], ['8000000']])('accepts --price %s in the file\'s currency', async (price) => {
    const r = await counter('--price', price, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).request.price).toBe(8_000_000);
  });

  it.each([['€8,000,000', '€'], ['8000000 EUR', 'EUR'], ['£8000000', '£']])('refuses --price %s naming the file\'s currency (exit 2)', async (price, mark) => {
    const r = await counter('--price', price);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`this proposal is in USD, not ${mark}`);
  });

  it('check on a path that matches nothing exits 2', async () => {
    const r = await cli(['check', 'fixtures/no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/no-such-file.yaml: no such file or directory');
    expect((await cli(['check', 'fixtures/none-*.yaml'])).code).toBe(2);
  });

  it('--letter - writes the letter to stdout and the tables to stderr', async () => {
    const r = await counter('-d', '20%', '--letter', '-');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Digital switching network, phase 1/);
    expect(r.stdout).not.toContain('┌');
    expect(r.stderr).toContain('Alternative 1');
  });

  it('--out - writes the revised proposal to stdout, which reads back at the agreed price', async () => {
    const r = await counter('-d', '20%', '--out', '-');
    expect(r.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'valuepack-out-')), 'revised.yaml');
    writeFileSync(file, r.stdout);
    expect(JSON.parse((await cli(['counter', file, '-d', '0%', '--json'])).stdout).original.price).toBe(8_000_000);
    expect(readFileSync(file, 'utf8')).toContain('current: 3 years');
  });

  it('refuses --out - with --letter - or with --format json (exit 2)', async () => {
    expect((await counter('-d', '20%', '--out', '-', '--letter', '-')).code).toBe(2);
    const r = await counter('-d', '20%', '--letter', '-', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.skipIf(!hasTmux)('TERM=dumb means no colour, even on a terminal', () => {
    const dumb = runInTerminal(['counter', TELECOM, '-d', '20%'], 200, { TERM: 'dumb', NO_COLOR: '' });
    expect(dumb).toContain('[exit 0]');
    expect(dumb).not.toContain('\x1b[');
    const xterm = runInTerminal(['counter', TELECOM, '-d', '20%'], 200, { TERM: 'xterm', NO_COLOR: '' });
    expect(xterm).toContain('\x1b[');
  });
});
