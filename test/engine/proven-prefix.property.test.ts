import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bestPackages, type Alternative } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
import { generateDeal } from '../helpers/generate.js';

/**
 * A search stopped by the time limit says how many leading alternatives are proven
 * (provenCount): those must be exactly what the search run to the end puts first, on
 * every criterion the order promises (value, margin, changes). The full search is itself
 * checked against the brute-force oracle elsewhere; the clock counts its readings.
 */
const counting = () => {
  let now = 0;
  return () => ++now;
};
const criteria = (a: Alternative) => [a.value, a.margin, a.changes.length];

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  levers: fc.integer({ min: 15, max: 45 }),
  priced: fc.constantFrom(0, 0.3),
  // Deep enough that the best packages change many levers, so the search takes rounds.
  discountBp: fc.integer({ min: 1_800, max: 3_000 }),
  count: fc.integer({ min: 2, max: 5 }),
  limit: fc.integer({ min: 1, max: 8 }),
});

const seen = { stopped: 0, partly: 0 };

test('the proven alternatives of a stopped search are the best ones, in order', () => {
  fc.assert(fc.property(cases, (c) => {
    const d = generateDeal({ seed: c.seed, levers: c.levers, priced: c.priced, floor: '20%' });
    const request = { discount: ratio(c.discountBp, 10_000) };
    const full = bestPackages(d, request, { alternatives: c.count });
    const cut = bestPackages(d, request, { alternatives: c.count, clock: counting(), timeLimit: c.limit });
    expect(full.optimal).toBe(true);
    expect(full.provenCount).toBe(full.alternatives.length);
    expect(cut.provenCount).toBeLessThanOrEqual(cut.alternatives.length);
    if (cut.optimal) expect(cut.provenCount).toBe(cut.alternatives.length);
    const proven = cut.alternatives.slice(0, cut.provenCount);
    expect(proven.map(criteria)).toEqual(full.alternatives.slice(0, cut.provenCount).map(criteria));
    if (!cut.optimal) seen.stopped++;
    if (cut.provenCount > 0 && cut.provenCount < cut.alternatives.length) seen.partly++;
  }), { seed: Number(process.env.SEED ?? 12), numRuns: Number(process.env.RUNS ?? 150) });
  expect(seen.partly, JSON.stringify(seen)).toBeGreaterThanOrEqual(5);
}, 300_000);
