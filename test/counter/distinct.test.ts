import { expect, test } from 'vitest';
import { counterDistinct } from '../../src/engine/distinct.js';
import { ratio } from '../../src/engine/ratio.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { bruteCounter } from '../helpers/brute.js';
import { generateDeal, prng } from '../helpers/generate.js';

const telecom = () => {
  const loaded = loadProposal('fixtures/telecom-switching.yaml');
  if (!isUsable(loaded)) throw new Error('the telecom fixture must load');
  return loaded.deal;
};
const levers = (a: { changes: readonly { lever: string }[] }) => a.changes.map((c) => c.lever);

test('telecom at 20%: two alternatives with disjoint levers, then none left, and why', () => {
  const r = counterDistinct(telecom(), { discount: ratio(20, 100) }, { alternatives: 3 });
  expect(r.alternatives.map(levers)).toEqual([
    ['support.term', 'support.hardware'],
    ['installation.scope', 'training.days', 'support.response', 'terms.payment'],
  ]);
  expect(r.alternatives.map((a) => a.rank)).toEqual([1, 2]);
  expect(r.distinct).toMatchObject({ requested: 3, reason: 'none-left' });
});

test('an offer that already meets the request has nothing to vary', () => {
  const r = counterDistinct(telecom(), { discount: ratio(0, 1) }, { alternatives: 3 });
  expect(r.alternatives).toHaveLength(1);
  expect(r.distinct.reason).toBe('unchanged');
});

test('random proposals: disjoint levers, each alternative the brute-force best that leaves the earlier ones alone', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const random = prng(seed * 31);
    const deal = generateDeal({ seed, levers: 2 + (seed % 5), options: 2 + (seed % 3), priced: random() * 0.5, terms: seed % 2 });
    const request = { discount: ratio(Math.floor(random() * 2_500), 10_000) };
    const r = counterDistinct(deal, request, { alternatives: 3 });
    expect(r.optimal).toBe(true);
    const seen = new Set<string>();
    for (const alt of r.alternatives) {
      const brute = bruteCounter(deal, request, 1, [...seen]).alternatives[0]!;
      expect(alt.choice, `seed ${seed}`).toEqual(brute.choice);
      for (const l of levers(alt)) {
        expect(seen.has(l)).toBe(false);
        seen.add(l);
      }
    }
    if (r.feasible && r.alternatives.length < 3) expect(r.distinct.reason).toBeDefined();
  }
});
