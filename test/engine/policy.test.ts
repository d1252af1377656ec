import { describe, expect, test } from 'vitest';
import { ratio } from '../../src/engine/ratio.js';
import { agreed } from '../helpers/agree.js';
import { deal, opts, pct, type FloorSpec } from '../helpers/builders.js';

// Every scenario is checked against the brute-force oracle by agreed(), and against
// numbers worked out by hand here.

/** O = 10000, C0 = 7500 (25%); the term's middle option costs `middle`. */
const boxDeal = (floor: FloorSpec, middle: number, maxDiscount?: string) => deal({
  floor,
  ...(maxDiscount !== undefined ? { maxDiscount } : {}),
  items: [{ id: 'box', price: 10_000, cost: 5_000, levers: [{ id: 'term', options: opts([2_500, 3_000], [middle, 1_800], [0, 0]) }] }],
});

describe('margin floors at 20% off (T = 8000)', () => {
  // preserve: C ≤ 0.75 × 8000 = 6000; 22.5%: C ≤ 6200; amount 1500: C ≤ 6500
  test.each([
    { floor: 'preserve' as const, edge: 1_000 },
    { floor: '22.5%' as const, edge: 1_200 },
    { floor: 1_500, edge: 1_500 },
  ])('$floor: a margin exactly at the floor is feasible, one minor unit less is not', ({ floor, edge }) => {
    const at = agreed(boxDeal(floor, edge), { discount: pct('20%') });
    expect(at.alternatives.map((a) => a.choice)).toEqual([[1]]);
    expect(at.alternatives[0]).toMatchObject({ price: 8_000, cost: 5_000 + edge, value: 11_800, valueLoss: 1_200 });
    const over = agreed(boxDeal(floor, edge + 1), { discount: pct('20%') });
    expect(over.alternatives.map((a) => a.choice)).toEqual([[2]]);
  });
});

test('preserve with a negative original cost: a lower price can afford a higher cost (with --add-scope)', () => {
  // C0 = −100, O = 1500: C·1500 ≤ −100·P. Dropping the hardware (price 500) lowers the price
  // to 1000, which allows a cost up to −66 rather than −94 at T = 1400: −80 and more value.
  const d = deal({
    items: [{ id: 'box', price: 1_000, cost: 0, value: 1_000, levers: [{ id: 'hw', options: [{ price: 500, cost: 200, value: 0 }, { price: 0, cost: 220, value: 100 }] }] }],
    terms: [{ id: 'payment', options: opts([-300, 0]) }],
  });
  const r = agreed(d, { price: 1_400 }, 3, [], true);
  expect(r.alternatives.map((a) => [a.choice, a.price, a.cost])).toEqual([[[1, 0], 1_000, -80]]);
});

describe('largest discount', () => {
  test('a request beyond maxDiscount is infeasible and the cap is shown with what it takes', () => {
    const r = agreed(boxDeal('preserve', 1_000, '30%'), { discount: pct('35%') });
    expect(r.feasible).toBe(false);
    expect(r.maxDiscountBp).toBe(3_000);
    expect(r.atMaxDiscount?.alternatives.map((a) => [a.choice, a.price, a.cost])).toEqual([[[2], 7_000, 5_000]]);
  });

  test('without a cap it is the floor that limits: 5000 ≤ 0.75 T needs T ≥ 6667', () => {
    expect(agreed(boxDeal('preserve', 1_000), { discount: pct('35%') }).maxDiscountBp).toBe(3_333);
  });

  test('T is rounded down, so O = 9999 with a 2000 margin floor stops at 29.99%', () => {
    const d = deal({ floor: 2_000, items: [{ id: 'box', price: 9_999, cost: 5_000 }] });
    expect(agreed(d, { discount: pct('0%') }).maxDiscountBp).toBe(2_999);
    expect(agreed(d, { discount: pct('30%') }).atMaxDiscount?.alternatives[0]?.price).toBe(7_000);
  });

  test('null when nothing is feasible even at 0%', () => {
    const r = agreed(deal({ floor: '50%', items: [{ id: 'box', price: 10_000, cost: 6_000 }] }), { discount: pct('0%') });
    expect(r).toMatchObject({ feasible: false, maxDiscountBp: null, alternatives: [] });
    expect(r.atMaxDiscount).toBeUndefined();
  });
});

describe('approvers and targets', () => {
  const plain = deal({
    floor: 0,
    approvals: [['10%', 'Account manager'], ['20%', 'Regional director']],
    items: [{ id: 'box', price: 10_000, cost: 1_000 }],
  });

  test.each([
    { bp: 0, approver: 'Account manager' },
    { bp: 1_000, approver: 'Account manager' },
    { bp: 1_001, approver: 'Regional director' },
    { bp: 2_000, approver: 'Regional director' },
    { bp: 2_001, approver: undefined },
  ])('the first band whose upTo covers $bp bp', ({ bp, approver }) => {
    expect(agreed(plain, { discount: ratio(bp, 10_000) }).alternatives[0]?.approver).toBe(approver);
  });

  test('T = offer × (1 − discount) rounded down: 12.345% off 10001 is 8766', () => {
    const d = deal({ floor: 0, items: [{ id: 'box', price: 10_001 }] });
    const r = agreed(d, { discount: pct('12.345%') });
    expect(r.request.price).toBe(8_766);
    expect(r.alternatives[0]?.price).toBe(8_766);
  });

  test('a price request is the target itself, and never raises the price above the offer', () => {
    const d = deal({ floor: 0, items: [{ id: 'box', price: 10_001 }] });
    expect(agreed(d, { price: 7_777 }).alternatives[0]?.price).toBe(7_777);
    expect(agreed(d, { price: 12_000 }).alternatives[0]?.price).toBe(10_001);
  });
});
