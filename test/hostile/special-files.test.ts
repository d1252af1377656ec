import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { run } from '../helpers/run.js';

/** What is not a regular file is refused at once (a FIFO would block forever); "-" reads standard input. */
const DIR = mkdtempSync(join(tmpdir(), 'valuepack-special-'));
const FIFO = join(DIR, 'pipe.yaml');
spawnSync('mkfifo', [FIFO]);
const TELECOM = readFileSync('fixtures/telecom-switching.yaml', 'utf8');

describe('files that are not regular files', () => {
  it.each([
    [FIFO, 'a FIFO (named pipe)'],
    ['/dev/null', 'a device'],
    ['/dev/zero', 'a device'],
  ])('counter refuses %s as %s, exit 2', async (path, kind) => {
    const r = await cli(['counter', path, '--discount', '10%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}:1:1: this is ${kind}, not a regular file (to read standard input, give -)`);
  });

  it('check reports a FIFO and a device beside a good file, exit 1', async () => {
    const r = await cli(['check', '--format', 'json', FIFO, '/dev/zero', 'fixtures/telecom-switching.yaml']);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: { file: string; errorCount: number }[] }).files;
    expect(files.map((f) => [f.file, f.errorCount])).toEqual([[FIFO, 1], ['/dev/zero', 1], ['fixtures/telecom-switching.yaml', 0]]);
  });

  it('batch gives a FIFO its error row', async () => {
    const r = await cli(['batch', FIFO, 'fixtures/telecom-switching.yaml', '--discount', '10%', '--format', 'jsonl']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('not a regular file');
  });

  it('reads a /proc file to its end rather than trusting its size of 0', async () => {
    const r = await cli(['check', '/proc/self/status']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('the file is empty');
  });
});

describe('standard input as -', () => {
  it('counter reads the proposal from standard input', () => {
    const r = run(['counter', '-', '--discount', '20%', '--json'], { input: TELECOM });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).alternatives[0].changes.map((c: { lever: string }) => c.lever)).toEqual(['support.term', 'support.hardware']);
  });

  it('check reads it too, and locates findings in it', () => {
    const r = run(['check', '-'], { input: 'proposal: x\ncustomer: y\ncurrency: USD\nitemz: []\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/4:1\s+error\s+unknown key "itemz"/);
  });

  it('an empty standard input is an empty file, exit 2', () => {
    const r = run(['counter', '-', '--discount', '10%'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-:1:1: the file is empty');
  });

  it('standard input past the size limit is refused without reading it all', () => {
    const r = run(['--max-file-size', '1000', 'counter', '-', '--discount', '10%'], { input: TELECOM });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file is over the limit of 1000 bytes');
  });
});
