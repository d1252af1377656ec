import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Counts } from '../../src/engine/mckp/counts.js';
import { flatten } from '../../src/engine/mckp/knapsack.js';
import { relaxation } from '../../src/engine/mckp/lp.js';
import { exactBound } from '../../src/engine/mckp/bound.js';
import { solveKnapsack } from '../../src/engine/mckp/solve.js';
import { classInstance, completions, smallCases } from '../helpers/classes.js';

const identity = (k: number) => Int32Array.from({ length: k }, (_, j) => j);

const never = () => {};

const small = fc.record({ ...smallCases, noise: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 20, maxLength: 20 }) });

function setup(s: Parameters<typeof classInstance>[0] & { noise: number[] }) {
  const p = classInstance(s);
  // Noise on the values keeps the fit inexact (strongly correlated levers fit it exactly).
  const levers = p.levers.map((l, j) => ({ ...l, value: Float64Array.from(l.value, (v, o) => v + (s.noise[(j * 4 + o) % 20]! & (s.seed & 1 ? 0 : -1))) }));
  const lp = relaxation(flatten({ levers, capacity: p.capacity }), never);
  return { levers, lp, start: lp.lower.slice() };
}

test('the cardinality bound is above every completion of a state within the cost limit', () => {
  let on = 0;
  fc.assert(fc.property(small, (s) => {
    const { levers, lp, start } = setup(s);
    const counts = new Counts(levers, lp.hull.length, start);
    const t = s.at % (levers.length + 1);
    const choice = start.slice();
    for (let j = 0; j < t; j++) {
      choice[j] = s.moves[j]! % levers[j]!.cost.length;
      counts.remove(j);
    }
    const total = (x: Int32Array, of: 'cost' | 'value') => levers.reduce((a, l, j) => a + l[of][x[j]!]!, 0);
    const [v, c] = [total(choice, 'value'), total(choice, 'cost')];
    const limit = c + s.slack;
    const bound = counts.reach(v, c, limit);
    if (bound < Infinity) on++;
    for (const done of completions(levers, identity(levers.length), t, choice)) {
      if (total(done, 'cost') <= limit) expect(bound).toBeGreaterThanOrEqual(total(done, 'value'));
    }
  }), { seed: 22, numRuns: 1_500 });
  expect(on).toBeGreaterThan(100); // the bound was on in enough cases to mean something
});

test('no completion within the limit that reaches a target has more levers back at their current option than the revert floor allows', () => {
  let on = 0;
  fc.assert(fc.property(small, fc.integer({ min: -40, max: 10 }), (s, below) => {
    const { levers: raw, lp, start } = setup(s);
    const levers = raw.map((l, j) => ({ ...l, current: s.moves[(j + 1) % 5]! % l.cost.length }));
    const counts = new Counts(levers, lp.hull.length, start);
    const total = (x: Int32Array, of: 'cost' | 'value') => levers.reduce((a, l, j) => a + l[of][x[j]!]!, 0);
    const [v0, c0] = [total(start, 'value'), total(start, 'cost')];
    const limit = c0 + s.slack;
    counts.keepIfBelow(v0, c0, limit, Infinity);
    const t = s.at % (levers.length + 1);
    const choice = start.slice();
    for (let j = 0; j < t; j++) {
      choice[j] = s.moves[j]! % levers[j]!.cost.length;
      counts.remove(j);
    }
    const [v, c] = [total(choice, 'value'), total(choice, 'cost')];
    const target = Math.floor(counts.reach(v, c, limit)) + below;
    const most = counts.revertible(v, c, limit, target);
    if (most < Infinity) on++;
    for (const done of completions(levers, identity(levers.length), t, choice)) {
      if (total(done, 'cost') > limit || total(done, 'value') < target) continue;
      let back = 0;
      for (let j = t; j < levers.length; j++) if (start[j] !== levers[j]!.current && done[j] === levers[j]!.current) back++;
      expect(back).toBeLessThanOrEqual(most);
    }
  }), { seed: 23, numRuns: 1_500 });
  expect(on).toBeGreaterThan(100);
});

test('on strongly correlated levers the cardinality bound closes the LP bound\'s fractional gap', () => {
  const p = classInstance({ kind: 'strongly', levers: 50, options: 10, range: 1000, seed: 3 });
  const lp = relaxation(flatten(p), never);
  const counts = new Counts(p.levers, lp.hull.length, lp.lower);
  const total = (of: 'cost' | 'value') => p.levers.reduce((a, l, j) => a + l[of][lp.lower[j]!]!, 0);
  // value = cost + 10·steps: at most the capacity plus 10 per step that fits, a multiple of 10 above W.
  const bound = counts.reach(total('value'), total('cost'), p.capacity);
  expect(Math.floor(bound) - p.capacity).toBeGreaterThan(0);
  expect((Math.floor(bound) - p.capacity) % 10).toBe(0);
});

test('stopped on a strongly correlated instance, the solver states the cardinality bound, exact, below the LP\'s', () => {
  const p = classInstance({ kind: 'strongly', levers: 100, options: 10, range: 10_000, seed: 1 });
  const full = solveKnapsack(p);
  let now = 0;
  const stopped = solveKnapsack(p, { clock: () => now++, deadline: 200 }); // an injected clock: ~200 × 1024 ticks
  expect(full.status).toBe('optimal');
  expect(stopped.status).toBe('stopped');
  const lp = relaxation(flatten(p), never);
  expect(exactBound(p, lp.slope)).toBeGreaterThan(full.bound!);
  expect(stopped.bound).toBe(full.best!.value);
});
