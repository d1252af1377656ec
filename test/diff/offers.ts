import { parseDocument, visit, isScalar } from 'yaml';
import type { Offer } from '../../src/proposal/diff.js';
import { loadProposalText } from '../../src/proposal/load.js';

/** A proposal from YAML text, as `diff` loads it; a test proposal that does not load is a broken test. */
export function offerFrom(source: string): Offer {
  const loaded = loadProposalText(source, 'test.yaml');
  if (!loaded.deal || !loaded.proposal) throw new Error(loaded.findings.map((f) => f.message).join('\n'));
  return { proposal: loaded.proposal, deal: loaded.deal };
}

/** The buyer's copy of a proposal: every cost figure and the vendor's policy taken out, comments kept. */
export function buyerCopy(source: string): string {
  const doc = parseDocument(source);
  visit(doc, {
    Pair: (_, pair) => (isScalar(pair.key) && (pair.key.value === 'cost' || pair.key.value === 'unitCost') ? visit.REMOVE : undefined),
  });
  doc.delete('policy');
  return doc.toString();
}
