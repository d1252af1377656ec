import fc from 'fast-check';
import { expect, test } from 'vitest';
import { originalMetrics } from '../../src/engine/counter.js';
import { limits, splitLevers, targetForDiscount } from '../../src/engine/pricing.js';
import { pricedAlternatives, pricedByKnapsack, pricedFeasible, type PricedQuestion } from '../../src/engine/priced-knapsack.js';
import { ratio } from '../../src/engine/ratio.js';
import { restrictScope, widen } from '../../src/engine/scope.js';
import { allChoices, baseOf, bestAt, configAt, isFeasible } from '../helpers/brute.js';
import { deal, type FloorSpec } from '../helpers/builders.js';
import { runs } from '../helpers/runs.js';

/**
 * The two knapsacks behind priced options (priced-knapsack.ts) against the brute-force
 * oracle: a best it calls proven is the oracle's best in value, margin and changes; a
 * bound is never below the oracle's best; a feasibility verdict is the oracle's; the
 * alternatives by Lawler–Murty are the oracle's best K (their proven prefix when incomplete). Floors
 * of every kind, a file discount and a cap now and then, levers of up to 4 priced options.
 */
const option = fc.record({ cost: fc.integer({ min: 0, max: 60 }), premium: fc.integer({ min: -10, max: 30 }), price: fc.integer({ min: 0, max: 40 }) })
  .map((o) => ({ cost: o.cost, value: o.cost + o.premium, price: o.price }));
const lever = fc.record({ options: fc.array(option, { minLength: 2, maxLength: 4 }), current: fc.nat(3) })
  .map((l) => ({ options: l.options, current: l.current % l.options.length }));
const floor: fc.Arbitrary<FloorSpec> = fc.oneof(
  fc.constant('preserve' as const),
  fc.integer({ min: 0, max: 40 }).map((p) => `${p}%` as FloorSpec),
  fc.integer({ min: 0, max: 80 }),
);
const cases = fc.record({
  itemPrice: fc.integer({ min: 50, max: 300 }),
  itemCost: fc.integer({ min: 0, max: 120 }),
  levers: fc.array(lever, { minLength: 1, maxLength: 6 }),
  floor,
  discount: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined, freq: 3 }),
  maxDiscount: fc.option(fc.integer({ min: 5, max: 50 }), { nil: undefined, freq: 3 }),
  requestBp: fc.integer({ min: 0, max: 4_000 }),
  count: fc.integer({ min: 2, max: 5 }),
  stopAt: fc.integer({ min: 0, max: 30 }),
});

const tally = { settled: 0, none: 0, witness: 0, empty: 0, listed: 0, cut: 0 };

test('priced options: the knapsacks agree with the brute-force oracle', () => {
  fc.assert(fc.property(cases, (c) => {
    const d = deal({
      floor: c.floor,
      ...(c.discount !== undefined ? { discount: `${c.discount}%` } : {}),
      ...(c.maxDiscount !== undefined ? { maxDiscount: `${c.maxDiscount}%` } : {}),
      items: [{ id: 'it', price: c.itemPrice, cost: c.itemCost, levers: c.levers.map((l, j) => ({ ...l, id: `l${j}` })) }],
    });
    const original = originalMetrics(d);
    if (original.price <= 0) return;
    const target = targetForDiscount(original.price, ratio(c.requestBp, 10_000));
    const scope = restrictScope(d, { movable: d.levers.map(() => true) });
    const view = scope.view;
    const { free, base } = splitLevers(view, view.levers.map(() => true));
    const q: PricedQuestion = { deal: view, limits: limits(d, original.price, original.cost), target, free, base };
    const frame = { ...baseOf(d), target };
    const ranked = bestAt(frame, c.count).alternatives;
    const brute = ranked[0];

    const best = pricedByKnapsack(q, {});
    if (best.bound !== null && brute) expect(best.bound).toBeGreaterThanOrEqual(brute.value);
    if (best.proven) {
      tally[best.best ? 'settled' : 'none']++;
      expect(best.best && { value: best.best.value, margin: best.best.margin, changes: best.best.changes })
        .toEqual(brute && { value: brute.value, margin: brute.margin, changes: brute.changes.length });
    }
    const k = pricedAlternatives(q, c.count, {});
    const triples = (xs: readonly { value: number; margin: number; changes: number | readonly string[] }[]) =>
      xs.map((x) => [x.value, x.margin, typeof x.changes === 'number' ? x.changes : x.changes.length]);
    if (k.complete) tally.listed++;
    expect(triples(k.found.slice(0, k.proven))).toEqual(triples(ranked.slice(0, k.proven)));
    if (k.complete) expect(triples(k.found)).toEqual(triples(ranked));
    let reads = 0; // stopped by a counting clock: its proven prefix is still the oracle's
    const cut = pricedAlternatives(q, c.count, { deadline: 0, clock: () => (++reads > c.stopAt ? 1 : 0) });
    if (!cut.complete && cut.proven > 0) tally.cut++;
    expect(triples(cut.found.slice(0, cut.proven))).toEqual(triples(ranked.slice(0, cut.proven)));
    const anyFeasible = allChoices(frame).some((choice) => isFeasible(frame, configAt(d, target, choice)));
    const known = pricedFeasible(q, {});
    if (!known) return;
    tally[known.witness ? 'witness' : 'empty']++;
    expect(known.witness !== undefined).toBe(anyFeasible);
    if (known.witness) expect(isFeasible(frame, configAt(d, target, widen(scope, known.witness.choice)))).toBe(true);
  }), { seed: 5, numRuns: runs(600) });
  // Every verdict was met often enough to mean something.
  expect(Object.values(tally).every((n) => n >= runs(600) / 30), JSON.stringify(tally)).toBe(true);
});
