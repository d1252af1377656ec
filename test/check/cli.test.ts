import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { BIN, ROOT } from '../helpers/run.js';

/** The built binary run as the unprivileged user nobody, through util-linux's setpriv. */
function asNobody(args: readonly string[]) {
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const root = process.getuid?.() === 0;
// Root reads everything (and CI runs as root): there the test runs the binary as nobody,
// which needs a checkout nobody may read; where it may not, the test shows as skipped.
const unreadableTestable = !root || asNobody(['--version']).code === 0;

const json = (stdout: string) => (JSON.parse(stdout) as { files: { file: string; findings: { code: string }[] }[] }).files;

describe('check: inputs and exit codes', () => {
  it('expands directories and glob patterns, and one unreadable file never stops the others', async () => {
    const r = await cli(['check', '-f', 'json', 'fixtures/rules', 'fixtures/tele*.yaml', 'missing.yaml']);
    expect(r.code).toBe(1);
    const files = json(r.stdout);
    expect(files.map((f) => f.file)).toContain('fixtures/rules/no-levers.yaml');
    expect(files.map((f) => f.file)).toContain('fixtures/telecom-switching.yaml');
    expect(files.at(-1)).toMatchObject({ file: 'missing.yaml', findings: [{ code: 'file-unreadable' }] });
  });

  it.runIf(unreadableTestable)('reports a file it may not read and checks the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-check-'));
    writeFileSync(join(dir, 'a.yaml'), 'x: 1\n');
    chmodSync(join(dir, 'a.yaml'), 0o000);
    const args = ['check', '-f', 'json', join(dir, 'a.yaml'), 'fixtures/telecom-switching.yaml'];
    const r = root ? asNobody(args) : await cli(args);
    expect(json(r.stdout).map((f) => f.findings.map((x) => x.code))).toEqual([['file-unreadable'], []]);
  });

  it('--max-warnings: warnings pass until there are more than allowed', async () => {
    const warn = 'fixtures/rules/single-option.yaml';
    expect((await cli(['check', warn])).code).toBe(0);
    expect((await cli(['check', warn, '--max-warnings', '1'])).code).toBe(0);
    const over = await cli(['check', warn, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0 allows');
  });

  it('--discount takes repeated and comma-separated values', async () => {
    const r = await cli(['check', '-f', 'json', 'fixtures/telecom-switching.yaml', '-d', '10%,35%', '--discount', '40']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]!.findings.map((f) => f.code)).toEqual(['discount-not-absorbed', 'discount-not-absorbed']);
  });

  it.each([
    [['check', 'fixtures/rules', '--format', 'xml'], 'unknown format'],
    [['check', 'fixtures/rules', '--discount', 'lots'], '--discount takes a percentage'],
    [['check', 'fixtures/rules', '--max-warnings', '-1'], '--max-warnings takes a whole number'],
    [['check', 'fixtures/nothing-here/*.yaml'], 'no .yaml or .yml files match'],
    [['check'], 'missing required argument'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('an empty directory matches nothing: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-empty-'));
    mkdirSync(join(dir, 'sub'));
    expect((await cli(['check', dir])).code).toBe(2);
  });
});

describe('counter refuses what would make its answer meaningless, and only that', () => {
  it.each([
    ['duplicate-id', '16:9'],
    ['duplicate-option', '17:21'],
    ['lever-path-clash', '11:13'],
    ['offer-price-not-positive', '5:1'],
  ])('%s: exit 2 at file:line:col', async (rule, at) => {
    const r = await cli(['counter', `fixtures/rules/${rule}.yaml`, '--discount', '10%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fixtures/rules/${rule}.yaml:${at}: `);
  });

  it('still answers a file whose policy check finds fault with', async () => {
    const r = await cli(['counter', 'fixtures/rules/margin-floor-broken.yaml', '--discount', '10%']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('already breaks its own margin floor');
  });
});
