import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'valuepack-small-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const lever = (id: string, a: string, b: string) =>
  `      - id: ${id}\n        name: ${id}\n        options:\n          - { name: On, ${a} }\n          - { name: Off, ${b} }\n`;
const ODD = file('odd.yaml', `proposal: Odd\ncustomer: C\ncurrency: USD\nitems:\n  - id: a\n    name: A\n    price: 1234567.89\n    cost: 500000\n    levers:\n${lever('s', 'cost: 100000, value: 200000', 'cost: 20000, value: 50000')}`);
const KWD = file('kwd.yaml', `proposal: Kuwait deal\ncustomer: C\ncurrency: KWD\nitems:\n  - id: a\n    name: A\n    price: 1000\n    cost: 400\n    levers:\n` +
  lever('s', 'cost: 100.250, value: 600.250', 'cost: 0, value: 100') + lever('t', 'cost: 100, value: 500', 'cost: 0, value: 0'));

describe('small things', () => {
  it('calls a file that already carries a discount the offer as it stands, not the original offer', async () => {
    const revised = join(dir, 'revised.yaml');
    expect((await cli(['counter', 'fixtures/telecom-switching.yaml', '-d', '20%', '--out', revised])).code).toBe(0);
    const r = await cli(['counter', revised, '-d', '5%']);
    expect(r.stdout).toContain('Offer as it stands  price 8,000,000 (20% off list 10,000,000) · cost 6,000,000');
    expect(r.stdout).not.toContain('Original offer');
    expect((await cli(['counter', 'fixtures/telecom-switching.yaml', '-d', '5%'])).stdout).toContain('Original offer  price 10,000,000');
  });

  it('prints the discount asked for exactly in the JSON, not the one its rounded target price works out at', async () => {
    const json = JSON.parse((await cli(['counter', ODD, '-d', '3.33%', '--json'])).stdout);
    expect(json.request).toEqual({ discount: 0.0333, price: 1193456.77 });
  });

  it('aligns KWD amounts in tables with all three decimals once one has a fraction', async () => {
    const r = await cli(['counter', KWD, '-d', '30%']);
    expect(r.stdout).toMatch(/│ s \(a\.s\)\s+│ On\s+│ Off\s+│\s+−100\.250 │\s+−500\.250 │/);
    expect(r.stdout).toMatch(/│ t \(a\.t\)\s+│ On\s+│ Off\s+│\s+−100\.000 │\s+−500\.000 │/);
    const b = await cli(['batch', KWD, '-d', '10%', '-f', 'table']);
    expect(b.stdout).toMatch(/│\s+900\.000 │\s+399\.750 │/);
    expect((await cli(['counter', 'fixtures/telecom-switching.yaml', '-d', '20%'])).stdout).toContain('│   −700,000 │');
  });

  it('says on stderr when fewer alternatives exist than -n asks for', async () => {
    const r = await cli(['counter', 'fixtures/telecom-switching.yaml', '-d', '20%', '-n', '50', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).alternatives).toHaveLength(24);
    expect(r.stderr).toBe('valuepack: only 24 minimal packages meet the request within policy; all are shown\n');
    expect((await cli(['counter', 'fixtures/telecom-switching.yaml', '-d', '20%', '-n', '3'])).stderr).toBe('');
    expect((await cli(['counter', KWD, '-d', '30%'])).stderr).toBe(''); // one exists, but none more was asked for
  });
});
