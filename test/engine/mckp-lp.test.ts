import fc from 'fast-check';
import { expect, test } from 'vitest';
import { flatten } from '../../src/engine/mckp/knapsack.js';
import { relaxation } from '../../src/engine/mckp/lp.js';
import { classInstance, classSpecs } from '../helpers/classes.js';

const never = () => {};

/**
 * The LP's integer package is the LP solution less its one fractional segment: within
 * capacity, and short of it by less than the break segment's cost. Segments exactly as
 * steep as the break one that fitted before it are part of it (on subset-sum every
 * segment is), else the dynamic programme would start far from the capacity.
 */
test('the LP package fills the capacity up to the break segment, ties in slope included', () => {
  fc.assert(fc.property(classSpecs([1, 60], [1, 12], [5, 30, 1000]), (s) => {
    const p = classInstance(s);
    const lp = relaxation(flatten(p), never);
    let cost = 0;
    lp.lower.forEach((o, j) => (cost += p.levers[j]!.cost[o]!));
    expect(cost).toBeLessThanOrEqual(p.capacity);
    if (lp.slope.dv !== 0) expect(p.capacity - cost).toBeLessThan(lp.slope.dc);
  }), { seed: 5, numRuns: 400 });
});
