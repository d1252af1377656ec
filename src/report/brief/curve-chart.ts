import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { ratio, ratioToNumber, type Ratio } from '../../engine/ratio.js';
import { formatPercent } from '../format.js';
import { FRAME, svgChart, valueAxis } from './chart.js';
import { html, num, type Markup } from './html.js';
import type { BriefModel } from './model.js';

/**
 * The concession curve: the share of its value the customer keeps against the headline
 * discount, a step for each segment on which the best package is the same, with the
 * request and the offers marked. Positions are floats, for drawing only.
 */
type Point = readonly [discountPct: number, keptPct: number];
type Scale = ScaleLinear<number, number>;

const pct = (r: Ratio) => ratioToNumber(r) * 100;

export function curveChart(m: BriefModel): Markup {
  const f = FRAME;
  const total = m.original.value;
  const kept = (value: number) => (total > 0 ? (value / total) * 100 : 100);
  const points: Point[] = m.curve.segments.map((s) => [s.fromBp / 100, kept(total - s.valueLoss)]);
  const last = m.curve.segments.at(-1);
  if (last) points.push([last.toBp / 100, kept(total - last.valueLoss)]);
  const offers: Point[] = m.offers.map((o) => [pct(o.alt.discount), kept(o.alt.value)]);
  const steps: Point[] = (m.ladder?.steps ?? []).map((s) => [pct(s.package.discount), kept(s.package.value)]);
  const all = [...points, ...offers, ...steps];
  const x = scaleLinear().domain([0, Math.max(...all.map((p) => p[0]), pct(m.request.discount), 1)]).nice().range([f.left, f.width - f.right]);
  // at least 90–100%, so that a small loss does not look like a cliff, nor no loss like a point
  const y = scaleLinear().domain([Math.min(...all.map((p) => p[1]), 90), 100]).nice().range([f.height - f.bottom, f.top]);
  const step = line<Point>().x((p) => x(p[0])).y((p) => y(p[1])).curve(curveStepAfter);
  const under = area<Point>().x((p) => x(p[0])).y0(y.range()[0]!).y1((p) => y(p[1])).curve(curveStepAfter);
  const curve = points.length
    ? html`${valueAxis(y, (v) => `${v}%`)}<path class="area" d="${under(points) ?? ''}"/><path class="line" d="${step(points) ?? ''}"/>`
    : '';
  const body = html`${curve}${discountAxis(x)}${requestMark(x, y, m.request.discount)}${squares(x, y, steps)}${dots(x, y, offers)}`;
  return svgChart('curve', 'Concession curve: value kept against discount', describe(m), body);
}

function discountAxis(x: Scale): Markup {
  const f = FRAME;
  const tick = x.tickFormat(6, '~f');
  return html`<g class="axis">${x.ticks(6).map((t) => html`<text x="${num(x(t))}" y="${num(f.height - f.bottom + 16)}" text-anchor="middle">${tick(t)}%</text>`)}<text x="${num(f.width - f.right)}" y="${num(f.height - 4)}" text-anchor="end">headline discount</text></g>`;
}

function requestMark(x: Scale, y: Scale, request: Ratio): Markup {
  const f = FRAME;
  const rx = x(pct(request));
  const rightHalf = rx > (f.left + f.width - f.right) / 2; // keep the label inside the frame
  return html`<line class="request" x1="${num(rx)}" x2="${num(rx)}" y1="${num(f.top - 6)}" y2="${num(y.range()[0]!)}"/><text class="label" x="${num(rightHalf ? rx - 4 : rx + 4)}" y="${num(f.top - 8)}" text-anchor="${rightHalf ? 'end' : 'start'}">asked ${formatPercent(request)}</text>`;
}

/**
 * The offers, numbered. They come in rank order, value kept falling, so their labels run
 * down the page: each is pushed below the one before when they would overlap.
 */
function dots(x: Scale, y: Scale, offers: readonly Point[]): Markup {
  let below = -Infinity;
  return html`${offers.map(([dx, dy], i) => {
    const ly = (below = Math.max(y(dy) + 4, below + 12));
    return html`<circle class="dot${i === 0 ? ' first' : ' alt'}" cx="${num(x(dx))}" cy="${num(y(dy))}" r="5"/><text class="label" x="${num(x(dx) - 9)}" y="${num(ly)}" text-anchor="end">${i + 1}</text>`;
  })}`;
}

/** The steps of the concession plan, as squares. */
function squares(x: Scale, y: Scale, steps: readonly Point[]): Markup {
  return html`${steps.map(([dx, dy]) => html`<rect class="step" x="${num(x(dx) - 4)}" y="${num(y(dy) - 4)}" width="8" height="8"/>`)}`;
}

function describe(m: BriefModel): string {
  const { curve, request, offers } = m;
  const last = curve.segments.at(-1);
  if (!last) return 'No discount can be met within policy, not even the offer as it stands.';
  const total = m.original.value;
  const keptAt = (loss: number) => (total > 0 ? formatPercent(ratio(total - loss, total)) : '—');
  const end = formatPercent(ratio(last.toBp, 10_000));
  const reach = curve.maxDiscountBp !== null && last.toBp === curve.maxDiscountBp ? ', the largest discount that can be met' : '';
  const cut = curve.optimal ? '' : ' A time limit cut the search short: the curve stops at what was proven.';
  const marked = offers.map((o) => `offer ${o.alt.rank} keeps ${o.valueKept ? formatPercent(o.valueKept) : '—'} at ${formatPercent(o.alt.discount)}`).join('; ');
  const plan = (m.ladder?.steps ?? []).map((s, i) => `step ${i + 1} keeps ${keptAt(s.package.valueLoss)} at ${formatPercent(s.package.discount)}`).join('; ');
  return `Over ${curve.segments.length} segments, value kept goes from ${keptAt(curve.segments[0]!.valueLoss)} at 0% to ${keptAt(last.valueLoss)} at ${end}${reach}. ` +
    `Asked: ${formatPercent(request.discount)}${marked ? `; ${marked}` : ''}.${plan ? ` The plan: ${plan}.` : ''}${cut}`;
}
