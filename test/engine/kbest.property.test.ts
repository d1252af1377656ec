import fc from 'fast-check';
import { expect, test } from 'vitest';
import { originalMetrics } from '../../src/engine/counter.js';
import { alternativesByKnapsack, bestByKnapsack } from '../../src/engine/knapsack-search.js';
import { limits, offerPrice, splitLevers, targetForDiscount } from '../../src/engine/pricing.js';
import { ratio } from '../../src/engine/ratio.js';
import { restrictScope } from '../../src/engine/scope.js';
import { baseOf, bestAt } from '../helpers/brute.js';
import { deal, type FloorSpec } from '../helpers/builders.js';
import { runs } from '../helpers/runs.js';

/**
 * Alternatives by Lawler–Murty over the solver (kbest.ts), which `search` turns to when
 * the enumeration stalls, against the brute-force oracle: the best K minimal packages,
 * equal in value, margin and changes (a prefix of them when a clock stops it), on unpriced deals of up to 7 levers, values often tied.
 */
const option = fc.record({ cost: fc.integer({ min: 0, max: 40 }), premium: fc.integer({ min: -5, max: 5 }) })
  .map((o) => ({ cost: o.cost, value: o.cost + o.premium }));
const lever = fc.record({ options: fc.array(option, { minLength: 2, maxLength: 4 }), current: fc.nat(3) })
  .map((l) => ({ options: l.options, current: l.current % l.options.length }));
const floor: fc.Arbitrary<FloorSpec> = fc.oneof(
  fc.constant('preserve' as const), fc.integer({ min: 0, max: 40 }).map((p) => `${p}%` as FloorSpec), fc.integer({ min: 0, max: 80 }),
);
const cases = fc.record({
  itemPrice: fc.integer({ min: 100, max: 300 }),
  itemCost: fc.integer({ min: 0, max: 100 }),
  levers: fc.array(lever, { minLength: 1, maxLength: 7 }),
  floor,
  requestBp: fc.integer({ min: 0, max: 4_000 }),
  count: fc.integer({ min: 2, max: 6 }),
  stopAt: fc.integer({ min: 0, max: 40 }),
});

test('alternatives by Lawler–Murty equal the brute-force best K minimal packages', () => {
  let [several, stopped] = [0, 0];
  fc.assert(fc.property(cases, (c) => {
    const d = deal({ floor: c.floor, items: [{ id: 'it', price: c.itemPrice, cost: c.itemCost, levers: c.levers.map((l, j) => ({ ...l, id: `l${j}` })) }] });
    const original = originalMetrics(d);
    const target = targetForDiscount(original.price, ratio(c.requestBp, 10_000));
    const view = restrictScope(d, { movable: d.levers.map(() => true) }).view;
    const { free, base } = splitLevers(view, view.levers.map(() => true));
    const price = Math.min(target, offerPrice(view, base.list));
    const question = { deal: view, free, base, price, capacity: limits(d, original.price, original.cost).maxCost(price) - base.cost };
    const brute = bestAt({ ...baseOf(d), target }, c.count).alternatives.map((a) => [a.value, a.margin, a.changes.length]);
    const best = bestByKnapsack(question, {});
    if (!best.best) return void expect(brute).toEqual([]);
    const k = alternativesByKnapsack(question, best.best, c.count, {});
    expect(k.complete).toBe(true);
    expect(k.found.map((a) => [a.value, a.margin, a.changes])).toEqual(brute);
    if (brute.length > 1) several++;
    // Stopped after a few readings of a counting clock: what it found is still exactly the best that many.
    let reads = 0;
    const cut = alternativesByKnapsack(question, best.best, c.count, { deadline: 0, clock: () => (++reads > c.stopAt ? 1 : 0) });
    if (!cut.complete) stopped++;
    expect(cut.found.map((a) => [a.value, a.margin, a.changes])).toEqual(brute.slice(0, cut.found.length));
  }), { seed: 9, numRuns: runs(500) });
  expect(several).toBeGreaterThan(runs(500) / 4);
  expect(stopped).toBeGreaterThan(runs(500) / 20);
});
