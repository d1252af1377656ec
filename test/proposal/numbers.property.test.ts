import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratio, type Ratio } from '../../src/engine/ratio.js';
import { minorToDecimal } from '../../src/proposal/decimal.js';
import { AS_WRITTEN, formatCompact, formatCount, formatDelta, formatMoney, formatPercent } from '../../src/proposal/numbers.js';

/*
 * The one formatter (BigInt and string arithmetic) against Intl.NumberFormat('en-US')
 * fed the same exact decimal strings (Node 20's Intl reads a string as the decimal it
 * spells), on values far beyond 2^53: equal text means the grouping, the zeros and the
 * rounding are Intl's, and that no digit went through a double.
 */

const params = { seed: 17, numRuns: 2_000 };
const huge = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const digits = fc.integer({ min: 0, max: 4 });

/** n / 10^decimals as Intl writes it with these options, with the typographic minus. */
function intl(n: bigint, decimals: number, options: Intl.NumberFormatOptions): string {
  const decimal = minorToDecimal(n < 0n ? -n : n, decimals);
  return (n < 0n ? '−' : '') + new Intl.NumberFormat('en-US', options).format(decimal as unknown as number);
}

/** n / 10^decimals with between `keep` and `decimals` decimals, as Intl writes it. */
const reference = (n: bigint, decimals: number, keep: number) =>
  intl(n, decimals, { minimumFractionDigits: keep, maximumFractionDigits: decimals });

/** A printed percentage read back as an exact ratio of one (commas and the typographic minus undone). */
function readBack(text: string): Ratio {
  const m = /^(−?)([\d,]+)(?:\.(\d+))?%$/.exec(text)!;
  const frac = m[3] ?? '';
  const num = BigInt(m[2]!.replace(/,/g, '') + frac);
  return ratio(m[1] ? -num : num, 100n * 10n ** BigInt(frac.length));
}

describe('numbers: the formatter writes what Intl.NumberFormat writes for the same exact decimal', () => {
  it('formats money exactly, the fraction written in full or not at all', () => {
    fc.assert(fc.property(huge, digits, fc.boolean(), (units, d, full) => {
      const fraction = full || units % 10n ** BigInt(d) !== 0n;
      expect(formatMoney(units, d, full)).toBe(reference(units, d, fraction ? d : 0));
      expect(formatDelta(units, d, full)).toBe((units > 0n ? '+' : '') + reference(units, d, fraction ? d : 0));
    }), params);
  });

  it('formats counts with grouped thousands', () => {
    fc.assert(fc.property(huge, (n) => {
      expect(formatCount(n)).toBe(reference(n, 0, 0));
    }), params);
  });

  it('shortens amounts as the compact notation of Intl does', () => {
    fc.assert(fc.property(huge, digits, (units, d) => {
      expect(formatCompact(units, d)).toBe(intl(units, d, { notation: 'compact', maximumSignificantDigits: 3 }));
    }), params);
    const round = fc.integer({ min: 1, max: 9_999 }).chain((k) => fc.tuple(fc.constant(BigInt(k)), fc.integer({ min: 0, max: 15 })));
    fc.assert(fc.property(round, digits, ([k, zeros], d) => { // at and around the roundings: 9995, 999.5K…
      for (const units of [k * 10n ** BigInt(zeros), k * 10n ** BigInt(zeros) - 5n * 10n ** BigInt(Math.max(0, zeros - 2))]) {
        expect(formatCompact(units, d)).toBe(intl(units, d, { notation: 'compact', maximumSignificantDigits: 3 }));
      }
    }), params);
  });

  it('cuts a percentage towards zero: never above the ratio, less than one last decimal below it', () => {
    const den = fc.bigInt({ min: 1n, max: 10n ** 20n });
    fc.assert(fc.property(huge, den, fc.integer({ min: 0, max: AS_WRITTEN }), (num, d, decimals) => {
      const r = ratio(num, d);
      const text = formatPercent(r, decimals);
      const cut = (num * 100n * 10n ** BigInt(decimals)) / d;
      expect(text).toBe(`${reference(cut, decimals, 0)}%`);
      const shown = readBack(text);
      const step = 10n ** BigInt(decimals) * 100n; // one unit of the last decimal, as a fraction of one
      const gap = r.num * shown.den - shown.num * r.den; // (r − shown) · r.den · shown.den
      const sign = num < 0n ? -1n : 1n;
      expect(sign * gap >= 0n).toBe(true);
      expect(sign * gap * step < r.den * shown.den).toBe(true);
    }), params);
  });
});

describe('numbers: what people read', () => {
  it('keeps the outputs the renderers and messages have always had', () => {
    expect(formatPercent(ratio(1, 4))).toBe('25%');
    expect(formatPercent(ratio(1, 8))).toBe('12.5%');
    expect(formatPercent(ratio(2, 3))).toBe('66.66%');
    expect(formatPercent(ratio(-1, 100_000))).toBe('0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(ratio(123_456, 1_000_000), AS_WRITTEN)).toBe('12.3456%');
    expect(formatMoney(100_000_000, 2)).toBe('1,000,000');
    expect(formatMoney(1_234_567, 3)).toBe('1,234.567'); // KWD
    expect(formatMoney(1_234_500, 3, true)).toBe('1,234.500');
    expect(formatMoney(1_500, 0)).toBe('1,500'); // JPY
    expect(formatDelta(-70_000_000, 2)).toBe('−700,000');
    expect(formatDelta(0, 2)).toBe('0');
  });

  it('shortens chart labels to three significant digits', () => {
    expect([750_000_000, -200_000_000, 123_456, 95_000, 0].map((u) => formatCompact(u, 2))).toEqual(['7.5M', '−2M', '1.23K', '950', '0']);
    expect(formatCompact(1_500_000_000_000n, 3)).toBe('1.5B');
  });

    it('groups percentages of a thousand and more, as amounts', () => {
    expect(formatPercent(ratio(-12, 1))).toBe('−1,200%');
  });

  it('stays exact beyond 2^53', () => {
    expect(formatMoney(2n ** 64n + 1n, 2)).toBe('184,467,440,737,095,516.17');
    expect(formatCount(9_007_199_254_740_993n)).toBe('9,007,199,254,740,993');
  });
});
