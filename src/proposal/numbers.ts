import type { Ratio } from '../engine/ratio.js';
import { minorToDecimal } from './decimal.js';

/*
 * Exact amounts, ratios and counts written for people: the one formatter that the
 * format's own messages and every renderer share, so that a figure reads the same
 * everywhere. BigInt arithmetic makes an exact decimal string (where a figure is cut,
 * the cut is made here, towards zero); Intl.NumberFormat only groups the thousands and
 * trims zeros. Node 20's Intl reads a string as the decimal it spells, never through a
 * double, so amounts beyond 2^53 keep every digit.
 */

const MINUS = '−'; // U+2212, the typographic minus: Intl's en-US writes a hyphen

/** One NumberFormat per shape, built when first needed: each costs ~40 µs to build, a format ~0.5 µs. */
const formats = new Map<string, Intl.NumberFormat>();

/** A non-negative exact decimal string through the NumberFormat of `shape`, with the sign of `n`. */
function write(n: bigint, decimal: string, shape: string, options: Intl.NumberFormatOptions): string {
  let f = formats.get(shape);
  if (!f) formats.set(shape, (f = new Intl.NumberFormat('en-US', options)));
  // ES2022's lib types take number | bigint; Node 20's Intl takes the string as an exact decimal.
  return (n < 0n ? MINUS : '') + f.format(decimal as unknown as number);
}

const magnitude = (n: bigint) => (n < 0n ? -n : n);

/**
 * An integer n scaled by 10^decimals, grouped, with between `minDecimals` and `decimals`
 * decimals: the string holds no more decimals than Intl may print, so Intl never rounds.
 */
function scaled(n: bigint, decimals: number, minDecimals: number): string {
  return write(n, minorToDecimal(magnitude(n), decimals), `${minDecimals}-${decimals}`,
    { minimumFractionDigits: minDecimals, maximumFractionDigits: decimals });
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

/**
 * An amount short enough for a chart label: "7.5M", "−2M", "1.23K", "950" (three
 * significant digits, rounded half away from zero: the exact figures are in the text).
 */
export function formatCompact(units: number | bigint, digits: number): string {
  const u = BigInt(units);
  return write(u, minorToDecimal(magnitude(u), digits), 'compact', { notation: 'compact', maximumSignificantDigits: 3 });
}
