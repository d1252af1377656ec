import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT, run } from '../helpers/run.js';

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'valuepack-counter-'));
const json = async (args: string[]) => {
  const r = await cli(['counter', ...args, '--json']);
  return { ...r, body: JSON.parse(r.stdout) };
};

describe('valuepack counter on the telecom example', () => {
  it('meets 20% by trimming the support term and limiting hardware replacement', async () => {
    const r = (await json([TELECOM, '--discount', '20%']));
    expect(r.code).toBe(0);
    expect(Object.keys(r.body)).toEqual(['schemaVersion', 'proposal', 'currency', 'original', 'request', 'feasible', 'maxDiscount', 'optimal', 'provenCount', 'alternatives']);
    expect(r.body.schemaVersion).toBe(2);
    expect(r.body.original).toEqual({ list: 10_000_000, price: 10_000_000, cost: 7_500_000, margin: 2_500_000, marginRatio: 0.25, value: 17_100_000 });
    expect(r.body.request).toEqual({ discount: 0.2, price: 8_000_000 });
    expect(r.body.feasible).toBe(true);
    expect(r.body.maxDiscount).toBe(0.3);
    expect(r.body.alternatives).toHaveLength(3);
    expect(r.body.alternatives[0]).toEqual({
      rank: 1, price: 8_000_000, discount: 0.2, list: 10_000_000, listDiscount: 0.2, cost: 6_000_000, margin: 2_000_000, marginRatio: 0.25,
      value: 16_000_000, valueLoss: 1_100_000, approver: 'Regional director',
      changes: [
        { lever: 'support.term', from: '4 years', to: '3 years', priceDelta: 0, costDelta: -700_000, valueDelta: -600_000 },
        { lever: 'support.hardware', from: 'All hardware including peripherals', to: 'Core hardware only', priceDelta: 0, costDelta: -800_000, valueDelta: -500_000 },
      ],
    });
    const losses = r.body.alternatives.map((a: { valueLoss: number }) => a.valueLoss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
  });

  it('reads a bare number as a percentage', async () => {
    expect((await json([TELECOM, '--discount', '20'])).body.alternatives[0].valueLoss).toBe(1_100_000);
  });

  it('exits 1 beyond the policy and shows what the largest discount takes', async () => {
    const r = (await json([TELECOM, '--discount', '35%']));
    expect(r.code).toBe(1);
    expect(r.body.feasible).toBe(false);
    expect(r.body.alternatives).toEqual([]);
    expect(r.body.maxDiscount).toBe(0.3);
    expect(r.body.atMaxDiscount.request).toEqual({ discount: 0.3, price: 7_000_000 });
    expect(r.body.atMaxDiscount.alternatives[0].price).toBe(7_000_000);
    const human = await cli(['counter', TELECOM, '--discount', '35%']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('No package meets 35% off within policy.');
    expect(human.stdout).toContain('The largest discount that can be met is 30%');
  });

  it('leaves a kept lever alone', async () => {
    const r = (await json([TELECOM, '--price', '8000000', '--keep', 'support.term']));
    expect(r.code).toBe(0);
    for (const alt of r.body.alternatives) {
      expect(alt.changes.map((c: { lever: string }) => c.lever)).not.toContain('support.term');
      expect(alt.price).toBe(8_000_000);
    }
  });

  it('prints tables for people, without colour when NO_COLOR is set', async () => {
    const r = await cli(['counter', TELECOM, '--discount', '20%']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Alternative 1  price 8,000,000 (20% off the offer) · margin 2,000,000 (25%)');
    expect(r.stdout).toContain('approver: Regional director');
    expect(r.stdout).toMatch(/Free support term \(support\.term\)\s*│ 4 years\s*│ 3 years\s*│\s*−700,000 │\s*−600,000 │/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe('');
  });
});

describe('valuepack counter at a price of 0', () => {
  it('answers 100% off without a margin ratio instead of failing', async () => {
    const file = join(ROOT, 'fixtures/free-at-full-discount.yaml');
    const human = await cli(['counter', file, '--discount', '100%']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Alternative 1  price 0 (100% off the offer) · margin 0 (—)');
    const r = (await json([file, '--discount', '100%']));
    expect(r.code).toBe(0);
    expect(r.body.alternatives[0]).toMatchObject({ price: 0, margin: 0, marginRatio: null });
    const batch = await cli(['batch', file, '--discount', '100%', '--format', 'jsonl']);
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.stdout)).toMatchObject({ price: 0, marginRatio: null });
  });
});

describe('valuepack counter output files', () => {
  it('writes a revised proposal that reads back at the agreed price', async () => {
    const dir = tmp();
    const out = join(dir, 'revised.yaml');
    const r = await cli(['counter', TELECOM, '--discount', '20%', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote the revised proposal (alternative 1) to ${out}`);
    const back = (await json([out, '--discount', '0%']));
    expect(back.code).toBe(0);
    expect(back.body.original.price).toBe(8_000_000);
    expect(back.body.alternatives[0].changes).toEqual([]);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('current: 3 years');
    expect(text).toContain('current: Core hardware only');
    expect(text).toContain('discount: 20%');
    expect(text).toContain('# A switching-network deal'); // comments survive
  });

  it('writes the chosen alternative with --pick', async () => {
    const dir = tmp();
    const out = join(dir, 'second.yaml');
    expect((await cli(['counter', TELECOM, '--discount', '20%', '--out', out, '--pick', '2'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('current: none');
    expect((await cli(['counter', TELECOM, '--discount', '20%', '--out', join(dir, 'x.yaml'), '--pick', '9'])).code).toBe(2);
  });

  it('writes a cover letter stating every change, and replaces it only with --force', async () => {
    const dir = tmp();
    const letter = join(dir, 'letter.md');
    expect((await cli(['counter', TELECOM, '--discount', '20%', '--letter', letter])).code).toBe(0);
    const text = readFileSync(letter, 'utf8');
    expect(text).toContain('You asked for 20% off our offer of USD 10,000,000');
    expect(text).toContain('If you accept this offer, then:');
    expect(text).toContain('- **Free support term**: 4 years → 3 years.');
    expect(text).toContain('- **Free hardware replacement**: All hardware including peripherals → Core hardware only.');
    writeFileSync(letter, 'keep me');
    const again = await cli(['counter', TELECOM, '--discount', '20%', '--letter', letter]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
    expect(readFileSync(letter, 'utf8')).toBe('keep me');
    expect((await cli(['counter', TELECOM, '--discount', '20%', '--letter', letter, '--force'])).code).toBe(0);
    expect(readFileSync(letter, 'utf8')).toContain('Offer 1');
  });

  it('never writes over its input, even with --force', async () => {
    const dir = tmp();
    const input = join(dir, 'deal.yaml');
    copyFileSync(TELECOM, input);
    const before = readFileSync(input, 'utf8');
    const r = run(['counter', 'deal.yaml', '--discount', '20%', '--out', `${dir}/./deal.yaml`, '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is one of the input files');
    expect(readFileSync(input, 'utf8')).toBe(before);
  });
});

describe('valuepack counter on bad input', () => {
  it('points at the mistyped key with file:line:col and no stack trace', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(TELECOM, 'utf8').replace('unitCost: 38000', 'unitCots: 38000'));
    const r = await cli(['counter', bad, '--discount', '20%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:23:5: unknown key "unitCots" (did you mean "unitCost"?)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['counter', TELECOM], 'either --discount'],
    [['counter', TELECOM, '--discount', '20%', '--price', '1'], 'either --discount'],
    [['counter', TELECOM, '--discount', 'lots'], '--discount takes a percentage'],
    [['counter', TELECOM, '--discount', '120%'], '--discount takes a percentage'],
    [['counter', TELECOM, '--price', '1.234'], '--price takes an amount in USD with at most 2 decimals'],
    [['counter', TELECOM, '--discount', '20%', '--keep', 'support.trem'], 'did you mean support.term?'],
    [['counter', TELECOM, '--discount', '20%', '--alternatives', '0'], '--alternatives takes a whole number'],
    [['counter', 'missing.yaml', '--discount', '20%'], 'missing.yaml:1:1: cannot read the file: no such file'],
    [['counter'], "missing required argument 'file'"],
  ])('exits 2 on %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
