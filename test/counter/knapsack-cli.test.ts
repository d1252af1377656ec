import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { counter } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
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

test.each(['5%', '15%', '25%', '40%'])('80 levers, %s off, 3 alternatives: alternative 1 is proven before the time limit stops the rest', (discount) => {
  // The clock stands still for 40,000 readings, then jumps past any deadline: the solver
  // needs about 12,000 to prove alternative 1 at 40%, the enumeration far more for 2 and 3.
  let reads = 0;
  const loaded = loadProposal(file);
  if (!isUsable(loaded)) throw new Error('the 80-lever proposal does not load');
  const r = counter(loaded.deal, { discount: ratio(parseInt(discount, 10), 100) }, { clock: () => (++reads > 40_000 ? Infinity : 0), timeLimit: 1 });
  expect(r.feasible).toBe(true);
  expect(r.provenCount).toBeGreaterThanOrEqual(1);
  if (r.optimal) expect(r.provenCount).toBe(r.alternatives.length);
});

test.each(['5%', '15%', '25%', '40%'])('with --time-limit 0.05 at %s it answers a package, labelled, or undecided: never "none"', async (discount) => {
  const r = await cli(['counter', file, '--discount', discount, '--json', '--time-limit', '0.05']);
  expect([0, 3], r.stderr).toContain(r.code);
  const json = JSON.parse(r.stdout);
  if (r.code === 3) expect(json).toMatchObject({ feasible: null, optimal: false });
  else expect(json).toMatchObject({ feasible: true, provenCount: expect.any(Number) });
});
