import { expect, test } from 'vitest';
import { ladder } from '../../src/engine/ladder.js';
import { ratio } from '../../src/engine/ratio.js';
import { renderLadderJson } from '../../src/report/ladder-json.js';
import { renderLadderMemo } from '../../src/report/ladder-memo.js';
import { renderLadderText } from '../../src/report/ladder-text.js';
import { deal } from '../helpers/builders.js';

// l1's cheaper option to deliver carries a higher price: kept at 10%, it breaks the cap at 20%
// (removing priced scope lowers the list, so the headline may go past the 20% cap: 26.66%)
const notNested = () => ladder(deal({
  floor: '10%', maxDiscount: '20%', items: [{
    id: 'i', price: 10_000, cost: 2_000, levers: [
      { id: 'l0', options: [{ cost: 9_000, value: 10_000, price: 8_000 }, { cost: 3_000, value: 2_000, price: 6_000 }] },
      { id: 'l1', options: [{ cost: 9_000, value: 7_000, price: 6_000 }, { cost: 2_000, value: 4_000, price: 9_000 }] },
    ],
  }],
}), { steps: [ratio(10, 100), ratio(20, 100)] });

test('a ladder that cannot nest says so in the text, the memo and the JSON', () => {
  const l = notNested();
  expect(l.unmet?.reason).toBe('not-nested');
  const text = renderLadderText(l, false);
  expect(text).toContain('Step 2 (20% off → 192) cannot be met without putting back scope an earlier step removed');
  expect(text).toContain('1. l1: l10 → l11');
  const memo = renderLadderMemo(l, '2026-11-29');
  expect(memo).toContain('## Step 1: 10% off, USD 216');
  expect(memo).toContain('## Beyond the last step\n\nStep 2 (20% off → USD 192) cannot be met without putting back scope');
  expect(JSON.parse(renderLadderJson(l)).unmet).toEqual({
    discount: 0.2, price: 192, reason: 'not-nested', maxDiscount: 0.2666, unnestedValueLoss: l.unmet!.unnestedValueLoss! / 100,
  });
});

test('a ladder whose first step cannot be met shows no table, only why', () => {
  const l = ladder(deal({ floor: '50%', items: [{ id: 'i', price: 1_000, cost: 500 }] }), { steps: [ratio(5, 100)] });
  const text = renderLadderText(l, false);
  expect(text).not.toContain('Step │');
  expect(text).toContain('Step 1 (5% off → 9.50) cannot be met within policy: the largest discount that can be met is 0%.');
});
