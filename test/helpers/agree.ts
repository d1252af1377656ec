import { expect } from 'vitest';
import { counter, type Answer, type CounterResult, type Request } from '../../src/engine/counter.js';
import type { Deal } from '../../src/engine/deal.js';
import { bruteCounter, type BruteAnswer, type BruteResult } from './brute.js';

/** An engine result in the oracle's terms, so that the two compare with one toEqual. */
export function engineView(r: CounterResult): BruteResult {
  const view = (a: Answer): BruteAnswer => ({
    target: a.request.price,
    feasible: a.feasible!, // agreed() requires proven answers, never undecided ones
    alternatives: a.alternatives.map((x) => ({
      choice: x.choice, price: x.price, cost: x.cost, value: x.value, margin: x.margin,
      changes: x.changes.map((c) => c.lever), approver: x.approver,
    })),
  });
  return { ...view(r), maxDiscountBp: r.maxDiscountBp, ...(r.atMaxDiscount ? { atMaxDiscount: view(r.atMaxDiscount) } : {}) };
}

/**
 * counter() checked against the brute-force oracle on everything it answers, and proven
 * optimal; returns the engine's result for the test's own expectations.
 */
export function agreed(
  deal: Deal, request: Request, alternatives = 3, keep: readonly string[] = [], addScope = false,
): CounterResult {
  const r = counter(deal, request, { alternatives, keep, addScope });
  expect(engineView(r)).toEqual(bruteCounter(deal, request, alternatives, keep, addScope));
  expect(r.optimal).toBe(true);
  if (r.atMaxDiscount) expect(r.atMaxDiscount.optimal).toBe(true);
  return r;
}
