import { expect, test } from 'vitest';
import { curve } from '../../src/engine/curve.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { generateDeal } from '../helpers/generate.js';

const telecom = () => {
  const loaded = loadProposal('fixtures/telecom-switching.yaml');
  if (!isUsable(loaded)) throw new Error('the telecom fixture must load');
  return loaded.deal;
};

test('telecom: from 0 to 30%, value loss 1,100,000 at 20% (support 3 years, core hardware only)', () => {
  const c = curve(telecom());
  expect(c.optimal).toBe(true);
  expect(c.maxDiscountBp).toBe(3_000);
  expect(c.segments[0]).toMatchObject({ fromBp: 0, toBp: 0, valueLoss: 0, changes: [] });
  expect(c.segments.at(-1)!.toBp).toBe(3_000);
  const at20 = c.segments.find((s) => s.fromBp <= 2_000 && 2_000 <= s.toBp)!;
  expect(at20.valueLoss).toBe(110_000_000);
  expect(at20.changes.map((ch) => `${ch.lever}: ${ch.to}`)).toEqual(['support.term: 3 years', 'support.hardware: Core hardware only']);
  expect(at20.marginTo).toBe(200_000_000); // 25% of 8,000,000 at exactly 20%
});

test('toBp ends the curve early; never past the largest discount that can be met', () => {
  expect(curve(telecom(), { toBp: 1_000 }).segments.at(-1)!.toBp).toBe(1_000);
  expect(curve(telecom(), { toBp: 5_000 }).segments.at(-1)!.toBp).toBe(3_000);
});

test('a time limit that cuts a probe short stops the curve at what was proven, and says so', () => {
  const deal = generateDeal({ seed: 3, levers: 20, options: 4, maxDiscount: '30%' });
  let now = 0; // a clock that moves one millisecond each time it is read
  const c = curve(deal, { timeLimit: 50, clock: () => (now += 1) });
  expect(c.optimal).toBe(false);
  const whole = curve(deal);
  expect(whole.optimal).toBe(true);
  // what was reported is a proven prefix of the whole curve
  c.segments.forEach((s, i) => {
    expect(s.fromBp).toBe(whole.segments[i]!.fromBp);
    expect(s.valueLoss).toBe(whole.segments[i]!.valueLoss);
  });
});
