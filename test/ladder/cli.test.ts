import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'valuepack-ladder-'));
const json = async (args: string[]) => {
  const r = await cli([...args, '--json']);
  return { ...r, body: JSON.parse(r.stdout) };
};
type Step = { discount: number; price: number; valueLoss: number; priceOfNesting: number; changes: { lever: string; to: string }[] };

describe('valuepack ladder on the telecom example', () => {
  it('--to 20% --steps 4: ends at 20%, tapered, nested, every field of the JSON', async () => {
    const r = (await json(['ladder', TELECOM, '--to', '20%', '--steps', '4']));
    expect(r.code).toBe(0);
    expect(r.body.schemaVersion).toBe(2);
    const steps: Step[] = r.body.steps;
    expect(steps.map((s) => s.discount)).toEqual([0.08, 0.14, 0.18, 0.2]);
    const gaps = steps.map((s, i) => Math.round((s.discount - (i ? steps[i - 1]!.discount : 0)) * 10_000));
    gaps.slice(1).forEach((g, i) => expect(g).toBeLessThanOrEqual(gaps[i]!));
    // nested: every lever a step changed stays changed (to something) at every later step
    steps.slice(1).forEach((s, i) => {
      for (const ch of steps[i]!.changes) expect(s.changes.map((c) => c.lever)).toContain(ch.lever);
    });
    expect(Object.keys(steps[0]!)).toEqual(['step', 'discount', 'price', 'list', 'listDiscount', 'cost', 'margin', 'marginRatio',
      'value', 'valueLoss', 'approver', 'changes', 'added', 'priceOfNesting']);
    expect(steps.at(-1)).toMatchObject({ price: 8_000_000, valueLoss: 1_700_000, priceOfNesting: 600_000 });
    expect(r.body.unmet).toBeUndefined();
  });

  it('the text shows each step, what it gives up and the price of nesting', async () => {
    const r = await cli(['ladder', TELECOM, '--to', '20%']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Price of nesting');
    expect(r.stdout).toContain('1. Free hardware replacement: All hardware including peripherals → Core hardware only');
  });

  it('a step beyond reach ends the ladder with exit 1 and says why', async () => {
    const r = (await json(['ladder', TELECOM, '--at', '10%,25%,35%']));
    expect(r.code).toBe(1);
    expect(r.body.steps).toHaveLength(2);
    expect(r.body.unmet).toEqual({ discount: 0.35, price: 6_500_000, reason: 'beyond-reach', maxDiscount: 0.3 });
    expect((await cli(['ladder', TELECOM, '--at', '10%,25%,35%'])).stdout).toContain('the largest discount that can be met is 30%');
  });

  it('--approver "Account manager" keeps every step within 10% off list', async () => {
    const r = (await json(['ladder', TELECOM, '--at', '5%,8%,15%', '--approver', 'Account manager']));
    expect(r.code).toBe(1);
    expect(r.body.approverLimit).toEqual({ approver: 'Account manager', upTo: 0.1 });
    expect(r.body.steps.map((s: { approver: string }) => s.approver)).toEqual(['Account manager', 'Account manager']);
    expect((await cli(['ladder', TELECOM, '--at', '5%,8%,15%', '--approver', 'account manager'])).stdout)
      .toContain('Step 3 (15% off → 8,500,000) cannot be met within policy and within what Account manager may sign (up to 10% off list)');
  });

  it('--memo writes the internal plan atomically, and refuses to overwrite without --force', async () => {
    const dir = tmp();
    const memo = join(dir, 'plan.md');
    const r = await cli(['ladder', TELECOM, '--to', '20%', '--memo', memo]);
    expect(r.code).toBe(0);
    const text = readFileSync(memo, 'utf8');
    expect(text).toContain('# Concession plan: Digital switching network, phase 1');
    expect(text).toContain('never for National telecom operator');
    expect(text).toContain('## Step 4: 20% off, USD 8,000,000');
    expect((await cli(['ladder', TELECOM, '--to', '20%', '--memo', memo])).code).toBe(2);
    writeFileSync(memo, 'old');
    expect((await cli(['ladder', TELECOM, '--to', '20%', '--memo', memo, '--force'])).code).toBe(0);
    expect(readFileSync(memo, 'utf8')).toContain('Concession plan');
  });

  it('usage errors exit 2 with a message', async () => {
    const cases: [string[], string][] = [
      [['--steps', '3'], 'either --to'],
      [['--to', '20%', '--at', '5%,10%'], 'either --to'],
      [['--at', '10%,5%'], 'rise strictly'],
      [['--at', ','], 'at least one discount'],
      [['--at', '10%,0.2'], 'did you mean 20% or 0.2%?'],
      [['--to', '20.005%'], 'steps of 0.01%'],
      [['--to', '0.02%', '--steps', '4'], 'too small'],
      [['--to', '20%', '--approver', 'Nobody'], 'approvers are "Account manager", "Regional director", "Division head"'],
      [['--to', '20%', '--keep', 'support.terms'], 'did you mean support.term'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['ladder', TELECOM, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(existsSync(join(ROOT, 'plan.md'))).toBe(false);
  });
});

describe('valuepack curve on the telecom example', () => {
  it('runs from 0 to 30% and shows value loss 1,100,000 at 20%', async () => {
    const r = await cli(['curve', TELECOM, '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.schemaVersion).toBe(2);
    expect(body.segments[0]).toMatchObject({ from: 0, valueLoss: 0, changes: [] });
    expect(body.segments.at(-1).to).toBe(0.3);
    const at20 = body.segments.find((s: { from: number; to: number }) => s.from <= 0.2 && 0.2 <= s.to);
    expect(at20).toMatchObject({ valueLoss: 1_100_000, marginTo: 2_000_000 });
    expect(Object.keys(at20)).toEqual(['from', 'to', 'valueLoss', 'marginFrom', 'marginTo', 'changes']);
  });

  it('text: a chart from 0% to 30% and the table; csv: one record per segment', async () => {
    const text = await cli(['curve', TELECOM]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/17,100,000 ┼/);
    expect(text.stdout).toMatch(/0%\s+30%/);
    expect(text.stdout).toContain('│ 17.34% │    20% │  1,100,000 │');
    const csv = await cli(['curve', TELECOM, '--to', '2%', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toEqual([
      'from,to,valueLoss,marginFrom,marginTo,changes',
      '0,0,0,2500000,2500000,',
      '0.0001,0.0133,80000,2599000,2467000,terms.payment: Net 90→Net 30',
      '0.0134,0.02,180000,2516000,2450000,training.days: 20 days→10 days',
      '',
    ]);
  });

  it('a bad --format, --to or --approver exits 2', async () => {
    expect((await cli(['curve', TELECOM, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['curve', TELECOM, '--to', 'lots'])).code).toBe(2);
    expect((await cli(['curve', TELECOM, '--json', '--format', 'csv'])).code).toBe(2);
    expect((await cli(['curve', TELECOM, '--approver', 'Nobody'])).stderr).toContain('approvers are "Account manager"');
  });

  it('--approver: the curve ends where the approver\'s band does, and agrees with counter there', async () => {
    const r = await cli(['curve', TELECOM, '--json', '--approver', 'account manager']);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.approverLimit).toEqual({ approver: 'Account manager', upTo: 0.1 });
    const c = (await json(['counter', TELECOM, '-d', '10%', '--approver', 'Account manager'])).body;
    expect(body.maxDiscount).toBe(c.maxDiscount);
    expect(body.segments.at(-1)).toMatchObject({ to: c.maxDiscount, valueLoss: c.alternatives[0].valueLoss });
    expect((await cli(['curve', TELECOM, '--approver', 'Account manager'])).stdout).toContain('Only what Account manager may sign');
  });

  it('--add-scope: at 0% the curve may add what the margin pays for, as counter --add-scope does', async () => {
    const spare = join(ROOT, 'fixtures/room-to-spare.yaml');
    const plain = JSON.parse((await cli(['curve', spare, '--json'])).stdout);
    const added = JSON.parse((await cli(['curve', spare, '--json', '--add-scope'])).stdout);
    const c = (await json(['counter', spare, '-d', '0%', '--add-scope'])).body;
    expect(plain.segments[0].valueLoss).toBe(0);
    expect(added.segments[0].valueLoss).toBe(c.alternatives[0].valueLoss);
    expect(added.segments[0].valueLoss).toBeLessThan(0);
  });
});

describe('counter --distinct and --approver on the telecom example', () => {
  it('--distinct at 20%: at least two alternatives with disjoint levers, and why no third', async () => {
    const r = (await json(['counter', TELECOM, '-d', '20%', '--distinct']));
    expect(r.code).toBe(0);
    const sets = r.body.alternatives.map((a: { changes: { lever: string }[] }) => a.changes.map((c) => c.lever));
    expect(sets.length).toBeGreaterThanOrEqual(2);
    const all = sets.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(r.body.distinct).toEqual({ requested: 3, reason: 'none-left' });
    expect((await cli(['counter', TELECOM, '-d', '20%', '--distinct'])).stdout).toContain('Only 2 distinct alternatives of the 3 asked for');
  });

  it('--approver "Account manager" meets 8% and refuses 15% (exit 1)', async () => {
    const at8 = (await json(['counter', TELECOM, '-d', '8%', '--approver', 'Account manager']));
    expect(at8.code).toBe(0);
    for (const a of at8.body.alternatives) expect(a.listDiscount).toBeLessThanOrEqual(0.1);
    expect(at8.body.approverLimit).toEqual({ approver: 'Account manager', upTo: 0.1 });
    const at15 = await cli(['counter', TELECOM, '-d', '15%', '--approver', 'Account manager']);
    expect(at15.code).toBe(1);
    expect(at15.stdout).toContain('No package meets 15% off within policy and within what Account manager may sign');
  });

  it('an unknown approver exits 2 listing the approvers', async () => {
    const r = await cli(['counter', TELECOM, '-d', '8%', '--approver', 'CEO']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such approver');
    expect(r.stderr).toContain('"Account manager", "Regional director", "Division head"');
  });
});
