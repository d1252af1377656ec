import { expect, test } from 'vitest';
import { bestPackages, counter } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
import { solveKnapsack } from '../../src/engine/mckp/solve.js';
import { renderCounterJson } from '../../src/report/counter-json.js';
import { renderCounterText } from '../../src/report/counter-text.js';
import { deal } from '../helpers/builders.js';
import { classInstance } from '../helpers/classes.js';
import { generateDeal, prng } from '../helpers/generate.js';

/** A clock that advances one tick per reading: time limits without wall time. */
const counting = () => {
  let now = 0;
  return () => ++now;
};

/** One lever of 30,000 options: its hull alone is far more work than a tick of the clock allows. */
function wideDeal() {
  const random = prng(3);
  const options = Array.from({ length: 30_000 }, (_, i) => {
    const cost = Math.floor(random() * 10_000);
    return { name: `o${i}`, cost, value: cost + Math.floor(random() * 4), price: 0 };
  });
  return deal({ floor: 1_000, items: [{ id: 'x', price: 30_000, cost: 5_000, levers: [{ id: 'l', options }] }] });
}

test('the solver honours the deadline in preprocessing: stopped, no package, no bound', () => {
  const d = wideDeal();
  const l = d.levers[0]!;
  const r = solveKnapsack({
    capacity: 5_000, levers: [{ cost: l.options.map((o) => o.cost), value: l.options.map((o) => o.value), current: 0 }],
  }, { deadline: 0, clock: counting() });
  expect(r).toMatchObject({ status: 'stopped', bound: null });
  expect(r.best).toBeUndefined();
});

test('the solver stopped mid-search keeps its incumbent and an exact bound above it', () => {
  const p = classInstance({ kind: 'strongly', levers: 200, options: 10, range: 1_000, seed: 5 });
  const r = solveKnapsack(p, { deadline: 20, clock: counting() }); // past the greedy incumbent, well before the end
  expect(r.status).toBe('stopped');
  expect(r.best!.cost).toBeLessThanOrEqual(p.capacity);
  expect(r.bound).toBeGreaterThanOrEqual(r.best!.value);
});

test('an abort flag stops the solver like the deadline', () => {
  const p = classInstance({ kind: 'weakly', levers: 100, options: 10, range: 1_000, seed: 2 });
  expect(solveKnapsack(p, { signal: { aborted: true } }).status).toBe('stopped');
});

test('counter stopped before any package: undecided (feasible null), and every output says so', () => {
  const r = counter(wideDeal(), { discount: ratio(10, 100) }, { timeLimit: 0, clock: counting() });
  expect(r.feasible).toBeNull();
  expect(r.valueBound).toBeNull();
  expect(r.alternatives).toEqual([]);
  expect(r.atMaxDiscount).toBeUndefined();
  const json = JSON.parse(renderCounterJson(r));
  expect(json).toMatchObject({ feasible: null, optimal: false, valueBound: null });
  expect(json.undecided).toMatch(/--time-limit/);
  expect(renderCounterText(r, false)).toMatch(/Undecided: the time limit stopped the search.*--time-limit/);
});

test('counter with time to spare on the same lever: proven', () => {
  const r = counter(wideDeal(), { discount: ratio(10, 100) }, { alternatives: 1 });
  expect(r.feasible).toBe(true);
  expect(r.optimal).toBe(true);
});

test('a search stopped after proving some alternatives says which: in the text and as provenCount in JSON', () => {
  const d = generateDeal({ seed: 2520, levers: 20, floor: '20%' });
  const stoppedAt = (limit: number) => counter(d, { discount: ratio(25, 100) }, { alternatives: 4, clock: counting(), timeLimit: limit });
  const r = Array.from({ length: 40 }, (_, i) => stoppedAt(i + 1))
    .find((x) => !x.optimal && x.provenCount > 0 && x.provenCount < x.alternatives.length);
  expect(r).toBeDefined();
  const p = r!.provenCount;
  const n = r!.alternatives.length;
  const proven = p === 1 ? 'alternative 1 is' : `alternatives 1–${p} are`;
  const rest = p + 1 === n ? `alternative ${n} is` : `alternatives ${p + 1}–${n} are`;
  expect(renderCounterText(r!, false)).toContain(
    `Time limit reached: ${proven} proven best; ${rest} the best found within the time limit (not proven).`);
  expect(JSON.parse(renderCounterJson(r!))).toMatchObject({ feasible: true, optimal: false, provenCount: p });
});

test('priced levers, a request the offer as it stands meets: the other minimal packages are found, or ruled out, at once', () => {
  // Downgrading a priced lever leaves the package at the target price with the slack to step
  // back up: the enumeration must leave such branches, not try every combination of them.
  const d = generateDeal({ seed: 1300, levers: 100, priced: 0.3, floor: '20%', maxDiscount: '35%' });
  const r = bestPackages(d, { discount: ratio(10, 100) }, { alternatives: 3, clock: counting(), timeLimit: 200 });
  expect(r.optimal).toBe(true);
  expect(r.alternatives[0]!.changes).toEqual([]);
});
