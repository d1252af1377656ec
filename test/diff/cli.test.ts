import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';
import { buyerCopy } from './offers.js';

const TELECOM = join(ROOT, 'fixtures/telecom-switching.yaml');
const BUYER = join(ROOT, 'fixtures/diff/telecom-buyer.yaml');
const V1 = join(ROOT, 'fixtures/diff/branch-v1.yaml');
const V2 = join(ROOT, 'fixtures/diff/branch-v2.yaml');
const json = async (...files: string[]) => {
  const r = await cli(['diff', ...files, '--json']);
  return { ...r, body: JSON.parse(r.stdout) };
};

describe('valuepack diff on the telecom offer and the counter-offer it leads to', () => {
  let revised = '';
  beforeAll(async () => {
    revised = join(mkdtempSync(join(tmpdir(), 'valuepack-diff-')), 'revised.yaml');
    const r = await cli(['counter', TELECOM, '--discount', '20%', '--out', revised]);
    expect(r.code).toBe(0);
  });

  it('shows exactly the two support changes and what the price cut costs the buyer in scope (exit 1)', async () => {
    const r = await cli(['diff', TELECOM, revised]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('price −20% (−2,000,000); scope removed worth 1,100,000 (6.43% of the value); net to you 900,000');
    expect(r.stdout).toMatch(/Free support term\s+│ 4 years\s+│ 3 years/);
    expect(r.stdout).not.toContain('Items');
  });

  it('gives the same as JSON', async () => {
    const { code, body } = (await json(TELECOM, revised));
    expect(code).toBe(1);
    expect(body).toMatchObject({
      currency: 'USD', same: false, costed: true,
      old: { price: 10_000_000, value: 17_100_000, cost: 7_500_000, discount: 0 },
      new: { price: 8_000_000, value: 16_000_000, cost: 6_000_000, discount: 0.2 },
      summary: { priceChange: -2_000_000, priceChangeRatio: -0.2, valueChange: -1_100_000, net: 900_000, costChange: -1_500_000 },
      items: [], terms: [],
    });
    expect(body.levers).toEqual([
      { status: 'changed', path: 'support.term', name: 'Free support term', renamed: false, oldPath: null, oldName: null,
        from: '4 years', to: '3 years', priceDelta: 0, valueDelta: -600_000, costDelta: -700_000 },
      { status: 'changed', path: 'support.hardware', name: 'Free hardware replacement', renamed: false, oldPath: null, oldName: null,
        from: 'All hardware including peripherals', to: 'Core hardware only', priceDelta: 0, valueDelta: -500_000, costDelta: -800_000 },
    ]);
  });

  it('works on buyer\'s copies without a single cost figure, and says costs were not compared', async () => {
    const buyerRevised = revised.replace(/\.yaml$/, '-buyer.yaml');
    writeFileSync(buyerRevised, buyerCopy(readFileSync(revised, 'utf8')));
    const r = await cli(['diff', BUYER, buyerRevised]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('net to you 900,000');
    expect(r.stdout).toContain('carry no cost figures');
    const { body } = (await json(BUYER, buyerRevised));
    expect(body.costed).toBe(false);
    expect(body.summary.costChange).toBeNull();
    expect(body.levers.map((l: { path: string; costDelta: unknown }) => [l.path, l.costDelta]))
      .toEqual([['support.term', null], ['support.hardware', null]]);
  });
});

describe('valuepack diff exit codes', () => {
  it('exits 0 on identical files, and on the buyer\'s copy of the same offer', async () => {
    const same = await cli(['diff', TELECOM, TELECOM]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('The offers are the same');
    const buyer = (await json(TELECOM, BUYER));
    expect(buyer.code).toBe(0);
    expect(buyer.body).toMatchObject({ same: true, costed: false, old: { cost: 7_500_000 }, new: { cost: null }, items: [], levers: [], terms: [] });
  });

  it('exits 2 on offers in different currencies, pointing at the currency', async () => {
    const eur = join(mkdtempSync(join(tmpdir(), 'valuepack-diff-')), 'eur.yaml');
    writeFileSync(eur, readFileSync(TELECOM, 'utf8').replace('currency: USD', 'currency: EUR'));
    const r = await cli(['diff', TELECOM, eur]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${eur}:7:11: this offer is in EUR but the old one is in USD`);
  });

  it('exits 2 on bad input, reporting both files at once, and on a missing argument', async () => {
    const r = await cli(['diff', 'no-such-old.yaml', 'no-such-new.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-old.yaml');
    expect(r.stderr).toContain('no-such-new.yaml');
    expect((await cli(['diff', TELECOM])).code).toBe(2);
  });
});

describe('valuepack diff on items and levers added, removed and renamed', () => {
  it('pairs renamed items and levers by name and lists every change', async () => {
    const { code, body } = (await json(V1, V2));
    expect(code).toBe(1);
    const brief = (xs: { status: string; renamed: boolean }[], key: string) =>
      xs.map((x) => [x.status, (x as unknown as Record<string, unknown>)[key], x.renamed]);
    expect(brief(body.items, 'id')).toEqual([
      ['changed', 'switches', false], ['changed', 'aps', false], ['added', 'cabling', false],
      ['changed', 'maintenance', true], ['removed', 'survey', false],
    ]);
    expect(body.items[0].quantity).toEqual({ from: 20, to: 16 });
    expect(body.items[1].unitPrice).toEqual({ from: 600, to: 550 });
    expect(body.items[3].oldId).toBe('care');
    expect(brief(body.levers, 'path')).toEqual([
      ['changed', 'maintenance.term', true], ['added', 'maintenance.response', false], ['removed', 'care.spares', false],
    ]);
    expect(body.levers[0].oldPath).toBe('care.years');
    expect(body.terms).toMatchObject([{ path: 'terms.pay', from: 'Net 60', to: 'Net 30', valueDelta: -400, costDelta: -500 }]);
    expect(body.summary).toMatchObject({ priceChange: -8_000, valueChange: -11_400, net: -3_400, costChange: -4_500 });
  });

  it('shows them as tables', async () => {
    const r = await cli(['diff', V1, V2]);
    expect(r.code).toBe(1);
    for (const text of ['quantity 20 → 16', 'unit price 600 → 550', 'renamed from care', 'maintenance.term · renamed from care.years',
      'maintenance.response · added', 'care.spares · removed', 'price −8.79% (−8,000); scope removed worth 11,400 (11.51% of the value); net to you −3,400']) {
      expect(r.stdout).toContain(text);
    }
  });
});
