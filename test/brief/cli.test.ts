import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
/** The whole page for the telecom case at 20%; after a deliberate change, regenerate with UPDATE_GOLDEN=1. */
const GOLDEN = join(ROOT, 'test/brief/telecom-20.golden.html');
const tmp = () => mkdtempSync(join(tmpdir(), 'valuepack-brief-'));

describe('valuepack brief', () => {
  it('telecom at 20%: the golden page on standard output, exit 0', async () => {
    const r = await cli(['brief', TELECOM, '--discount', '20%', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, r.stdout);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
    for (const text of ['8,000,000', 'Regional director', '3 years', 'Core hardware only']) expect(r.stdout).toContain(text);
    expect(r.stdout.match(/<svg /g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('writes the file atomically, never over an existing one without --force, never over the input', async () => {
    const dir = tmp();
    const out = join(dir, 'brief.html');
    const first = await cli(['brief', TELECOM, '-d', '20%', '-o', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`wrote the brief to ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(GOLDEN, 'utf8'));
    writeFileSync(out, 'mine');
    const again = await cli(['brief', TELECOM, '-d', '20%', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli(['brief', TELECOM, '-d', '20%', '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<!DOCTYPE html>');
    const input = join(dir, 'deal.yaml');
    writeFileSync(input, readFileSync(TELECOM));
    const over = await cli(['brief', input, '-d', '20%', '-o', input, '--force']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is one of the input files');
  });

  it('exit 1 beyond reach, with what the largest discount takes', async () => {
    const r = await cli(['brief', TELECOM, '-d', '40%', '-o', '-']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cannot be met');
    expect(r.stdout).toContain('7,000,000');
  });

  it('takes a target price and levers to keep', async () => {
    const r = await cli(['brief', TELECOM, '--price', '8,000,000', '--keep', 'support.term', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('8,000,000');
    expect(r.stdout).not.toContain('4 years <span class="arrow">');
  });

  it('--ladder adds the concession plan: four nested, tapered steps up to the request', async () => {
    const r = await cli(['brief', TELECOM, '-d', '20%', '--ladder', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('The concession plan');
    const steps = [...r.stdout.matchAll(/<h3>Step (\d): ([\d.]+)% off<\/h3>/g)].map((m) => Number(m[2]));
    expect(steps).toHaveLength(4);
    expect(steps.at(-1)).toBe(20);
    const concessions = steps.map((s, i) => s - (steps[i - 1] ?? 0));
    concessions.slice(1).forEach((c, i) => expect(c).toBeLessThanOrEqual(concessions[i]!));
  });

  it('--distinct: offers that change disjoint levers, and why there are fewer than asked', async () => {
    const r = await cli(['brief', TELECOM, '-d', '20%', '--distinct', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Distinct alternatives: no two offers change the same lever.');
    const cards = r.stdout.split('<article class="card').slice(1);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    const levers = cards.map((c) => [...c.matchAll(/<span class="give">([^<]+)<\/span>/g)].map((m) => m[1]));
    expect(new Set(levers.flat()).size).toBe(levers.flat().length);
  });

  it('--approver holds the offers, the curve and the plan within the band, and says so', async () => {
    const r = await cli(['brief', TELECOM, '-d', '15%', '--approver', 'Account manager', '--ladder', '-o', '-']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('cannot be met</strong> within policy and within what Account manager may sign (up to 10% off list)');
    expect(r.stdout).toContain('The most is 10%');
    const steps = [...r.stdout.matchAll(/<h3>Step (\d): ([\d.]+)% off<\/h3>/g)].map((m) => Number(m[2]));
    expect(steps.at(-1)).toBe(10);
    expect(r.stdout).not.toMatch(/Regional director|Division head/);
  });

  it('--add-scope lets the offers add what the margin pays for', async () => {
    const spare = join(ROOT, 'fixtures/room-to-spare.yaml');
    const plain = await cli(['brief', spare, '-d', '5%', '-o', '-']);
    const added = await cli(['brief', spare, '-d', '5%', '--add-scope', '-o', '-']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(added.code, added.stderr).toBe(0);
    expect(plain.stdout).toContain('with no change of scope');
    expect(added.stdout).not.toContain('with no change of scope');
  });

  it('bad calls and bad files exit 2 with a message and no stack trace', async () => {
    const dir = tmp();
    const cases: [string[], string][] = [
      [['brief', TELECOM, '-d', '20%'], '-o brief.html'],
      [['brief', TELECOM, '-d', '20%', '--price', '8000000', '-o', '-'], 'either --discount'],
      [['brief', TELECOM, '-d', '120%', '-o', '-'], '--discount takes a percentage'],
      [['brief', TELECOM, '-d', '20%', '--keep', 'support.terms', '-o', '-'], 'did you mean support.term'],
      [['brief', TELECOM, '-d', '20%', '--approver', 'Nobody', '-o', '-'], 'approvers are "Account manager"'],
      [['brief', TELECOM, '-d', '20%', '--add-scope', '--ladder', '-o', '-'], '--add-scope cannot go with --ladder'],
      [['brief', join(ROOT, 'fixtures/hostile/syntax-error.yaml'), '-d', '20%', '-o', join(dir, 'x.html')], 'syntax-error.yaml:'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });
});
