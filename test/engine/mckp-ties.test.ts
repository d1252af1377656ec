import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Knapsack, Package } from '../../src/engine/mckp/knapsack.js';
import { exactFloor, fewerChanges, floor } from '../../src/engine/mckp/ties.js';
import { classInstance, completions, smallCases } from '../helpers/classes.js';

const never = () => {};

function totals(p: Knapsack, choice: Int32Array): Package {
  let [cost, value, changes] = [0, 0, 0];
  p.levers.forEach((l, j) => ([cost, value, changes] = [cost + l.cost[choice[j]!]!, value + l.value[choice[j]!]!, changes + (choice[j] !== l.current ? 1 : 0)]));
  return { choice: choice.slice(), cost, value, changes };
}

function every(p: Knapsack): Package[] {
  const order = p.levers.map((_, j) => j);
  return [...completions(p.levers, order, 0, new Int32Array(p.levers.length))].map((c) => totals(p, c));
}

test('the changes floor is below the changes of every package worth as much within the cost', () => {
  fc.assert(fc.property(fc.record(smallCases), fc.double({ min: 0.01, max: 5, noNaN: true }), (c, lambda) => {
    const p = classInstance({ kind: c.kind, levers: c.levers, options: c.options, range: c.range, seed: c.seed });
    const all = every(p);
    const target = all[c.at % all.length]!;
    const m = floor(p.levers, target, lambda, never).m;
    const exact = exactFloor(p.levers, target, lambda);
    for (const q of all) if (q.value >= target.value && q.cost <= target.cost) expect(q.changes).toBeGreaterThanOrEqual(Math.max(m, exact));
  }), { seed: 12, numRuns: 300 });
});

test('the exact floor is the float one counted in integers, and holds where a float sum would round', () => {
  // λ = 0.1 is not a tenth: the floor must use the double's own value, exactly.
  const lever = { cost: Float64Array.of(0, 10), value: Float64Array.of(0, 1), current: 0 };
  const p: Knapsack = { levers: [lever, lever, lever], capacity: 30 };
  const target = totals(p, Int32Array.of(1, 1, 0));
  for (const lambda of [0.1, 0.05, 0.2, 1 / 3]) expect(exactFloor(p.levers, target, lambda)).toBe(floor(p.levers, target, lambda, never).m);
  fc.assert(fc.property(fc.record(smallCases), fc.double({ min: 0.01, max: 5, noNaN: true }), (c, lambda) => {
    const q = classInstance({ kind: c.kind, levers: c.levers, options: c.options, range: c.range, seed: c.seed });
    const all = every(q);
    const at = all[c.at % all.length]!;
    const least = Math.min(...all.filter((x) => x.value >= at.value && x.cost <= at.cost).map((x) => x.changes));
    expect(exactFloor(q.levers, at, lambda)).toBeLessThanOrEqual(least);
  }), { seed: 14, numRuns: 300 });
});

test('a tie found has the value and cost it started with, fewer changes, and its own numbers', () => {
  fc.assert(fc.property(fc.record(smallCases), (c) => {
    const p = classInstance({ kind: 'strongly', levers: c.levers, options: c.options, range: c.range, seed: c.seed });
    const all = every(p);
    const start = all[c.at % all.length]!;
    const { best: out, fewest } = fewerChanges(p, start, 1, 10, 0, never);
    expect([out.value, out.cost]).toEqual([start.value, start.cost]);
    expect(out.changes).toBeLessThanOrEqual(start.changes);
    expect(totals(p, out.choice)).toEqual(out);
    const least = Math.min(...all.filter((q) => q.value === start.value && q.cost === start.cost).map((q) => q.changes));
    expect(out.changes).toBeGreaterThanOrEqual(least);
    for (const q of all) if (q.value >= start.value && q.cost <= start.cost) expect(q.changes).toBeGreaterThanOrEqual(fewest);
  }), { seed: 13, numRuns: 300 });
});

test('steps spread over two levers are concentrated on one (value = cost + 10 per step)', () => {
  const lever = { cost: Float64Array.of(0, 5, 10), value: Float64Array.of(0, 15, 30), current: 2 };
  const p: Knapsack = { levers: [lever, lever], capacity: 10 };
  const spread = totals(p, Int32Array.of(1, 1));
  const out = fewerChanges(p, spread, 1, 10, 0, never).best;
  expect([out.value, out.cost, out.changes]).toEqual([30, 10, 1]);
});
