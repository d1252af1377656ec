import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/engine/ratio.js';
import { bareFraction, minorToDecimal, parsePercent, plainDecimal, toMinorUnits } from '../../src/proposal/decimal.js';
import { discountFor } from '../../src/proposal/revise.js';
import { formatMoney, formatPercent } from '../../src/report/format.js';

describe('exact decimals', () => {
  it('converts to minor units without rounding', () => {
    expect(toMinorUnits('1234.5', 2)).toBe(123450n);
    expect(toMinorUnits('0.1', 3)).toBe(100n);
    expect(toMinorUnits('-7', 0)).toBe(-7n);
    expect(toMinorUnits('1.005', 2)).toBe('decimals');
    expect(toMinorUnits('1.50', 0)).toBe('decimals');
    expect(toMinorUnits('1e3', 2)).toBe('syntax');
  });

  it('writes numbers in plain decimal notation', () => {
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(123456, 0)).toBe('123456');
  });

  it('reads percentages exactly', () => {
    expect(parsePercent('12.5%')).toEqual(ratio(125, 1000));
    expect(parsePercent('20')).toBeUndefined();
    expect(parsePercent('20', true)).toEqual(ratio(20, 100));
    expect(parsePercent('twenty%')).toBeUndefined();
  });

  it('finds the shortest discount that lands exactly on a price', () => {
    expect(discountFor(1_000_000_000, 800_000_000)).toBe('20%');
    expect(discountFor(300, 200)).toBe('33.3%'); // ⌊300 × 0.667⌋ = 200
    for (const [list, price] of [[999_999, 123_457], [7, 1], [10 ** 15, 10 ** 15 - 1]] as const) {
      const d = parsePercent(discountFor(list, price))!;
      expect((BigInt(list) * (d.den - d.num)) / d.den).toBe(BigInt(price));
    }
  });

  it('never shows a margin above what it is', () => {
    expect(formatPercent(ratio(24_999, 100_000))).toBe('24.99%');
    expect(formatPercent(ratio(1, 4))).toBe('25%');
    expect(formatPercent(ratio(-1, 8))).toBe('−12.5%');
    expect(formatMoney(800_000_000, 2)).toBe('8,000,000');
    expect(formatMoney(-123_456, 2)).toBe('−1,234.56');
  });
});

describe('bareFraction', () => {
  it('asks back for a bare number between 0 and 1, and only for that', () => {
    expect(bareFraction('0.2')).toBe('did you mean 20% or 0.2%?');
    expect(bareFraction('.125')).toBe('did you mean 12.5% or .125%?');
    for (const ok of ['20', '0', '1.5', '0.2%', '20%', '0.0', 'x']) expect(bareFraction(ok)).toBeUndefined();
  });
});
