import { describe, expect, test } from 'vitest';
import { compareRatio, ratio } from '../../src/engine/ratio.js';
import { agreed } from '../helpers/agree.js';
import { deal, opts, pct, type LeverSpec } from '../helpers/builders.js';

// Every scenario is checked against the brute-force oracle by agreed(), and against
// numbers worked out by hand here.

const choices = (r: { alternatives: readonly { choice: readonly number[] }[] }) => r.alternatives.map((a) => a.choice);

describe('levers that may not move', () => {
  // O = 10000, C0 = 7500: at 20% off only dropping the term (2500 → 0) brings the cost to 6000 or less
  const build = (locked: boolean) => deal({
    items: [{
      id: 'box', price: 10_000, cost: 4_000, levers: [
        { id: 'term', locked, options: opts([2_500, 3_000], [0, 0]) },
        { id: 'extra', options: opts([1_000, 1_000], [0, 0]) },
      ],
    }],
  });

  test('a locked lever keeps its current option', () => {
    expect(choices(agreed(build(false), { discount: pct('20%') }))).toEqual([[1, 0]]);
    const r = agreed(build(true), { discount: pct('20%') });
    expect(r.feasible).toBe(false);
    // cheapest with the term locked: 6500 ≤ 0.75 T needs T ≥ 8667
    expect(r.maxDiscountBp).toBe(1_333);
    expect(choices(r.atMaxDiscount!)).toEqual([[0, 1]]);
  });

  test('a lever the customer keeps behaves as locked', () => {
    const kept = agreed(build(false), { discount: pct('20%') }, 3, ['box.term']);
    const locked = agreed(build(true), { discount: pct('20%') });
    expect({ ...kept, deal: undefined }).toEqual({ ...locked, deal: undefined });
  });
});

describe('priced options', () => {
  // O = 13000, C0 = 8500; 10% off: T = 11700
  const hardware = (...options: LeverSpec['options']) => deal({
    items: [{ id: 'box', price: 10_000, cost: 6_000, levers: [{ id: 'hw', options: [{ price: 3_000, cost: 2_500, value: 3_500 }, ...options] }] }],
  });

  test('leaving out a priced option can take the price below T, and the customer pays that', () => {
    const r = agreed(hardware({ price: 0, cost: 0, value: 0 }), { discount: pct('10%') });
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0]).toMatchObject({ choice: [1], price: 10_000, cost: 6_000, margin: 4_000 });
    expect(compareRatio(r.alternatives[0]!.discount, ratio(3, 13))).toBe(0);
  });

  test('a configuration is not minimal when a priced upgrade would still be feasible', () => {
    // option 2 at 11000 costs 6700 ≤ 8500 × 11000 / 13000, so dropping to option 1 is not minimal
    const r = agreed(hardware({ price: 0, cost: 0, value: 0 }, { price: 1_000, cost: 700, value: 1_200 }), { discount: pct('10%') });
    expect(choices(r)).toEqual([[2]]);
  });
});

test('a negative-cost term pays for the discount', () => {
  // O = 10000, C0 = 7000; 5% off: C ≤ 6650, met by payment on signature (cost −500)
  const d = deal({
    items: [{ id: 'box', price: 10_000, cost: 7_000 }],
    terms: [{ id: 'payment', options: opts([0, 0], [-500, -300]) }],
  });
  const r = agreed(d, { discount: pct('5%') });
  expect(r.alternatives[0]).toMatchObject({ choice: [1], cost: 6_500, valueLoss: 300 });
  expect(r.alternatives[0]?.changes.map((c) => c.lever)).toEqual(['terms.payment']);
});

test('the proposal discount applies to the list total, rounded down once', () => {
  // 9999 + 1000 = 10999 less 12.5% is 9624.125 → 9624 (not 8749 + 875); 10% off is 8661.6 → 8661
  const d = deal({
    discount: '12.5%', floor: 0,
    items: [{ id: 'box', price: 9_999, levers: [{ id: 'extra', options: [{ price: 1_000 }, { price: 0 }] }] }],
  });
  const r = agreed(d, { discount: pct('10%') });
  expect(r.original.price).toBe(9_624);
  expect(r.request.price).toBe(8_661);
  expect(r.alternatives.map((a) => [a.choice, a.price])).toEqual([[[0], 8_661]]);
});

describe('ties', () => {
  // O = 1000, C0 = 700 (30%); each lever can be cut from [cost, value] to nothing
  const cuts = (...levers: readonly (readonly [number, number])[]) => deal({
    items: [{
      id: 'box', price: 1_000, cost: 700 - levers.reduce((s, [c]) => s + c, 0),
      levers: levers.map((l, i) => ({ id: `l${i}`, options: opts(l, [0, 0]) })),
    }],
  });

  test('equal value, margin and changes: the option indices decide', () => {
    expect(choices(agreed(cuts([100, 100], [100, 100]), { discount: pct('10%') }))).toEqual([[0, 1], [1, 0]]);
  });

  test('equal value: the higher margin first, whatever the indices', () => {
    expect(choices(agreed(cuts([150, 100], [100, 100]), { discount: pct('10%') }))).toEqual([[1, 0], [0, 1]]);
  });

  test('equal value and margin: fewer changes first', () => {
    // C ≤ ⌊700 × 715 / 1000⌋ = 500: cut the 200 lever, or both 100 levers
    expect(choices(agreed(cuts([200, 200], [100, 100], [100, 100]), { price: 715 }))).toEqual([[1, 0, 0], [0, 1, 1]]);
  });
});
