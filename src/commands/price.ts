import type { Deal } from '../engine/deal.js';
import { UsageError } from '../api/errors.js';
import { toMinorUnits } from '../proposal/decimal.js';

/** Currency signs people type, and the ISO codes each can stand for. */
const SIGNS: Readonly<Record<string, readonly string[]>> = {
  '€': ['EUR'],
  '$': ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD'],
  '¥': ['JPY', 'CNY'],
  '£': ['GBP'],
};

/** An amount with an optional sign or ISO code before or after it: "€8,000,000", "8000000 USD", "$ 8000000". */
const PRICE = /^\s*(?:([€$¥£]|[A-Za-z]{3})\s*)?([\d.,]+)\s*(?:([€$¥£]|[A-Za-z]{3}))?\s*$/;

/**
 * --price in minor units of the file's currency. A sign or code is accepted where it
 * matches the file's currency, and refused (exit 2, naming that currency) where not.
 */
export function parsePriceOption(text: string, deal: Deal): bigint {
  const m = PRICE.exec(text);
  const mark = m?.[1] ?? m?.[3];
  if (m && m[1] !== undefined && m[3] !== undefined) throw syntax(text, deal);
  if (mark !== undefined && !matches(mark, deal.currency)) {
    throw new UsageError(`--price ${text.trim()}: this proposal is in ${deal.currency}, not ${SIGNS[mark] ? mark : mark.toUpperCase()}`);
  }
  const units = m ? toMinorUnits(m[2]!.replace(/,/g, ''), deal.digits) : 'syntax';
  if (typeof units !== 'bigint' || units < 0n || units > BigInt(Number.MAX_SAFE_INTEGER)) throw syntax(text, deal);
  return units;
}

function matches(mark: string, currency: string): boolean {
  return SIGNS[mark]?.includes(currency) ?? mark.toUpperCase() === currency;
}

const syntax = (text: string, deal: Deal) =>
  new UsageError(`--price takes an amount in ${deal.currency} with at most ${deal.digits} decimals, such as 8000000 or "8,000,000 ${deal.currency}" (got "${text}")`);
