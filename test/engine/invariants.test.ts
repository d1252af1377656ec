import { describe, expect, test } from 'vitest';
import { counter, type Answer, type Request } from '../../src/engine/counter.js';
import type { Deal } from '../../src/engine/deal.js';
import { ratio } from '../../src/engine/ratio.js';
import { approver, baseOf, configAt, isFeasible, isMinimal, rank } from '../helpers/brute.js';
import { generateDeal, type GenerateOptions } from '../helpers/generate.js';

/**
 * Deals of 30 to 200 levers, beyond brute force: what the engine answers is checked
 * configuration by configuration with the oracle's own rules, and the largest discount
 * against the engine's answers one step either side of it.
 */
const SHAPES: readonly (Omit<GenerateOptions, 'seed'> & { readonly name: string })[] = [
  { name: 'ratio floor', levers: 30, floor: '25%' },
  { name: 'preserve, priced options, terms', levers: 80, priced: 0.3, terms: 3, maxDiscount: '25%' },
  { name: 'amount floor, locked levers, JPY', levers: 120, floor: 55_000, locked: 0.2, digits: 0 },
  { name: 'preserve, proposal discount, KWD', levers: 200, options: 3, discount: '7.5%', digits: 3, priced: 0.1 },
  { name: 'ratio floor, five options', levers: 60, options: 5, floor: '22%', terms: 2 },
];

/** A clock that never moves: these answers must be proven, however slow the machine. */
const never = () => 0;

/** 8%, 17.5%, and a price at 60% of the offer. */
const REQUESTS: readonly ((offer: number) => Request)[] = [
  () => ({ discount: ratio(8, 100) }),
  () => ({ discount: ratio(175, 1_000) }),
  (offer) => ({ price: Math.floor(offer * 0.6) }),
];

/** Every alternative is what the rules make of its choice, feasible, minimal, and in order. */
function expectSound(d: Deal, a: Answer, count: number, keep: readonly string[]): void {
  const frame = { ...baseOf(d, keep), target: a.request.price };
  const configs = a.alternatives.map((alt) => {
    const c = configAt(d, frame.target, alt.choice);
    expect({ price: alt.price, cost: alt.cost, value: alt.value, margin: alt.margin, approver: alt.approver })
      .toEqual({ price: c.price, cost: c.cost, value: c.value, margin: c.margin, approver: approver(d, c.list, c.price) });
    expect(alt.changes.map((x) => x.lever)).toEqual(c.changes);
    expect(d.levers.every((l, j) => frame.movable[j] || alt.choice[j] === l.current)).toBe(true);
    expect(isFeasible(frame, c)).toBe(true);
    expect(isMinimal(frame, c)).toBe(true);
    return c;
  });
  expect(configs.length).toBeLessThanOrEqual(count);
  configs.slice(1).forEach((c, i) => expect(rank(configs[i]!, c)).toBeLessThan(0)); // sorted, hence distinct
  if (configs[0]) expect(a.valueBound).toBeGreaterThanOrEqual(configs[0].value);
}

describe.each(SHAPES)('$name', (shape) => {
  test.each([[1, 1], [2, 3], [3, 5]] as const)('seed %i, %i alternatives', (seed, count) => {
    const d = generateDeal({ ...shape, seed });
    const keep = d.levers.filter((_, j) => j % 17 === 5).map((l) => l.path);
    const results = REQUESTS.map((request) => counter(d, request(baseOf(d).offer), { alternatives: count, keep, clock: never }));
    for (const r of results) {
      expectSound(d, r, count, keep);
      if (r.atMaxDiscount) expectSound(d, r.atMaxDiscount, count, keep);
      expect(r.feasible || r.maxDiscountBp === null || r.atMaxDiscount?.feasible === true).toBe(true);
      expect(r.maxDiscountBp).toBe(results[0]!.maxDiscountBp);
    }

    // the largest discount is met, and one step more is not
    const largest = results[0]!.maxDiscountBp;
    const meets = (bp: number) => counter(d, { discount: ratio(bp, 10_000) }, { alternatives: 1, keep, clock: never }).feasible;
    if (largest === null) {
      expect(meets(0)).toBe(false);
    } else {
      expect(meets(largest)).toBe(true);
      if (largest < 10_000) expect(meets(largest + 1)).toBe(false);
    }
  }, 120_000);
});

// Instances that once ran into the time limit, now proven within a fixed amount of work:
// the clock counts the search's calls (one per 4,096 nodes), so nothing here is timed.
describe('proven within a fixed amount of work', () => {
  test.each([
    { name: 'a loose budget, where only one package is minimal', shape: { levers: 60, options: 5, floor: '22%' as const, terms: 2 }, seed: 2 },
    { name: 'priced options at the original margin', shape: { levers: 200, options: 3, discount: '7.5%', digits: 3 as const, priced: 0.1 }, seed: 2 },
  ])('$name', ({ shape, seed }) => {
    const d = generateDeal({ ...shape, seed });
    let calls = 0;
    const r = counter(d, { discount: ratio(8, 100) }, { alternatives: 3, clock: () => calls++, timeLimit: 10_000 });
    expect(r.optimal).toBe(true);
    expectSound(d, r, 3, []);
  }, 120_000);
});
