import type { Ratio } from '../engine/ratio.js';
import { minorToDecimal } from './decimal.js';

/*
 * Exact amounts, ratios and counts written for people: the one formatter that the
 * format's own messages and every renderer share, so that a figure reads the same
 * everywhere. It writes what Intl.NumberFormat('en-US') writes for the same exact decimal
 * (test/proposal/numbers.property.test.ts holds Intl as its oracle on random values far
 * beyond 2^53), but by BigInt and string arithmetic only: nothing goes through a double,
 * and a command pays nothing at start-up, where Intl's first NumberFormat costs 10–20 ms
 * (V8 lists every ICU locale once per process).
 */

const MINUS = '−'; // U+2212, the typographic minus (Intl's en-US writes a hyphen)

const magnitude = (n: bigint) => (n < 0n ? -n : n);

/**
 * An integer n scaled by 10^decimals, with its sign, thousands grouped (when the whole
 * part has `groupFrom` digits or more) and trailing zeros of the fraction dropped down to
 * `minDecimals`: exact, nothing is rounded here.
 */
function scaled(n: bigint, decimals: number, minDecimals: number, groupFrom = 4): string {
  const [whole, fraction = ''] = minorToDecimal(magnitude(n), decimals).split('.') as [string, string?];
  let kept = fraction.length;
  while (kept > minDecimals && fraction[kept - 1] === '0') kept--;
  const grouped = whole.length < groupFrom ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0n ? MINUS : '') + grouped + (kept > 0 ? `.${fraction.slice(0, kept)}` : '');
}

/**
 * Minor units for people: grouped thousands, and no ".00" when the fraction is zero
 * unless `full` (a column in which some amount has a fraction shows it on all).
 */
export function formatMoney(units: number | bigint, digits: number, full = false): string {
  const u = BigInt(units);
  const fraction = full || u % 10n ** BigInt(digits) !== 0n;
  return scaled(u, digits, fraction ? digits : 0);
}

/** A signed amount: "+1,200" or "−700,000". */
export function formatDelta(units: number | bigint, digits: number, full = false): string {
  return (units > 0 ? '+' : '') + formatMoney(units, digits, full);
}

/** Whether amounts shown together (a table) need every fraction written, so that they align: one has a fraction. */
export function anyFraction(units: readonly (number | undefined)[], digits: number): boolean {
  const unit = 10 ** digits;
  return units.some((u) => u !== undefined && u % unit !== 0);
}

/** A count with grouped thousands: "1,000". */
export function formatCount(n: number | bigint): string {
  return scaled(BigInt(n), 0, 0);
}

/** Decimals of a percentage people wrote (a file, a flag): enough to show it as written. */
export const AS_WRITTEN = 12;

/**
 * A ratio as a percentage with up to `decimals` decimals (2 unless said) and no trailing
 * zeros ("25%", "12.5%", "24.99%"), cut towards zero so that a margin is never shown
 * above what it is.
 */
export function formatPercent(r: Ratio | null, decimals = 2): string {
  if (r === null) return '—'; // a margin ratio at price 0
  return scaled((r.num * 100n * 10n ** BigInt(decimals)) / r.den, decimals, 0) + '%'; // BigInt division cuts towards zero
}

const SUFFIXES = ['', 'K', 'M', 'B', 'T'];

/**
 * An amount short enough for a chart label, as Intl's compact notation writes it: "7.5M",
 * "−2M", "1.23K", "950"; three significant digits, rounded half away from zero (the exact
 * figures are in the text).
 */
export function formatCompact(units: number | bigint, digits: number): string {
  const abs = magnitude(BigInt(units));
  const unit = 10n ** BigInt(Math.max(0, abs.toString().length - 3)); // the third significant digit
  const rounded = ((abs + unit / 2n) / unit) * unit; // a 5 after it rounds up (unit is 1 or a power of ten)
  const exponent = rounded.toString().length - 1 - digits; // of the leading digit, in the major unit
  const tier = Math.min(SUFFIXES.length - 1, Math.max(0, Math.floor(exponent / 3)));
  // Compact notation groups from 10,000 on ("1100T", "11,000T"): ICU's minimum grouping digits there is 2.
  return scaled(BigInt(units) < 0n ? -rounded : rounded, digits + 3 * tier, 0, 5) + SUFFIXES[tier];
}
