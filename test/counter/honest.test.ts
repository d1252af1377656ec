import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLetter } from '../../src/report/letter.js';
import { counter } from '../../src/engine/counter.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';
import { pct } from '../helpers/builders.js';

// The honest semantics of DESIGN.md, one named scenario per fixture.
const fixture = (name: string) => join(ROOT, 'fixtures', name);
const tmp = () => mkdtempSync(join(tmpdir(), 'valuepack-honest-'));
const json = async (args: string[]) => {
  const r = await cli(['counter', ...args, '--json']);
  return { ...r, body: JSON.parse(r.stdout) };
};
const dealOf = (name: string) => {
  const loaded = loadProposal(fixture(name));
  if (!isUsable(loaded)) throw new Error(loaded.findings.map((f) => f.message).join('\n'));
  return loaded.deal;
};

describe('policy applies to the discount off the package\'s own list', () => {
  it('removing a 300,000 priced option to meet 25% is 2.5% off list, signed by the account manager', async () => {
    const r = (await json([fixture('priced-scope-removed.yaml'), '-d', '25%']));
    expect(r.code).toBe(0);
    expect(r.body.schemaVersion).toBe(2);
    expect(r.body.original).toMatchObject({ list: 1_300_000, price: 1_300_000 });
    expect(r.body.alternatives[0]).toMatchObject({
      price: 975_000, discount: 0.25, list: 1_000_000, listDiscount: 0.025, approver: 'Account manager',
      changes: [{ lever: 'training.programme', from: 'Full programme', to: 'None' }],
    });
  });

  it('says in the letter how much of the reduction is scope removed and how much is discount', async () => {
    const letter = renderLetter(counter(dealOf('priced-scope-removed.yaml'), { discount: pct('25%') }), { date: '2026-11-29' })!;
    expect(letter).toContain('Of the USD 325,000 reduction, USD 300,000 is the price of the scope removed and USD 25,000 is discount: ' +
      '2.5% off the list price of the scope you receive (USD 1,000,000).');
    expect(letter).toContain('- **On-site training programme**: Full programme → None.');
    expect(letter).toContain('Date: 2026-11-29');
    expect(letter).not.toMatch(/quality|standard you expect|at risk/);
  });

  it('counts a discount already in the file: a second round on a 20%-revised telecom file stops at 12.5% more', async () => {
    const dir = tmp();
    const revised = join(dir, 'revised.yaml');
    expect((await cli(['counter', fixture('telecom-switching.yaml'), '-d', '20%', '--out', revised])).code).toBe(0);
    const again = (await json([revised, '-d', '25%']));
    expect(again.code).toBe(1);
    expect(again.body.maxDiscount).toBe(0.125);
    expect(again.body.atMaxDiscount.alternatives[0]).toMatchObject({ price: 7_000_000, listDiscount: 0.3, approver: 'Division head' });
  });
});

describe('no giveaways', () => {
  it('meets a request the offer can absorb with no change of scope, and says so', async () => {
    const r = await cli(['counter', fixture('room-to-spare.yaml'), '-d', '5%']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No change of scope needed: the offer as it stands meets the request, leaving a margin of 315,000 (25.5%).');
    expect((await json([fixture('room-to-spare.yaml'), '-d', '5%'])).body.alternatives[0].changes).toEqual([]);
  });

  it('offers a cheap extra only with --add-scope', async () => {
    const r = (await json([fixture('room-to-spare.yaml'), '-d', '5%', '--add-scope']));
    expect(r.body.alternatives[0].changes).toEqual([expect.objectContaining({ lever: 'platform.success', to: 'Dedicated manager' })]);
    expect(r.body.alternatives[0].valueLoss).toBe(-120_000);
  });

  it('never moves a lever to an option worth more without --add-scope, at any discount', async () => {
    const d = dealOf('room-to-spare.yaml');
    for (let bp = 0; bp <= 2_000; bp += 250) {
      for (const alt of counter(d, { discount: { num: BigInt(bp), den: 10_000n } }).alternatives) {
        expect(alt.changes.every((c) => c.valueDelta <= 0)).toBe(true);
      }
    }
  });
});

describe('usage that would mislead', () => {
  it('refuses --price above the offer price', async () => {
    const r = await cli(['counter', fixture('telecom-switching.yaml'), '--price', '10000001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('above the offer price of USD 10,000,000');
  });

  it('refuses --pick without --out', async () => {
    const r = await cli(['counter', fixture('telecom-switching.yaml'), '-d', '20%', '--pick', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pick');
  });

  it('writes no letter and no revised proposal when the request cannot be met, and says why', async () => {
    const dir = tmp();
    const r = await cli(['counter', fixture('telecom-switching.yaml'), '-d', '35%', '--out', join(dir, 'r.yaml'), '--letter', join(dir, 'l.md')]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'r.yaml')) || existsSync(join(dir, 'l.md'))).toBe(false);
    expect(r.stderr).toContain('nothing was written');
  });

  it('checks every output before writing any: a refused --letter leaves no --out behind', async () => {
    const dir = tmp();
    const r = await cli(['counter', fixture('telecom-switching.yaml'), '-d', '20%', '--out', join(dir, 'r.yaml'), '--letter', join(dir, 'missing', 'l.md')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'r.yaml'))).toBe(false);
  });

  it('dates the letter and states its validity', async () => {
    const dir = tmp();
    const letter = join(dir, 'l.md');
    expect((await cli(['counter', fixture('telecom-switching.yaml'), '-d', '20%', '--letter', letter, '--valid-until', '2999-12-31'])).code).toBe(0);
    const text = readFileSync(letter, 'utf8');
    expect(text).toMatch(/^Date: \d{4}-\d{2}-\d{2} {2}$/m);
    expect(text).toContain('Valid until: 2999-12-31');
    expect(text).toMatch(/Switching Systems Division\n$/);
    expect((await cli(['counter', fixture('telecom-switching.yaml'), '-d', '20%', '--letter', join(dir, 'x.md'), '--valid-until', '2020-01-01'])).code).toBe(2);
  });
});

describe('money-losing offers', () => {
  it('are a check error and refused by counter and batch with file:line:col', async () => {
    const file = fixture('rules/offer-loses-money.yaml');
    const check = await cli(['check', file]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('offer-loses-money');
    const c = await cli(['counter', file, '-d', '5%']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/offer-loses-money\.yaml:\d+:\d+: .*costs 1,?200 USD.*priced at 1,?000 USD/);
    const b = await cli(['batch', file, '-d', '5%', '--format', 'jsonl']);
    expect(b.code).toBe(2);
    expect(JSON.parse(b.stdout).error).toContain('loses money');
  });
});
