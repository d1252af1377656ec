import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Knapsack } from '../../src/engine/mckp/knapsack.js';
import { normalize } from '../../src/engine/mckp/normalize.js';
import { solveKnapsack } from '../../src/engine/mckp/solve.js';
import { classInstance, classSpecs } from '../helpers/classes.js';
import { runs } from '../helpers/runs.js';

/** `p` in other units: costs × a and values × b, each lever shifted by its own amounts. */
function rescaled(p: Knapsack, a: number, b: number, shifts: readonly [number, number][]): Knapsack {
  let capacity = p.capacity * a;
  const levers = p.levers.map((l, j) => {
    const [dc, dv] = shifts[j % shifts.length]!;
    capacity += dc;
    return { current: l.current, cost: Array.from(l.cost, (c) => c * a + dc), value: Array.from(l.value, (v) => v * b + dv) };
  });
  // Up to a − 1 more capacity changes nothing: every package's cost moves in steps of a.
  return { levers, capacity: capacity + (a - 1) };
}

const cases = fc.record({
  spec: classSpecs([1, 40], [1, 8], [30, 100, 1000]),
  a: fc.constantFrom(1, 2, 100, 250),
  b: fc.constantFrom(1, 3, 100, 10_000),
  shifts: fc.array(fc.tuple(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: -5_000, max: 5_000 })), { minLength: 1, maxLength: 4 }),
});

test('a knapsack in other units has the same best package, in its own amounts', () => {
  fc.assert(fc.property(cases, ({ spec, a, b, shifts }) => {
    const p = classInstance(spec);
    const q = rescaled(p, a, b, shifts);
    const got = solveKnapsack(q);
    const want = solveKnapsack(p);
    expect(got.status).toBe(want.status);
    if (!want.best) return;
    const shift = (i: 0 | 1) => p.levers.reduce((s, _, j) => s + shifts[j % shifts.length]![i], 0);
    expect({ cost: got.best!.cost, value: got.best!.value, changes: got.best!.changes })
      .toEqual({ cost: want.best.cost * a + shift(0), value: want.best.value * b + shift(1), changes: want.best.changes });
    expect(got.bound).toBe(want.bound === null ? null : want.bound * b + shift(1));
    // The package itself is one of the same value, cost and changes (ties may be broken either way).
    let [cost, value] = [0, 0];
    q.levers.forEach((l, j) => ((cost += l.cost[got.best!.choice[j]!]!), (value += l.value[got.best!.choice[j]!]!)));
    expect({ cost, value }).toEqual({ cost: got.best!.cost, value: got.best!.value });
  }), { seed: 5, numRuns: runs(300) });
});

test('a deal in cents is solved in its whole dollars', () => {
  const p = classInstance({ kind: 'weakly', levers: 200, options: 10, range: 10_000, seed: 1 });
  const { problem } = normalize(rescaled(p, 100, 100, [[0, 0]]));
  expect(problem.capacity).toBe(p.capacity - p.levers.reduce((s, l) => s + Math.min(...Array.from(l.cost)), 0));
  expect(Math.max(...problem.levers.flatMap((l) => Array.from(l.value as ArrayLike<number>)))).toBeLessThanOrEqual(10_010);
});

/** Every package of a tiny knapsack, best first: value, then cost, then changes (−1: every option a change). */
function bruteBest(p: Knapsack): { value: number; cost: number; changes: number } | undefined {
  let best: { value: number; cost: number; changes: number } | undefined;
  const walk = (j: number, value: number, cost: number, changes: number): void => {
    if (j === p.levers.length) {
      if (cost > p.capacity) return;
      const better = !best || value > best.value || (value === best.value && (cost < best.cost || (cost === best.cost && changes < best.changes)));
      if (better) best = { value, cost, changes };
      return;
    }
    const l = p.levers[j]!;
    for (let o = 0; o < l.cost.length; o++) walk(j + 1, value + l.value[o]!, cost + l.cost[o]!, changes + (o === l.current ? 0 : 1));
  };
  walk(0, 0, 0, 0);
  return best;
}

const tiny = fc.record({
  levers: fc.array(fc.record({
    options: fc.array(fc.record({ cost: fc.integer({ min: -3, max: 6 }), value: fc.integer({ min: -3, max: 6 }) }), { minLength: 1, maxLength: 4 }),
    current: fc.integer({ min: -1, max: 3 }),
  }), { minLength: 1, maxLength: 6 }),
  capacity: fc.integer({ min: -5, max: 20 }),
  unit: fc.constantFrom(1, 100),
});

test('a lever with no current option (−1) counts every option as a change, and the package holds only real options', () => {
  fc.assert(fc.property(tiny, ({ levers, capacity, unit }) => {
    const p: Knapsack = {
      capacity: capacity * unit,
      levers: levers.map((l) => ({
        cost: l.options.map((o) => o.cost * unit), value: l.options.map((o) => o.value * unit),
        current: l.current === -1 ? -1 : l.current % l.options.length,
      })),
    };
    const r = solveKnapsack(p);
    const want = bruteBest(p);
    expect(r.status).toBe(want ? 'optimal' : 'infeasible');
    if (!want) return;
    expect({ value: r.best!.value, cost: r.best!.cost, changes: r.best!.changes }).toEqual(want);
    r.best!.choice.forEach((o, j) => expect(o).toBeLessThan(p.levers[j]!.cost.length));
  }), { seed: 9, numRuns: runs(2_000) });
});
