import { plot } from 'asciichart';
import type { Curve, CurveSegment } from '../engine/curve.js';
import type { Deal } from '../engine/deal.js';
import { originalMetrics } from '../engine/counter.js';
import { ratio } from '../engine/ratio.js';
import { approverPhrase, type ApproverLimit } from './approver.js';
import { formatMoney, formatPercent, palette } from './format.js';
import { renderTable } from './table.js';

const WIDTH = 60;
const HEIGHT = 12;

/**
 * Human output of `curve`: a terminal chart of the value kept against the discount, then
 * the segments. The chart samples the exact segments at WIDTH discounts (display only);
 * the table holds the exact figures.
 */
export function renderCurveText(deal: Deal, c: Curve, color: boolean, width?: number, approver?: ApproverLimit): string {
  const p = palette(color);
  const m = (u: number) => formatMoney(u, deal.digits);
  const pct = (bp: number) => formatPercent(ratio(bp, 10_000));
  const lines = [p.bold(`${deal.title} — ${deal.customer}`) + p.dim(` (${deal.currency})`)];
  if (approver) lines.push(`Only ${approverPhrase(approver)}`);
  if (c.segments.length === 0) {
    lines.push(c.optimal ? 'No discount at all can be met: the offer already breaks its own margin floor.'
      : 'Undecided: the time limit ran out before even 0% was proven.');
    return lines.join('\n') + '\n';
  }
  const end = c.segments.at(-1)!.toBp;
  const value = originalMetrics(deal).value;
  lines.push(`Value kept against the discount, 0% to ${pct(end)}` +
    (c.maxDiscountBp !== null && c.maxDiscountBp > end ? ` (up to ${pct(c.maxDiscountBp)} can be met)` : ' (the largest that can be met)'), '');
  lines.push(...chart(c.segments, end, value, deal.digits));
  lines.push('');
  if (!c.optimal) lines.push(p.yellow(`Time limit reached: the curve stops at ${pct(end)}, the last discount proven.`), '');
  lines.push(renderTable({
    head: ['From', 'To', 'Value lost', 'Margin at from', 'Margin at to', 'Package'],
    align: ['right', 'right', 'right', 'right', 'right', 'left'], color, width,
  }, c.segments.map((s) => [pct(s.fromBp), pct(s.toBp), m(s.valueLoss), m(s.marginFrom), m(s.marginTo),
    s.changes.length === 0 ? 'the offer as it stands' : s.changes.map((ch) => `${ch.name} → ${ch.to}`).join('\n')])));
  return lines.join('\n') + '\n';
}

function chart(segments: readonly CurveSegment[], end: number, value: number, digits: number): string[] {
  const columns = Math.min(WIDTH, end + 1);
  const kept = Array.from({ length: columns }, (_, i) => {
    const bp = columns === 1 ? 0 : Math.round((end * i) / (columns - 1));
    const s = segments.find((x) => x.fromBp <= bp && bp <= x.toBp)!;
    return (value - s.valueLoss) / 10 ** digits;
  });
  const rows = plot(kept, { height: HEIGHT, format: (x) => formatMoney(Math.round(x) * 10 ** digits, digits).padStart(14) }).split('\n');
  const offset = rows[0]!.search(/[┤┼]/);
  const left = '0%';
  const right = formatPercent(ratio(end, 10_000));
  return [...rows, ' '.repeat(offset) + '└' + '─'.repeat(columns),
    ' '.repeat(offset + 1) + left + ' '.repeat(Math.max(1, columns - left.length - right.length + 1)) + right];
}
