import type { Alternative, CounterResult } from '../engine/counter.js';
import { offerPrice } from '../engine/pricing.js';
import { formatMoney, formatPercent } from './format.js';

export interface LetterOptions {
  /** The letter's date, YYYY-MM-DD. */
  readonly date: string;
  /** Until when the offers hold, YYYY-MM-DD; left out when not given. */
  readonly validUntil?: string;
}

/**
 * The cover letter to the customer, in Markdown. It states only what the data says: the
 * price and the discount asked for, each offer's price, how much of the reduction is
 * scope removed and how much is discount, and every change of scope from what to what.
 * No reasons are given, because the proposal holds none. Undefined when nothing is
 * offered: a letter is written only for a request that can be met.
 */
export function renderLetter(r: CounterResult, options: LetterOptions): string | undefined {
  if (!r.feasible) return undefined;
  const d = r.deal;
  const money = (u: number) => `${d.currency} ${formatMoney(u, d.digits)}`;
  const out: string[] = [`# ${d.title}: our answer to your request`, ''];
  out.push(`To: ${d.customer}  `);
  if (d.vendor) out.push(`From: ${d.vendor}  `);
  out.push(`Date: ${options.date}${options.validUntil ? '  ' : ''}`);
  if (options.validUntil) out.push(`Valid until: ${options.validUntil}`);
  out.push('');
  out.push(`You asked for ${formatPercent(r.request.discount)} off our offer of ${money(r.original.price)}, ` +
    `a price of ${money(r.request.price)}. We can meet it.` +
    (r.alternatives.length > 1 ? ' Each offer below is complete; choose the one that suits you best.' : ''));
  for (const alt of r.alternatives) out.push('', ...offer(r, alt, money));
  out.push('', 'Everything not listed stays exactly as in our offer of ' + `${money(r.original.price)}.`);
  if (d.vendor) out.push('', d.vendor);
  return out.join('\n') + '\n';
}

function offer(r: CounterResult, alt: Alternative, money: (u: number) => string): string[] {
  const lines = [`## Offer ${alt.rank}: ${money(alt.price)} (${formatPercent(alt.discount)} off our offer)`, ''];
  if (alt.changes.length === 0) return [...lines, 'Our offer stands as it is, at this price: no change of scope.'];
  const split = reductionSplit(r, alt, money);
  if (split) lines.push(split, '');
  return [...lines, 'If you accept this offer, then:', '',
    ...alt.changes.map((c) => `- **${c.name}**: ${c.from} → ${c.to}.`)];
}

/**
 * Where scope with a list price changes, the reduction is not all discount: say how
 * much is the price of the scope removed (at our offer's terms) and how much is discount
 * off the list price of what the customer receives.
 */
function reductionSplit(r: CounterResult, alt: Alternative, money: (u: number) => string): string | undefined {
  if (alt.list === r.original.list) return undefined;
  const reduction = r.original.price - alt.price;
  const scope = r.original.price - offerPrice(r.deal, alt.list);
  const discount = reduction - scope;
  const off = `${formatPercent(alt.listDiscount)} off the list price of the scope you receive (${money(alt.list)})`;
  return scope >= 0
    ? `Of the ${money(reduction)} reduction, ${money(scope)} is the price of the scope removed and ${money(discount)} is discount: ${off}.`
    : `This offer adds scope priced at ${money(-scope)}; the discount is ${money(discount)}: ${off}.`;
}
