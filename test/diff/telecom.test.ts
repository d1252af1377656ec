import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { diffOffers, type OfferDiff } from '../../src/proposal/diff.js';
import { ratio } from '../../src/engine/ratio.js';
import { loadProposalText } from '../../src/proposal/load.js';
import { reviseProposal } from '../../src/proposal/revise.js';
import { bottomLine } from '../../src/report/diff-text.js';
import { ROOT } from '../helpers/run.js';
import { buyerCopy, offerFrom } from './offers.js';

const ORIGINAL = readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8');

/** The revised proposal `counter --discount 20% --out` writes, made in-process. */
function revised(): string {
  const loaded = loadProposalText(ORIGINAL, 'telecom.yaml');
  const result = counter(loaded.deal!, { discount: ratio(20, 100) });
  return reviseProposal(loaded.source, loaded.doc!, loaded.deal!, result.alternatives[0]!, 'revised');
}

function diff(a: string, b: string): OfferDiff {
  const r = diffOffers(offerFrom(a), offerFrom(b));
  if ('finding' in r) throw new Error(r.finding.code);
  return r.diff;
}

// USD amounts in cents.
const TWO_SUPPORT_CHANGES = [
  { path: 'support.term', from: '4 years', to: '3 years', delta: { price: 0, value: -60_000_000, cost: -70_000_000 } },
  { path: 'support.hardware', from: 'All hardware including peripherals', to: 'Core hardware only', delta: { price: 0, value: -50_000_000, cost: -80_000_000 } },
];

describe('diff of the telecom offer and its 20% counter-offer', () => {
  it('finds exactly the two support changes, and the price cut set against the value removed', () => {
    const d = diff(ORIGINAL, revised());
    expect(d.items).toEqual([]);
    expect(d.terms).toEqual([]);
    expect(d.levers).toMatchObject(TWO_SUPPORT_CHANGES);
    expect(d.levers).toHaveLength(2);
    expect(d.summary).toMatchObject({ priceChange: -200_000_000, valueChange: -110_000_000, net: 90_000_000, costChange: -150_000_000 });
    expect(bottomLine(d)).toBe('price −20% (−2,000,000); scope removed worth 1,100,000 (6.43% of the value); net to you 900,000');
  });

  it('finds the same on the buyer\'s copies, which carry no costs', () => {
    const d = diff(buyerCopy(ORIGINAL), buyerCopy(revised()));
    expect(d.costed).toBe(false);
    expect(d.levers).toEqual(TWO_SUPPORT_CHANGES.map((c) => ({
      ...c, status: 'changed', name: expect.any(String), renamed: false, delta: { price: c.delta.price, value: c.delta.value },
    })));
    expect(d.summary).toMatchObject({ priceChange: -200_000_000, valueChange: -110_000_000, net: 90_000_000 });
    expect(d.summary).not.toHaveProperty('costChange');
  });
});
