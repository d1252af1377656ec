import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffOffers, type Delta, type Offer } from '../../src/proposal/diff.js';
import { buildDeal } from '../../src/proposal/model.js';
import type { Proposal } from '../../src/proposal/schema.js';
import { ROOT } from '../helpers/run.js';
import { offerFrom } from './offers.js';

const TELECOM = offerFrom(readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8')).proposal;

/** A variant of the telecom offer: options chosen, quantities, items left out, a discount. */
const variant = fc.record({
  picks: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  quantities: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
  keep: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  discount: fc.integer({ min: 0, max: 30 }),
}).map(({ picks, quantities, keep, discount }): Proposal => {
  let k = 0;
  const pick = <L extends { options: { name: string }[] }>(l: L): L => ({ ...l, current: l.options[picks[k++]! % l.options.length]!.name });
  const items = TELECOM.items.map((it, i) => ({
    ...it, ...(i < 2 ? { quantity: quantities[i] } : {}), ...(it.levers ? { levers: it.levers.map(pick) } : {}),
  })).filter((_, i) => keep[i]);
  return { ...TELECOM, discount: `${discount}%`, items: items.length > 0 ? items : [TELECOM.items[0]!], terms: TELECOM.terms!.map(pick) };
});

const offer = (p: Proposal): Offer => ({ proposal: p, deal: buildDeal(p).deal! });

describe('diffOffers on any two variants of the telecom offer', () => {
  it('lists changes that add up to the totals, and is "same" exactly when the offers are', () => {
    fc.assert(fc.property(variant, variant, (p, q) => {
      const r = diffOffers(offer(p), offer(q));
      if ('finding' in r) return false;
      const d = r.diff;
      const deltas: Delta[] = [...d.items, ...d.levers, ...d.terms].map((c) => c.delta);
      const sum = (f: (x: Delta) => number) => deltas.reduce((s, x) => s + f(x), 0);
      expect(sum((x) => x.price)).toBe(d.new.list - d.old.list);
      expect(sum((x) => x.value)).toBe(d.new.value - d.old.value);
      expect(sum((x) => x.cost!)).toBe(d.new.cost! - d.old.cost!);
      expect(d.summary.net).toBe(d.summary.valueChange - d.summary.priceChange);
      expect(d.same).toBe(JSON.stringify(p) === JSON.stringify(q));
      return true;
    }), { numRuns: 200 });
  });

  it('finds every variant the same as itself', () => {
    fc.assert(fc.property(variant, (p) => {
      const r = diffOffers(offer(p), offer(structuredClone(p)));
      return 'diff' in r && r.diff.same;
    }), { numRuns: 50 });
  });
});
