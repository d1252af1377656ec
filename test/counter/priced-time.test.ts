import { expect, test } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
import { deal } from '../helpers/builders.js';
import { classInstance } from '../helpers/classes.js';

/**
 * Priced options on strongly correlated levers (issue 12 part 3's audit, case b): each
 * option priced at its value, an amount floor that makes the 10% request a knapsack of the
 * class's capacity. The enumeration cannot finish alternatives 2–3 there; the solver's two
 * knapsacks prove alternative 1, and the largest discount's probes, run in the quarter of
 * the time kept for them, prove it too. Time is a counting clock, never the wall's.
 */
function pricedStrongly() {
  const p = classInstance({ kind: 'strongly', levers: 60, options: 10, range: 1_000, seed: 1 });
  const levers = p.levers.map((l, j) => ({
    id: `l${j}`, current: l.current, options: Array.from(l.cost, (cost, o) => ({ cost, value: l.value[o]!, price: l.value[o]! })),
  }));
  const maxCost = p.levers.reduce((s, l) => s + Math.max(...Array.from(l.cost)), 0);
  const listed = p.levers.reduce((s, l) => s + l.value[l.current]!, 0);
  const offer = 4 * maxCost + listed;
  const target = Math.floor((offer * 9) / 10);
  return deal({ floor: target - p.capacity, items: [{ id: 'all', price: offer - listed, cost: 0, levers }] });
}

const counting = () => {
  let now = 0;
  return () => ++now;
};

test('priced options: alternative 1 and the largest discount are proven though the alternatives run out of time', () => {
  const d = pricedStrongly();
  const full = counter(d, { discount: ratio(10, 100) }, { alternatives: 1 });
  expect(full).toMatchObject({ feasible: true, optimal: true });
  const r = counter(d, { discount: ratio(10, 100) }, { clock: counting(), timeLimit: 20_000 });
  expect(r.feasible).toBe(true);
  expect(r.provenCount).toBeGreaterThanOrEqual(1);
  expect(r.alternatives[0]!.value).toBe(full.alternatives[0]!.value);
  expect(r.maxDiscountBp).toBe(full.maxDiscountBp);
});
