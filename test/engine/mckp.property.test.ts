import fc from 'fast-check';
import { expect, test } from 'vitest';
import { solveKnapsack } from '../../src/engine/mckp/solve.js';
import type { Knapsack } from '../../src/engine/mckp/knapsack.js';
import { classInstance, classSpecs } from '../helpers/classes.js';
import { referenceDp } from '../helpers/knapsack-dp.js';

/** The solver's package, checked on its own numbers, then against the reference DP. */
function agrees(p: Knapsack): void {
  const r = solveKnapsack(p);
  const ref = referenceDp(p, 5e7);
  if (ref === undefined) return; // too large for the reference
  if (ref === null) {
    expect(r.status).toBe('infeasible');
    return;
  }
  expect(r.status).toBe('optimal');
  const best = r.best!;
  let [cost, value, changes] = [0, 0, 0];
  p.levers.forEach((l, j) => {
    cost += l.cost[best.choice[j]!]!;
    value += l.value[best.choice[j]!]!;
    if (best.choice[j] !== l.current) changes++;
  });
  expect({ cost, value, changes }).toEqual({ cost: best.cost, value: best.value, changes: best.changes });
  expect(cost).toBeLessThanOrEqual(p.capacity);
  expect({ value, cost, changes }).toEqual(ref);
}

const seeded = classSpecs([20, 200], [2, 10], [30, 100, 300]);

test('the five classes, 20–200 levers: the solver equals the pseudo-polynomial DP', () => {
  fc.assert(fc.property(seeded, (spec) => agrees(classInstance(spec))), { seed: 12, numRuns: 60 });
}, 120_000);

/** Small, any sign, any capacity: ties, negative costs, nothing feasible, everything feasible. */
const small = fc.record({
  levers: fc.array(fc.array(fc.record({ cost: fc.integer({ min: -20, max: 40 }), value: fc.integer({ min: -20, max: 40 }) }),
    { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 }),
  current: fc.nat(),
  capacity: fc.integer({ min: -40, max: 200 }),
}).map(({ levers, current, capacity }): Knapsack => ({
  capacity,
  levers: levers.map((os, j) => ({
    cost: os.map((o) => o.cost), value: os.map((o) => o.value), current: (current + j) % os.length,
  })),
}));

test('small knapsacks of any sign: the solver equals the DP', () => {
  fc.assert(fc.property(small, agrees), { seed: 7, numRuns: 2_000 });
});
