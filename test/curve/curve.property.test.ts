import { expect, test } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { curve, type Curve } from '../../src/engine/curve.js';
import type { Deal } from '../../src/engine/deal.js';
import { ratio } from '../../src/engine/ratio.js';
import { generateDeal, prng } from '../helpers/generate.js';
import type { FloorSpec } from '../helpers/builders.js';
import { runs } from '../helpers/runs.js';

/**
 * The curve against counter() on seeded random proposals: every segment's value loss
 * and package are counter's at both ends and at a random step inside, the segments run
 * contiguously from 0 to the end asked for, and the value loss never falls.
 */
const best = (deal: Deal, bp: number) =>
  counter(deal, { discount: ratio(bp, 10_000) }, { alternatives: 1 }).alternatives[0];

function expectAgrees(deal: Deal, c: Curve, end: number, random: () => number): void {
  expect(c.optimal).toBe(true);
  let next = 0;
  let loss = -Infinity;
  for (const s of c.segments) {
    expect(s.fromBp).toBe(next);
    expect(s.toBp).toBeGreaterThanOrEqual(s.fromBp);
    expect(s.valueLoss).toBeGreaterThanOrEqual(loss);
    const inside = s.fromBp + Math.floor(random() * (s.toBp - s.fromBp + 1));
    for (const bp of [s.fromBp, inside, s.toBp]) {
      const alt = best(deal, bp);
      expect(alt?.valueLoss, `value loss at ${bp} bp`).toBe(s.valueLoss);
      expect(alt?.choice, `package at ${bp} bp`).toEqual(s.choice);
    }
    expect(best(deal, s.fromBp)!.margin).toBe(s.marginFrom);
    expect(best(deal, s.toBp)!.margin).toBe(s.marginTo);
    loss = s.valueLoss;
    next = s.toBp + 1;
  }
  expect(next - 1).toBe(c.segments.length ? end : -1);
}

test('every segment agrees with counter at its ends; contiguous, value loss never falling', () => {
  const floors: FloorSpec[] = ['preserve', '20%', 50_000];
  for (let seed = 1; seed <= runs(20); seed++) {
    const random = prng(seed * 7919);
    const deal = generateDeal({
      seed, levers: 2 + (seed % 4), options: 2 + (seed % 3), floor: floors[seed % 3]!,
      priced: (seed % 4) / 4, terms: seed % 2, locked: 0.1,
      ...(seed % 3 === 0 ? { maxDiscount: '25%' } : {}), ...(seed % 5 === 0 ? { discount: '5%' } : {}),
      digits: ([0, 2, 3] as const)[seed % 3]!,
    });
    const toBp = seed % 4 === 0 ? 700 : undefined;
    const c = curve(deal, toBp === undefined ? {} : { toBp });
    const max = counter(deal, { discount: ratio(0, 1) }, { alternatives: 1 }).maxDiscountBp;
    expect(c.maxDiscountBp).toBe(max);
    if (max === null) {
      expect(c.segments).toEqual([]);
      continue;
    }
    expectAgrees(deal, c, Math.min(toBp ?? max, max), random);
  }
});
