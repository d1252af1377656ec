import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Product } from '../../src/engine/mckp/merge.js';
import { Reverts } from '../../src/engine/mckp/reverts.js';
import { StateList } from '../../src/engine/mckp/states.js';

const never = () => {};
type State = { cost: number; value: number; changes: number; tag: number };

/** A run as the programme makes one: sorted by cost, value strictly rising. */
const run = fc.array(fc.record({ cost: fc.integer({ min: 0, max: 30 }), value: fc.integer({ min: 0, max: 30 }), changes: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 })
  .map((xs) => {
    xs.sort((a, b) => a.cost - b.cost || b.value - a.value || a.changes - b.changes);
    let top = -Infinity;
    return xs.filter((x) => (x.value > top ? ((top = x.value), true) : false));
  });

/** The naive Pareto filter: a state survives unless another is at most as costly and at least as valuable, and better in one of the three (or as good and earlier). */
function pareto(all: State[]): State[] {
  const beats = (a: State, b: State) => a.cost <= b.cost && a.value >= b.value
    && (a.cost < b.cost || a.value > b.value || a.changes < b.changes || (a.changes === b.changes && a.tag < b.tag));
  return all.filter((b) => !all.some((a) => a !== b && beats(a, b))).sort((a, b) => a.cost - b.cost);
}

test('the pairwise merge of runs keeps exactly the non-dominated states, ties to the earlier run', () => {
  fc.assert(fc.property(fc.array(run, { minLength: 1, maxLength: 7 }), (runs) => {
    const product = new Product();
    const lists = runs.map((r, tag) => {
      const l = product.take();
      for (const x of r) l.push(x.cost, x.value, x.changes, 0, tag);
      return l;
    });
    const out = product.merge(lists, never);
    const got: State[] = [];
    for (let i = 0; i < out.n; i++) got.push({ cost: out.cost[i]!, value: out.value[i]!, changes: out.changes[i]!, tag: out.tag[i]! });
    expect(got).toEqual(pareto(runs.flatMap((r, tag) => r.map((x) => ({ ...x, tag })))));
  }), { seed: 3, numRuns: 1_000 });
});

test('the changes the levers outside can undo: as many of the smallest gaps as fit', () => {
  const gaps = fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)), { minLength: 1, maxLength: 30 });
  fc.assert(fc.property(gaps, fc.array(fc.nat()), fc.integer({ min: 0, max: 80 }), (gap, drop, slack) => {
    const reverts = new Reverts(Float64Array.from(gap));
    const out = new Set(drop.map((d) => d % gap.length));
    out.forEach((j) => reverts.remove(j));
    const left = gap.filter((_, j) => !out.has(j) && gap[j]! < Infinity).sort((a, b) => a - b);
    let [n, sum] = [0, 0];
    while (n < left.length && sum + left[n]! <= slack) sum += left[n++]!;
    expect(reverts.most(slack)).toBe(n);
  }), { seed: 4, numRuns: 1_000 });
});

test('a state list grows past its first capacity and keeps its contents', () => {
  const l = new StateList(2);
  for (let i = 0; i < 100; i++) l.push(i, 2 * i, i % 3, -1, i % 5);
  expect([l.n, l.cost[99], l.value[99], l.changes[99], l.tag[99]]).toEqual([100, 99, 198, 0, 4]);
});
