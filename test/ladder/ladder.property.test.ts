import { expect, test } from 'vitest';
import { ladder } from '../../src/engine/ladder.js';
import { ratio } from '../../src/engine/ratio.js';
import { bruteLadder } from '../helpers/brute.js';
import { generateDeal, prng } from '../helpers/generate.js';
import type { FloorSpec } from '../helpers/builders.js';
import { runs } from '../helpers/runs.js';

/**
 * Every ladder step against a brute-force best nested package, on 200 seeded random
 * small proposals: random rising steps, sometimes a kept lever, sometimes an approver's cap.
 */
test('every ladder step is the brute-force best package nested in the previous one', () => {
  const floors: FloorSpec[] = ['preserve', '20%', 30_000];
  const reasons = { 'beyond-reach': 0, 'not-nested': 0, undecided: 0 };
  let nestingCost = 0;
  for (let seed = 1; seed <= runs(200); seed++) {
    const random = prng(seed * 104_729);
    const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const deal = generateDeal({
      seed, levers: between(1, 5), options: between(2, 4), floor: floors[seed % 3]!,
      priced: random() * 0.6, terms: between(0, 1), locked: 0.1,
      ...(random() < 0.3 ? { maxDiscount: `${between(5, 35)}%` } : {}), ...(random() < 0.2 ? { discount: '5%' } : {}),
      digits: ([0, 2, 3] as const)[seed % 3]!,
    });
    let bp = 0;
    const stepsBp = Array.from({ length: between(1, 5) }, () => (bp += between(1, 1_200)));
    const keep = random() < 0.2 && deal.levers.length > 0 ? [deal.levers[between(0, deal.levers.length - 1)]!.path] : [];
    const cap = random() < 0.25 ? ratio(between(300, 3_000), 10_000) : undefined;

    const r = ladder(deal, { steps: stepsBp.map((b) => ratio(b, 10_000)), keep, ...(cap ? { approverCap: cap } : {}) });
    const brute = bruteLadder(deal, stepsBp, keep, cap);
    expect(r.optimal).toBe(true);
    const view = r.steps.map((s) => ({ choice: s.package.choice, price: s.package.price, margin: s.package.margin,
      value: s.package.value, priceOfNesting: s.priceOfNesting }));
    const expected = brute.steps.map((s) => ({ choice: s.choice, price: s.price, margin: s.margin, value: s.value,
      priceOfNesting: s.priceOfNesting }));
    expect(view, `seed ${seed}`).toEqual(expected);
    expect(r.unmet?.reason, `seed ${seed}`).toBe(brute.unmet?.reason);
    if (r.unmet) reasons[r.unmet.reason]++;
    if (r.steps.some((s) => s.priceOfNesting > 0)) nestingCost++;
  }
  // ladders that stop and nesting that costs value are exercised (ladder.test.ts builds a 'not-nested' one)
  expect(reasons['beyond-reach']).toBeGreaterThan(10);
  expect(nestingCost).toBeGreaterThan(10);
});
