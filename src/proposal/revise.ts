import type { Document } from 'yaml';
import type { Alternative, CounterResult } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { floorDiv } from '../engine/ratio.js';
import { minorToDecimal } from './decimal.js';

/**
 * The revised proposal for alternative `pick` of a counter-offer that meets its request,
 * with a note at the top saying what it answers; undefined when there is no such
 * alternative (a request that cannot be met is never written up).
 */
export function reviseForPick(doc: Document.Parsed, r: CounterResult, pick: number): string | undefined {
  const alt = r.feasible ? r.alternatives[pick - 1] : undefined;
  if (!alt) return undefined;
  const note = ` Revised by valuepack: alternative ${pick} for a request of ${discountFor(r.original.price, r.request.price)} off.`;
  return reviseProposal(doc, r.deal, alt, note);
}

/**
 * The revised proposal for one alternative: the same document, comments and all,
 * with each changed lever's `current` set and the agreed discount recorded so that
 * valuepack reads it back at exactly the alternative's price.
 */
export function reviseProposal(doc: Document.Parsed, deal: Deal, alt: Alternative, note: string): string {
  const copy = doc.clone();
  deal.levers.forEach((l, j) => {
    if (alt.choice[j] !== l.current) copy.setIn([...l.source, 'current'], l.options[alt.choice[j]!]!.name);
  });
  const discount = discountFor(alt.list, alt.price);
  if (discount === '0%') copy.deleteIn(['discount']);
  else copy.set('discount', discount);
  copy.commentBefore = [note, copy.commentBefore].filter(Boolean).join('\n');
  return copy.toString();
}

/**
 * The shortest percentage d with ⌊list × (1 − d)⌋ = price. It always exists: the
 * interval of such d has width 1/list, so enough decimals always land in it.
 */
export function discountFor(list: number, price: number): string {
  const L = BigInt(list);
  const P = BigInt(price);
  if (L <= 0n) return '0%';
  for (let k = 0; ; k++) {
    const scale = 100n * 10n ** BigInt(k); // d = n / scale
    const n = floorDiv((L - P) * scale, L); // largest d with L(1 − d) ≥ P
    if (floorDiv(L * (scale - n), scale) === P) return `${minorToDecimal(n, k)}%`;
  }
}
