import type { Alternative, CounterResult } from '../engine/counter.js';
import { ratio } from '../engine/ratio.js';
import { formatMoney, formatPercent } from './format.js';

/**
 * The cover letter to the customer, in Markdown: the price and discount they asked
 * for, and each alternative as an "if you accept this, then" offer with every change
 * of scope stated plainly, from what to what.
 */
export function renderLetter(r: CounterResult): string {
  const d = r.deal;
  const money = (u: number) => `${d.currency} ${formatMoney(u, d.digits)}`;
  const out: string[] = [`# ${d.title}: our answer to your request`, ''];
  out.push(`To: ${d.customer}  `);
  if (d.vendor) out.push(`From: ${d.vendor}  `);
  out.push('');
  const asked = `You asked for ${formatPercent(r.request.discount)} off our offer of ${money(r.original.price)}, ` +
    `a price of ${money(r.request.price)}.`;
  const answer = r.feasible ? r : r.atMaxDiscount;
  if (r.feasible) {
    out.push(`${asked} We can meet it. So that we can keep delivering to the standard you expect, each ` +
      'offer below adjusts the scope of the deal, and every change is stated in full. Each is a complete ' +
      'offer: choose the one that suits you best.');
  } else if (answer && r.maxDiscountBp !== null) {
    out.push(`${asked} We cannot go that far without putting the quality of delivery at risk. ` +
      `The most we can offer is ${formatPercent(ratio(r.maxDiscountBp, 10_000))} off, ` +
      `a price of ${money(answer.request.price)}, on the terms below.`);
  } else {
    out.push(`${asked} We are not able to reduce the price of this offer; we would be glad to discuss its scope.`);
  }
  for (const alt of answer?.alternatives ?? []) out.push('', ...offer(alt, money));
  out.push('', 'Everything not listed stays exactly as in our original offer.', '');
  return out.join('\n');
}

function offer(alt: Alternative, money: (u: number) => string): string[] {
  const head = `## Offer ${alt.rank}: ${money(alt.price)} (${formatPercent(alt.discount)} off)`;
  if (alt.changes.length === 0) return [head, '', 'The offer stands as it is, at this price.'];
  return [head, '', 'If you accept this offer, then:', '',
    ...alt.changes.map((c) => `- **${c.name}**: ${c.from} → ${c.to}.`)];
}
