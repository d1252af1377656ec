import type { Ratio } from '../engine/ratio.js';
import { minorToDecimal } from './decimal.js';

/*
 * Exact amounts and ratios written for people: the one formatter that the format's own
 * messages and every renderer share, so that a figure reads the same everywhere.
 */

/**
 * Minor units for people: grouped thousands, and no ".00" when the fraction is zero
 * unless `full` (a column in which some amount has a fraction shows it on all).
 */
export function formatMoney(units: number, digits: number, full = false): string {
  const [whole, frac] = minorToDecimal(units, digits).split('.') as [string, string?];
  const neg = whole.startsWith('-');
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${frac && (full || /[^0]/.test(frac)) ? '.' + frac : ''}`;
}

/** A signed amount: "+1,200" or "−700,000". */
export function formatDelta(units: number, digits: number, full = false): string {
  return units > 0 ? '+' + formatMoney(units, digits, full) : units === 0 ? formatMoney(0, digits, full) : formatMoney(units, digits, full);
}

/** Whether amounts shown together (a table) need every fraction written, so that they align: one has a fraction. */
export function anyFraction(units: readonly (number | undefined)[], digits: number): boolean {
  const unit = 10 ** digits;
  return units.some((u) => u !== undefined && u % unit !== 0);
}

/**
 * A ratio as a percentage with up to two decimals and no trailing zeros ("25%", "12.5%",
 * "24.99%"), cut towards zero so that a margin is never shown above what it is.
 */
export function formatPercent(r: Ratio | null): string {
  if (r === null) return '—'; // a margin ratio at price 0
  const hundredths = (r.num * 10_000n) / r.den; // BigInt division truncates towards zero
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`.replace(/\.?0+$/, '');
  return `${neg ? '−' : ''}${text}%`;
}
