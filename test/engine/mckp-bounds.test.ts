import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Adjust } from '../../src/engine/mckp/adjust.js';
import { Gradients } from '../../src/engine/mckp/gradients.js';
import { flatten, within, type Knapsack } from '../../src/engine/mckp/knapsack.js';
import { relaxation, type Lp } from '../../src/engine/mckp/lp.js';
import { CLASSES, classInstance, completions, smallCases } from '../helpers/classes.js';

const never = () => {};

const small = fc.record(smallCases);

function setup(s: { kind: (typeof CLASSES)[number]; levers: number; options: number; range: number; seed: number }) {
  const p = classInstance(s);
  let cheapest = 0;
  for (const l of p.levers) cheapest += Math.min(...Array.from(l.cost));
  const lp = relaxation(flatten(p), Math.max(0, p.capacity - cheapest), never);
  return { p, lp, start: lp.lower.slice() };
}

/** Every option's reduced gap for the LP's λ, flat, lever by lever. */
function gapsOf(p: Knapsack, lp: Lp): Float64Array {
  return Float64Array.from(p.levers.flatMap((l) => {
    const top = Math.max(...Array.from(l.cost, (c, o) => l.value[o]! - lp.lambda * c));
    return Array.from(l.cost, (c, o) => top - (l.value[o]! - lp.lambda * c));
  }));
}

test('the gradient bound, over the options within a room of reduced gap, is above every completion of a state within the cost limit that takes only those', () => {
  fc.assert(fc.property(small, fc.constantFrom(0, 5, 30, 200, Infinity), (s, room) => {
    const { p, lp, start } = setup(s);
    const f = flatten(p);
    const gaps = gapsOf(p, lp);
    const g = new Gradients(f, start, within(f, gaps, room, never, start), new Float64Array(p.levers.length), never);
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
    const { p, lp, start } = setup(s);
    const levers = p.levers.map((l, j) => ({ ...l, current: s.moves[j]! % l.cost.length }));
    const f = flatten({ levers, capacity: p.capacity });
    const gaps = gapsOf(p, lp);
    const order = Int32Array.from(levers, (_, j) => j);
    const adjust = new Adjust(f, start, order, within(f, gaps, Infinity, never));
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
