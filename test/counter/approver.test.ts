import { expect, test } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { compareRatio, ratio } from '../../src/engine/ratio.js';
import { engineView } from '../helpers/agree.js';
import { bruteCounter } from '../helpers/brute.js';
import { generateDeal, prng } from '../helpers/generate.js';

/**
 * An approver's cap is policy's cap, lowered: counter with `approverCap` answers exactly
 * as the brute-force oracle does on the same deal with maxDiscount set to the lesser of
 * the two, alternatives, largest discount and what it takes.
 */
test('approverCap acts exactly as the lesser of it and maxDiscount', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const random = prng(seed * 131);
    const deal = generateDeal({
      seed, levers: 1 + (seed % 5), options: 2 + (seed % 3), priced: random() * 0.6, terms: seed % 2,
      ...(seed % 2 === 0 ? { maxDiscount: `${5 + (seed % 25)}%` } : {}), ...(seed % 5 === 0 ? { discount: '5%' } : {}),
    });
    const cap = ratio(Math.floor(random() * 3_000), 10_000);
    const own = deal.policy.maxDiscount;
    const lesser = own && compareRatio(own, cap) < 0 ? own : cap;
    const request = { discount: ratio(Math.floor(random() * 2_500), 10_000) };
    const r = counter(deal, request, { alternatives: 2, approverCap: cap });
    const brute = bruteCounter({ ...deal, policy: { ...deal.policy, maxDiscount: lesser } }, request, 2);
    expect(engineView(r), `seed ${seed}`).toEqual(brute);
  }
});
