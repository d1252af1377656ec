import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The built package, by its name: dist/index.js and dist/types/index.d.ts through "exports".
import { check, counter, isUsable, loadProposal, parsePercent, renderCounterJson, type Ratio } from 'valuepack';
import { ROOT, run } from '../helpers/run.js';

const example = readFileSync(`${ROOT}docs/api.md`, 'utf8').split('## An example')[1] ?? '';
/** The first fenced block of a language in the doc's example section. */
const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(example)?.[1] ?? '';

describe('the library API (built package)', () => {
  it('runs the example of docs/api.md and prints what the doc says', () => {
    expect(block('js')).toContain("from 'valuepack'");
    const r = spawnSync(process.execPath, ['--input-type=module'], { cwd: ROOT, input: block('js'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(block('text'));
  });

  it('gives what counter --json gives, on the same functions', () => {
    const loaded = loadProposal(`${ROOT}fixtures/telecom-switching.yaml`);
    expect(isUsable(loaded)).toBe(true);
    if (!isUsable(loaded)) return;
    const discount: Ratio = parsePercent('20%')!;
    const cli = run(['counter', 'fixtures/telecom-switching.yaml', '--discount', '20%', '--json']);
    expect(cli.code).toBe(0);
    expect(renderCounterJson(counter(loaded.deal, { discount }))).toBe(cli.stdout);
  });

  it('returns findings, located, for a file it cannot use, instead of throwing', () => {
    const broken = loadProposal(`${ROOT}fixtures/batch/c-unknown-key.yaml`);
    expect(isUsable(broken)).toBe(false);
    expect(broken.deal).toBeUndefined();
    expect(broken.findings.map((f) => [f.code, f.line])).toEqual([['missing-key', 6], ['unknown-key', 6]]);
    const refused = loadProposal(`${ROOT}fixtures/batch/e-duplicate-id.yaml`);
    expect(refused.deal).toBeUndefined();
    expect(refused.findings.map((f) => f.code)).toEqual(['duplicate-id']);
    const missing = loadProposal(`${ROOT}fixtures/batch/no-such-file.yaml`);
    expect(missing.findings.map((f) => f.message)).toEqual(['cannot read the file: no such file']);
  });

  it('checks a file as valuepack check does, the discounts included', () => {
    const r = check(`${ROOT}fixtures/telecom-switching.yaml`, { discounts: [parsePercent('20%')!, parsePercent('35%')!] });
    expect(r.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['discount-not-absorbed', 'error', 8]]);
    expect(r.rules).toContain('discount-not-absorbed');
    const cli = run(['check', 'fixtures/telecom-switching.yaml', '--discount', '20%,35%', '--format', 'json']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(r.findings[0]!.message);
  });
});
