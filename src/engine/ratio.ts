/**
 * Exact rationals for the few places a ratio decides something: percentages from the
 * file, the margin floor, discount bands. Numerators and denominators are BigInt so
 * that cross-multiplication of two safe integers never loses a digit.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint; // always > 0
}

export const ZERO: Ratio = { num: 0n, den: 1n };
export const ONE: Ratio = { num: 1n, den: 1n };

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('ratio with a zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return { num: n, den: d };
}

/** Sign of a − b. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** ⌊a / b⌋ for BigInt, rounding towards −∞ (BigInt division truncates towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** ⌈a / b⌉ for BigInt. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** A ratio as a JavaScript number, for display and JSON only: never for a decision. */
export function ratioToNumber(r: Ratio): number;
export function ratioToNumber(r: Ratio | null): number | null;
export function ratioToNumber(r: Ratio | null): number | null {
  return r === null ? null : Number(r.num) / Number(r.den);
}
