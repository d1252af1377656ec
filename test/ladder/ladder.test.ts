import { expect, test } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { ladder, taperedSchedule } from '../../src/engine/ladder.js';
import { ratio } from '../../src/engine/ratio.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { deal } from '../helpers/builders.js';
import { generateDeal } from '../helpers/generate.js';

const telecom = () => {
  const loaded = loadProposal('fixtures/telecom-switching.yaml');
  if (!isUsable(loaded)) throw new Error('the telecom fixture must load');
  return loaded.deal;
};
const at = (bps: readonly number[]) => bps.map((b) => ratio(b, 10_000));

test('the tapered schedule: concessions in proportion to N, N−1, …, 1, never growing, ending exactly at X', () => {
  expect(taperedSchedule(2_000, 4)).toEqual([800, 1_400, 1_800, 2_000]);
  expect(taperedSchedule(1_000, 3)).toEqual([500, 833, 1_000]); // 1 + 499, 1 + 332, 1 + 166, the 1 bp left over to the first
  expect(taperedSchedule(1_234, 1)).toEqual([1_234]);
  for (let x = 8; x <= 10_000; x += 997) {
    for (let n = 1; n <= 8; n++) {
      const s = taperedSchedule(x, n)!;
      expect(s.at(-1)).toBe(x);
      const gaps = s.map((b, i) => b - (i === 0 ? 0 : s[i - 1]!));
      gaps.forEach((g, i) => {
        expect(g).toBeGreaterThan(0);
        if (i > 0) expect(g).toBeLessThanOrEqual(gaps[i - 1]!);
      });
    }
  }
  expect(taperedSchedule(4, 4)).toEqual([1, 2, 3, 4]);
  expect(taperedSchedule(3, 4)).toBeUndefined(); // not 0.01% for every step
});

test('telecom: four nested, tapered steps to 20%, each the best nested package', () => {
  const d = telecom();
  const r = ladder(d, { steps: at(taperedSchedule(2_000, 4)!) });
  expect(r.optimal).toBe(true);
  expect(r.unmet).toBeUndefined();
  expect(r.steps.map((s) => s.request.price)).toEqual([920_000_000, 860_000_000, 820_000_000, 800_000_000]);
  r.steps.forEach((s, i) => {
    const before = i === 0 ? d.levers.map((l) => l.current) : r.steps[i - 1]!.package.choice;
    d.levers.forEach((l, j) => expect(l.options[s.package.choice[j]!]!.value).toBeLessThanOrEqual(l.options[before[j]!]!.value));
    const free = counter(d, { discount: s.request.discount }, { alternatives: 1 }).alternatives[0]!;
    expect(s.priceOfNesting).toBe(s.package.valueLoss - free.valueLoss);
    expect(s.priceOfNesting).toBeGreaterThanOrEqual(0);
  });
  expect(r.steps[0]!.priceOfNesting).toBe(0);
  expect(r.steps[0]!.added.map((c) => c.lever)).toEqual(['support.hardware']);
});

test('a step no nested package meets ends the ladder and says that an unnested one would', () => {
  // l1's cheaper option to deliver carries a higher price: kept at 10%, it breaks the cap at 20%
  const d = deal({
    floor: '10%', maxDiscount: '20%', items: [{
      id: 'i', price: 100, cost: 20, levers: [
        { id: 'l0', options: [{ cost: 90, value: 100, price: 80 }, { cost: 30, value: 20, price: 60 }] },
        { id: 'l1', options: [{ cost: 90, value: 70, price: 60 }, { cost: 20, value: 40, price: 90 }] },
      ],
    }],
  });
  const r = ladder(d, { steps: at([1_000, 2_000]) });
  expect(r.steps).toHaveLength(1);
  expect(r.unmet).toMatchObject({ reason: 'not-nested', request: { price: 192 } });
  expect(r.unmet!.unnestedValueLoss).toBeGreaterThan(0);
});

test('a step beyond what can be met ends the ladder with the largest discount that can', () => {
  const r = ladder(telecom(), { steps: at([1_000, 2_500, 3_500]) });
  expect(r.steps).toHaveLength(2);
  expect(r.unmet).toMatchObject({ reason: 'beyond-reach', maxDiscountBp: 3_000 });
});

test("an approver's reach caps the discount off list at every step", () => {
  const d = telecom();
  const cap = d.policy.approvals.find((a) => a.approver === 'Account manager')!.upTo;
  const r = ladder(d, { steps: at([500, 800, 1_500]), approverCap: cap });
  expect(r.steps).toHaveLength(2);
  r.steps.forEach((s) => expect(s.package.approver).toBe('Account manager'));
  expect(r.unmet).toMatchObject({ reason: 'beyond-reach' });
});

test('a time limit that runs out says so: the ladder is not proven', () => {
  const d = generateDeal({ seed: 3, levers: 60, options: 4, maxDiscount: '30%' });
  let now = 0;
  const r = ladder(d, { steps: at([500, 1_000, 1_500]), timeLimit: 50, clock: () => (now += 1_000) }); // a second per read
  expect(r.optimal).toBe(false);
});
