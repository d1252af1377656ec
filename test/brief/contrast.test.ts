import { expect, test } from 'vitest';
import { DARK, LIGHT, SURFACES, TEXT_COLOURS, type Palette } from '../../src/report/brief/style.js';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.each([['light', LIGHT], ['dark', DARK]] as [string, Palette][])('%s scheme: text at least 4.5:1 on every surface, chart marks 3:1', (_, p) => {
  for (const fg of TEXT_COLOURS) {
    for (const bg of SURFACES) expect(contrast(p[fg], p[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  }
  // the bars and the curve against the page, and the curve against the area under it
  for (const mark of ['accent', 'good', 'bad', 'mark'] as const) expect(contrast(p[mark], p.bg), mark).toBeGreaterThanOrEqual(3);
  expect(contrast(p.accent, p.soft), 'curve on its area').toBeGreaterThanOrEqual(3);
  expect(contrast(p.fg, p.soft), 'offer labels on the area').toBeGreaterThanOrEqual(4.5);
});

test('the contrast formula: black on white is 21:1', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
});
