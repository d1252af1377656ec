import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../helpers/run.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'vp-init-'));
const hint = (stderr: string) => /^try: (.*)$/m.exec(stderr)![1]!;

/** Run a command line as the user would type it, `valuepack` being the built binary. */
function shell(line: string, cwd: string) {
  const bin = join(mkdtempSync(join(tmpdir(), 'vp-bin-')), 'valuepack');
  spawnSync('sh', ['-c', `printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "${process.execPath}" "${BIN}" > "${bin}" && chmod +x "${bin}"`]);
  return spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(bin)}:${process.env.PATH}`, NO_COLOR: '1', npm_command: '' } });
}

describe('init works where people run it', () => {
  it('--schema writes proposal.schema.json beside the file, the schema valuepack prints, and points at it', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'deals'));
    const r = run(['init', 'deals/acme.yaml', '--schema'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote a starter proposal to deals/acme.yaml and its schema to deals/proposal.schema.json');
    expect(readFileSync(join(dir, 'deals/acme.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./proposal.schema.json');
    expect(readFileSync(join(dir, 'deals/proposal.schema.json'), 'utf8')).toBe(run(['schema']).stdout);
    // A second starter beside it shares the schema; a different file there is kept unless --force.
    expect(run(['init', 'deals/beta.yaml', '--schema'], { cwd: dir }).code).toBe(0);
    const other = fresh();
    spawnSync('sh', ['-c', 'echo {} > proposal.schema.json'], { cwd: other });
    expect(run(['init', '--schema'], { cwd: other }).code).toBe(2);
    expect(existsSync(join(other, 'proposal.yaml'))).toBe(false);
  });

  it.each([['proposal.yaml', []], ['my deal.yaml', []], ['q3/acme.yaml', ['--schema']]])('its try: hint for %s is a command that works', (file, extra) => {
    const dir = fresh();
    mkdirSync(join(dir, 'q3'));
    const r = run(['init', file, ...extra], { cwd: dir });
    expect(r.code).toBe(0);
    const line = hint(r.stderr);
    expect(line).toMatch(/^valuepack counter /);
    const tried = shell(line, dir);
    expect(tried.stderr).toBe('');
    expect(tried.status).toBe(0);
    expect(tried.stdout).toContain('Alternative 1');
  });

  it('under npx, the hint and the file say npx valuepack, and both work without a network', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(ROOT, join(dir, 'node_modules/valuepack'));
    symlinkSync('../valuepack/bin/valuepack.cjs', join(dir, 'node_modules/.bin/valuepack'));
    const init = spawnSync('npx', ['--offline', 'valuepack', 'init', '--schema'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(init.status).toBe(0);
    const line = hint(init.stderr);
    expect(line).toBe('npx valuepack counter proposal.yaml --discount 15%');
    expect(readFileSync(join(dir, 'proposal.yaml'), 'utf8')).toContain('#   npx valuepack check proposal.yaml');
    const tried = spawnSync('sh', ['-c', line.replace(/^npx /, 'npx --offline ')], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(tried.status).toBe(0);
  });
});
