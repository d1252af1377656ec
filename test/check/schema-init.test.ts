import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT, run } from '../helpers/run.js';

describe('valuepack schema', () => {
  it('prints draft-07 JSON Schema equal to the committed schema/proposal.schema.json', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'valuepack proposal' });
    const committed = readFileSync(`${ROOT}schema/proposal.schema.json`, 'utf8');
    expect(r.stdout, 'schema/proposal.schema.json is out of date; refresh it with: ' +
      'node bin/valuepack.cjs schema > schema/proposal.schema.json').toBe(committed);
  });
});

describe('valuepack init', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'vp-init-'));

  it('writes proposal.yaml with a schema line, which passes check and gives a useful counter answer', () => {
    const dir = fresh();
    const r = run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'proposal.yaml'), 'utf8');
    // No installed package to point at: no schema line that would resolve to nothing.
    expect(text.split('\n')[0]).toMatch(/^# Editor completion: save "valuepack schema" as proposal.schema.json beside this file/);
    expect(text).not.toContain('$schema=');

    const checked = run(['check', 'proposal.yaml', '--discount', '15%', '--max-warnings', '0'], { cwd: dir });
    expect([checked.code, checked.stdout]).toEqual([0, '✔ 1 file checked, no problems\n']);

    const answer = run(['counter', 'proposal.yaml', '--discount', '15%', '--json'], { cwd: dir });
    expect(answer.code).toBe(0);
    const json = JSON.parse(answer.stdout);
    expect(json.feasible).toBe(true);
    expect(json.alternatives.length).toBeGreaterThan(1);
    expect(json.alternatives[0].changes.map((c: { lever: string }) => c.lever)).toEqual(['onboarding.scope', 'terms.payment']);
  });

  it('points the schema line at the nearest installed package, relative to the new file', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'node_modules/valuepack/schema'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/valuepack/schema/proposal.schema.json'), '{}');
    mkdirSync(join(dir, 'deals/2025'), { recursive: true });
    expect(run(['init', 'deals/2025/acme.yaml'], { cwd: join(dir, 'deals') }).code).toBe(2); // no deals/deals/2025
    expect(run(['init', '2025/acme.yaml'], { cwd: join(dir, 'deals') }).code).toBe(0);
    expect(readFileSync(join(dir, 'deals/2025/acme.yaml'), 'utf8').split('\n')[0])
      .toBe('# yaml-language-server: $schema=../../node_modules/valuepack/schema/proposal.schema.json');
  });

  it('refuses to overwrite (exit 2) unless --force', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'mine.yaml'), 'keep me\n');
    const refused = run(['init', 'mine.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mine.yaml already exists; use --force');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('keep me\n');
    expect(run(['init', 'mine.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('proposal: ');
    expect(existsSync(join(dir, 'proposal.yaml'))).toBe(false);
  });
});
