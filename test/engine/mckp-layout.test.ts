import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fill } from '../../src/engine/mckp/incumbents.js';
import { better, flatten, packageOf, type Knapsack, type KnapsackLever } from '../../src/engine/mckp/knapsack.js';
import { reduced, relaxation } from '../../src/engine/mckp/lp.js';
import { classInstance, completions, smallCases } from '../helpers/classes.js';

const never = () => {};

/** The upper hull the old way: options by cost (the most valuable, then the first, among equal costs), a monotone chain of rising value. */
function reference(l: KnapsackLever): number[] {
  const order = Array.from(l.cost, (_, i) => i).sort((a, b) => l.cost[a]! - l.cost[b]! || l.value[b]! - l.value[a]! || a - b);
  const top = order.reduce((b, i) => (l.value[i]! > l.value[b]! || (l.value[i] === l.value[b] && l.cost[i]! < l.cost[b]!) ? i : b), order[0]!);
  const h: number[] = [];
  for (const i of order) {
    if (h.length > 0 && l.value[i]! <= l.value[h[h.length - 1]!]!) continue;
    while (h.length >= 2) {
      const [p, q] = [h[h.length - 2]!, h[h.length - 1]!];
      if ((l.value[q]! - l.value[p]!) * (l.cost[i]! - l.cost[q]!) > (l.value[i]! - l.value[q]!) * (l.cost[q]! - l.cost[p]!)) break;
      h.pop();
    }
    h.push(i);
    if (i === top) break;
  }
  return h;
}

test('quickhull finds the upper hull the sorted monotone chain finds, duplicates and collinear options included', () => {
  const lever = fc.integer({ min: 1, max: 14 }).chain((n) => fc.record({
    cost: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    value: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
  }));
  fc.assert(fc.property(fc.array(lever, { minLength: 1, maxLength: 4 }), (raw) => {
    const levers = raw.map((l) => ({ ...l, current: 0 }));
    const lp = relaxation(flatten({ levers, capacity: 100 }), never);
    levers.forEach((l, j) => expect(Array.from(lp.hull.subarray(lp.hullAt[j], lp.hullAt[j + 1]))).toEqual(reference(l)));
  }), { seed: 31, numRuns: 2_000 });
});

/** The LP package, its room (as the solver counts it), and the options within that room. */
function setup(p: Knapsack) {
  const f = flatten(p);
  const lp = relaxation(f, never);
  const tol = 1e-9 * lp.magnitude + 1e-6;
  const upper = lp.lambda * p.capacity + lp.top.reduce((a, b) => a + b, 0);
  const start = packageOf(p, lp.lower.slice());
  const room = upper + 2 * tol - (start.value + Math.min(1, lp.lambda * (p.capacity - start.cost)));
  const gaps = new Float64Array(f.cost.length);
  return { f, lp, start, options: reduced(f, lp, gaps, room, lp.lower, never) };
}

test('every package that beats the LP package takes only options within its room', () => {
  fc.assert(fc.property(fc.record(smallCases), (s) => {
    const p = classInstance(s);
    const { f, lp, start, options } = setup(p);
    const taken = new Set(options.option);
    for (const choice of completions(p.levers, Int32Array.from(p.levers, (_, j) => j), 0, lp.lower.slice())) {
      const pkg = packageOf(p, choice);
      if (pkg.cost > p.capacity || !better(pkg, start)) continue;
      choice.forEach((o, j) => expect(taken.has(f.at[j]! + o)).toBe(true));
    }
  }), { seed: 32, numRuns: 1_500 });
});

test('a fill over those options makes the full fill\'s moves whenever the full fill beats the LP package, and never ends below its start', () => {
  fc.assert(fc.property(fc.record(smallCases), (s) => {
    const p = classInstance(s);
    const { f, start, options } = setup(p);
    const from = Int32Array.from(p.levers, (l, j) => s.moves[j % 5]! % l.cost.length);
    const full = fill(f, from.slice(), never);
    const within = fill(f, from.slice(), never, options);
    if (better(full, start)) expect(within).toEqual(full);
    const begin = packageOf(p, from);
    if (begin.cost <= p.capacity) expect(better(begin, within)).toBe(false);
  }), { seed: 33, numRuns: 1_500 });
});
