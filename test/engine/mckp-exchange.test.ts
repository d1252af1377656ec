import fc from 'fast-check';
import { expect, test } from 'vitest';
import { exchange } from '../../src/engine/mckp/exchange.js';
import { fill } from '../../src/engine/mckp/incumbents.js';
import { better, flatten, type Knapsack } from '../../src/engine/mckp/knapsack.js';
import { relaxation } from '../../src/engine/mckp/lp.js';
import { CLASSES, classInstance } from '../helpers/classes.js';

const never = () => {};

function start(p: Knapsack) {
  const lp = relaxation(flatten(p), never);
  const gaps = Float64Array.from(p.levers.flatMap((l) => {
    const top = Math.max(...Array.from(l.cost, (c, o) => l.value[o]! - lp.lambda * c));
    return Array.from(l.cost, (c, o) => top - (l.value[o]! - lp.lambda * c));
  }));
  return { pkg: fill(flatten(p), lp.lower.slice(), never), gaps };
}

test('an exchange never ranks below where it started, fits, and reports its own numbers', () => {
  fc.assert(fc.property(fc.constantFrom(...CLASSES), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (kind, levers, options, seed) => {
    const p = classInstance({ kind, levers, options, range: 100, seed });
    const { pkg, gaps } = start(p);
    const out = exchange(flatten(p), pkg, gaps, Infinity, never);
    expect(better(pkg, out)).toBe(false);
    const sum = (of: 'cost' | 'value') => p.levers.reduce((a, l, j) => a + l[of][out.choice[j]!]!, 0);
    expect(out.cost).toBe(sum('cost'));
    expect(out.value).toBe(sum('value'));
    expect(out.cost).toBeLessThanOrEqual(p.capacity);
    expect(out.changes).toBe(p.levers.filter((l, j) => out.choice[j] !== l.current).length);
  }), { seed: 24, numRuns: 300 });
});

test('one up-and-down pair absorbs the residue a greedy fill leaves (value = cost + steps)', () => {
  // Greedy takes both of the first lever's steps (3 + 5) and leaves 2 of 10, which no single
  // step fits; its step of 5 traded for the third lever's 7 fills the capacity exactly.
  const lever = (steps: number[]) => {
    const cost = [0];
    for (const s of steps) cost.push(cost[cost.length - 1]! + s);
    return { cost: Float64Array.from(cost), value: Float64Array.from(cost, (c, i) => c + 10 * i), current: 0 };
  };
  const p: Knapsack = { levers: [lever([3, 5]), lever([6]), lever([7])], capacity: 10 };
  const greedy = fill(flatten(p), Int32Array.of(0, 0, 0), never);
  expect([greedy.cost, greedy.value]).toEqual([8, 28]);
  const out = exchange(flatten(p), greedy, new Float64Array(4), Infinity, never);
  expect([out.cost, out.value]).toEqual([10, 30]);
});
