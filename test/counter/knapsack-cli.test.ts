import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { prng } from '../helpers/generate.js';
import { cli } from '../helpers/io.js';

/**
 * Issue 12's acceptance case: 80 levers whose options are worth about their cost
 * (value = cost + 0–3), where the old search ran out of time and answered "none".
 */
const dir = mkdtempSync(join(tmpdir(), 'valuepack-knapsack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noisyProposal(levers: number): string {
  const random = prng(80);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const lever = (j: number) => {
    const full = between(1_000, 50_000);
    const options = [1, 0.7, 0.4, 0.1].map((f, k) => {
      const cost = k === 0 ? full : Math.round(full * (f + (random() - 0.5) * 0.1));
      return `          - { name: level ${k}, cost: ${cost}, value: ${cost + between(0, 3)} }`;
    });
    return [`      - id: l${j}`, `        name: Lever ${j}`, '        options:', ...options].join('\n');
  };
  return [
    'proposal: Eighty levers worth their cost', 'customer: Acme', 'currency: USD',
    'policy:', '  marginFloor: 25%', '  maxDiscount: 40%',
    'items:', '  - id: all', '    name: Everything', '    price: 4000000', '    cost: 600000', '    levers:',
    ...Array.from({ length: levers }, (_, j) => lever(j)), '',
  ].join('\n');
}

const file = join(dir, 'noisy-80.yaml');
writeFileSync(file, noisyProposal(80));

test.each(['5%', '15%', '25%'])('80 levers, value = cost + 0–3, %s off: a proven package', async (discount) => {
  // A generous limit, so that the proof never depends on the machine's speed.
  const r = await cli(['counter', file, '--discount', discount, '--alternatives', '1', '--json', '--time-limit', '600']);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ feasible: true, optimal: true });
});

test('with --time-limit 0.05 it answers a package, labelled, or undecided: never "none"', async () => {
  const r = await cli(['counter', file, '--discount', '15%', '--json', '--time-limit', '0.05']);
  expect([0, 3], r.stderr).toContain(r.code);
  const json = JSON.parse(r.stdout);
  if (r.code === 3) expect(json).toMatchObject({ feasible: null, optimal: false });
  else expect(json.feasible).toBe(true);
});
