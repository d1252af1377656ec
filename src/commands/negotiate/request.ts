import type { Request } from '../../engine/counter.js';
import type { Deal } from '../../engine/deal.js';
import { targetForDiscount } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { parsePercent, ratioToPercentString, toMinorUnits } from '../../proposal/decimal.js';
import { formatMoney } from '../../report/format.js';

/** A prompt's answer read into a value, or the reason it cannot be, shown to the user. */
export type Parsed<T> = { readonly value: T } | { readonly reason: string };

/** What the customer asks for, with the `counter` flag that asks the same. */
export interface AskedRequest {
  readonly text: string;
  readonly request: Request;
  readonly flag: readonly ['--discount' | '--price', string];
}

/** A price is written with its currency code, before or after the amount. */
const PRICED = /^\s*(?:([a-z]{3})\s*([\d.,]+)|([\d.,]+)\s*([a-z]{3}))\s*$/i;

/**
 * "20" and "20%" are discounts; a target price carries its currency ("8,000,000 USD"),
 * so that no bare number is ever guessed to be one or the other.
 */
export function parseRequest(text: string, deal: Deal, offer: number): Parsed<AskedRequest> {
  const money = (u: number) => `${formatMoney(u, deal.digits)} ${deal.currency}`;
  const sample = money(targetForDiscount(offer, ratio(1, 5)));
  const example = `type a discount such as 20 or 20%, or a target price such as ${sample}`;
  const priced = PRICED.exec(text);
  if (priced) {
    const code = (priced[1] ?? priced[4])!.toUpperCase();
    if (code !== deal.currency) return { reason: `this proposal is in ${deal.currency}, not ${code}` };
    const units = toMinorUnits((priced[2] ?? priced[3])!.replace(/,/g, ''), deal.digits);
    if (units === 'decimals') return { reason: `${deal.currency} amounts have at most ${deal.digits} decimals` };
    if (units === 'syntax') return { reason: example };
    if (units <= 0n) return { reason: 'a target price must be more than 0' };
    if (units > BigInt(offer)) return { reason: `that is above the offer price of ${money(offer)}` };
    const price = Number(units);
    return { value: { text: text.trim(), request: { price }, flag: ['--price', formatMoney(price, deal.digits).replace(/,/g, '')] } };
  }
  const discount = parsePercent(text, true);
  if (!discount) return { reason: example };
  if (discount.num < 0n) return { reason: 'a discount cannot be negative' };
  if (discount.num > discount.den) {
    return { reason: `a discount is at most 100%; write a target price with its currency, such as ${sample}` };
  }
  // parsePercent only reads finite decimals, so the ratio always has a percent form.
  return { value: { text: text.trim(), request: { discount }, flag: ['--discount', ratioToPercentString(discount)!] } };
}
