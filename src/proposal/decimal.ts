import { ratio, type Ratio } from '../engine/ratio.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const PERCENT = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * A decimal literal as an exact integer scaled by 10^digits, or a reason it cannot be.
 * `text` is the shortest round-trip form of a number the loader has already checked to
 * be exactly the literal the user wrote.
 */
export function toMinorUnits(text: string, digits: number): bigint | 'decimals' | 'syntax' {
  const m = DECIMAL.exec(text);
  if (!m) return 'syntax';
  const [, sign, whole, frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > digits) return 'decimals';
  const units = BigInt(whole! + trimmed.padEnd(digits, '0'));
  return sign === '-' ? -units : units;
}

/** A JavaScript number in plain decimal notation (String() switches to exponents past 1e21). */
export function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, expText] = s.split(/e/i) as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const [w, f = ''] = mant.replace('-', '').split('.') as [string, string?];
  const digits = w + f;
  const point = w.length + exp;
  const out = point <= 0 ? '0.' + '0'.repeat(-point) + digits
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
      : digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

/** Whether a numeric literal is exactly the double it was read as (no silent rounding). */
export function sameDecimal(source: string, value: number): boolean {
  const literal = normalise(source.replace(/_/g, ''));
  if (literal === undefined) return Number.isSafeInteger(value); // 0x1F, 0o17: integers only
  return literal === normalise(plainDecimal(value));
}

/** A decimal literal (with optional exponent) as sign + significant digits + exponent. */
function normalise(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  const stripped = digits.replace(/^0+/, '');
  if (stripped === '') return '0';
  const trailing = stripped.length - stripped.replace(/0+$/, '').length;
  exp += trailing;
  return `${m[1] === '-' ? '-' : ''}${stripped.slice(0, stripped.length - trailing)}e${exp}`;
}

/** "12.5%" (or "12.5" where the context says percent) as an exact ratio 125/1000. */
export function parsePercent(text: string, allowBare = false): Ratio | undefined {
  const m = PERCENT.exec(text) ?? (allowBare ? /^\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(text) : null);
  if (!m) return undefined;
  const [whole, frac = ''] = m[1]!.split('.') as [string, string?];
  return ratio(BigInt(whole + frac), 100n * 10n ** BigInt(frac.length));
}

/**
 * For a bare number between 0 and 1 with decimals ("0.2"), which reads as a share (20%)
 * as easily as a percentage (0.2%): the question to ask back. Undefined otherwise.
 */
export function bareFraction(text: string): string | undefined {
  const m = /^\s*\+?(0?\.\d*[1-9]\d*)\s*$/.exec(text);
  if (!m) return undefined;
  const asPercent = parsePercent(m[1]!.startsWith('.') ? `0${m[1]}` : m[1]!, true)!; // the number / 100
  return `did you mean ${ratioToPercentString(ratio(asPercent.num * 100n, asPercent.den))} or ${m[1]}%?`;
}

/** Minor units as a major-unit decimal string: 123456n, 2 → "1234.56". */
export function minorToDecimal(units: bigint | number, digits: number): string {
  const u = BigInt(units);
  const neg = u < 0n;
  const s = (neg ? -u : u).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : s.slice(0, -digits) + '.' + s.slice(-digits);
  return (neg ? '-' : '') + body;
}

/** Minor units as a JSON number in the major unit, exact to the minor unit. */
export function minorToNumber(units: number, digits: number): number {
  return Number(minorToDecimal(units, digits));
}

/** The shortest percent string whose ratio is exactly r, if r has a terminating decimal form. */
export function ratioToPercentString(r: Ratio, maxDecimals = 12): string | undefined {
  for (let k = 0; k <= maxDecimals; k++) {
    const scale = 100n * 10n ** BigInt(k);
    if ((r.num * scale) % r.den === 0n) return minorToDecimal((r.num * scale) / r.den, k) + '%';
  }
  return undefined;
}
