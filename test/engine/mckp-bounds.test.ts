import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Adjust } from '../../src/engine/mckp/adjust.js';
import { Gradients } from '../../src/engine/mckp/gradients.js';
import { flatten, type Knapsack } from '../../src/engine/mckp/knapsack.js';
import { reduced, relaxation } from '../../src/engine/mckp/lp.js';
import { CLASSES, classInstance, completions, smallCases } from '../helpers/classes.js';

const never = () => {};

const small = fc.record(smallCases);

function setup(s: { kind: (typeof CLASSES)[number]; levers: number; options: number; range: number; seed: number }) {
  const p = classInstance(s);
  const lp = relaxation(flatten(p), never);
  return { p, lp, start: lp.lower.slice() };
}

/** Every option's reduced gap for the LP's λ (flat), and the options within `room` of it, the start ones included. */
function within(p: Knapsack, room: number) {
  const f = flatten(p);
  const lp = relaxation(f, never);
  const gaps = new Float64Array(f.cost.length);
  return { f, gaps, options: reduced(f, lp, gaps, room, lp.lower, never) };
}

test('the gradient bound, over the options within a room of reduced gap, is above every completion of a state within the cost limit that takes only those', () => {
  fc.assert(fc.property(small, fc.constantFrom(0, 5, 30, 200, Infinity), (s, room) => {
    const { p, start } = setup(s);
    const { f, gaps, options } = within(p, room);
    const g = new Gradients(f, start, options, new Float64Array(p.levers.length), never);
    const t = s.at % (p.levers.length + 1);
    const choice = start.slice();
    for (let u = 0; u < t; u++) choice[g.order[u]!] = s.moves[u]! % p.levers[g.order[u]!]!.cost.length;
    const total = (x: Int32Array, of: 'cost' | 'value') => p.levers.reduce((a, l, j) => a + l[of][x[j]!]!, 0);
    const [v, c] = [total(choice, 'value'), total(choice, 'cost')];
    const limit = c + s.slack;
    for (const done of completions(p.levers, g.order, t, choice.slice())) {
      const taken = (u: number) => done[g.order[u]!] === start[g.order[u]!] || gaps[f.at[g.order[u]!]! + done[g.order[u]!]!]! <= room;
      if (!Array.from({ length: p.levers.length - t }, (_, i) => taken(t + i)).every(Boolean)) continue;
      if (total(done, 'cost') <= limit) expect(g.reach(v, c, limit, t)).toBeGreaterThanOrEqual(total(done, 'value'));
    }
  }), { seed: 21, numRuns: 1_500 });
});

test('the paid-moves floor is below the paid moves of every completion that moves the cost far enough', () => {
  fc.assert(fc.property(small, fc.integer({ min: 0, max: 60 }), (s, room) => {
    const { p, start } = setup(s);
    const levers = p.levers.map((l, j) => ({ ...l, current: s.moves[j]! % l.cost.length }));
    const { f, gaps, options } = within(p, Infinity);
    const order = Int32Array.from(levers, (_, j) => j);
    const adjust = new Adjust(flatten({ levers, capacity: p.capacity }), start, order, options);
    adjust.reset(gaps, room, never);
    const t = s.at % (levers.length + 1);
    for (const done of completions(levers, order, t, start.slice())) {
      let [moved, paid] = [0, 0];
      let allowed = true;
      for (let u = t; u < levers.length; u++) {
        const l = levers[u]!;
        moved += l.cost[done[u]!]! - l.cost[start[u]!]!;
        if (done[u] !== start[u] && gaps[f.at[u]! + done[u]!]! > room) allowed = false;
        if (done[u] !== start[u] && start[u] === l.current) paid++;
      }
      if (!allowed) continue;
      expect(adjust.fewest(moved, 0, t)).toBeLessThanOrEqual(paid);
      expect(adjust.fewest(0, -moved, t)).toBeLessThanOrEqual(paid);
    }
  }), { seed: 22, numRuns: 1_500 });
});
