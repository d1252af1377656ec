import { scaleBand, scaleLinear } from 'd3-scale';
import type { Metrics } from '../../engine/counter.js';
import { formatCompact, formatDelta, formatMoney } from '../format.js';
import { FRAME, svgChart, valueAxis } from './chart.js';
import { html, num, type Markup } from './html.js';
import type { Offer } from './model.js';

/**
 * The price and margin waterfall of one offer (a pocket-price waterfall): from the list
 * total through the scope changes and the discount to the price, then from the price
 * through the cost of the scope as offered and what the scope changes save to the margin,
 * with the margin floor marked. Steps whose amount is zero are kept, so every stage reads.
 */
interface Step {
  readonly short: string;
  readonly long: string;
  /** A total stands on zero; a delta runs from the running total before it. */
  readonly total: boolean;
  readonly from: number;
  readonly to: number;
}

function steps(original: Metrics, offer: Offer): Step[] {
  const a = offer.alt;
  const delta = (short: string, long: string, from: number, to: number): Step => ({ short, long, total: false, from, to });
  const total = (short: string, long: string, to: number): Step => ({ short, long, total: true, from: 0, to });
  return [
    total('List', 'list total as offered', original.list),
    delta('Scope', 'scope changes at list prices', original.list, a.list),
    delta('Discount', 'discount', a.list, a.price),
    total('Price', 'price', a.price),
    delta('Cost', 'cost of the scope as offered', a.price, a.price - original.cost),
    delta('Savings', 'cost saved by the scope changes', a.price - original.cost, a.margin),
    total('Margin', 'margin', a.margin),
  ];
}

export function waterfallChart(original: Metrics, offer: Offer, digits: number, currency: string): Markup {
  const all = steps(original, offer);
  const f = FRAME;
  const x = scaleBand<number>().domain(all.map((_, i) => i)).range([f.left, f.width - f.right]).paddingInner(0.25).paddingOuter(0.1);
  const values = all.flatMap((s) => [s.from, s.to]).concat(offer.floorMargin, 0);
  const y = scaleLinear().domain([Math.min(...values), Math.max(...values)]).nice().range([f.height - f.bottom, f.top]);
  // ticks are whole minor units unless the chart spans less than a few of them
  const label = (v: number) => formatCompact(Math.round(v), digits);
  const bars = all.map((s, i) => {
    const x0 = x(i)!;
    const top = y(Math.max(s.from, s.to));
    const h = Math.max(1, Math.abs(y(s.from) - y(s.to)));
    const kind = s.total ? 'total' : s.to < s.from ? 'down' : 'up';
    const next = all[i + 1];
    const link = next && !next.total
      ? html`<line class="connector" x1="${num(x0 + x.bandwidth())}" x2="${num(x(i + 1)!)}" y1="${num(y(s.to))}" y2="${num(y(s.to))}"/>`
      : '';
    const amount = (s.to > s.from && !s.total ? '+' : '') + label(s.to - s.from);
    return html`<rect class="${kind}" x="${num(x0)}" y="${num(top)}" width="${num(x.bandwidth())}" height="${num(h)}"/>${link}<text class="label" x="${num(x0 + x.bandwidth() / 2)}" y="${num(top - 5)}" text-anchor="middle">${amount}</text><text x="${num(x0 + x.bandwidth() / 2)}" y="${num(f.height - f.bottom + 16)}" text-anchor="middle">${s.short}</text>`;
  });
  const floorY = y(offer.floorMargin);
  const last = x(all.length - 1)!;
  const floor = html`<line class="floor" x1="${num(last - 6)}" x2="${num(last + x.bandwidth() + 6)}" y1="${num(floorY)}" y2="${num(floorY)}"/>`;
  const zero = html`<g class="axis"><line x1="${num(f.left)}" x2="${num(f.width - f.right)}" y1="${num(y(0))}" y2="${num(y(0))}"/></g>`;
  const money = (u: number) => formatMoney(u, digits);
  const desc = `In ${currency}: ` + all.map((s) => `${s.long} ${s.total ? money(s.to) : formatDelta(s.to - s.from, digits)}`).join('; ') +
    `; the margin floor at this price is ${money(offer.floorMargin)}.`;
  return svgChart('waterfall', `Price and margin waterfall of offer ${offer.alt.rank}`, desc,
    html`${valueAxis(y, label)}${zero}${bars}${floor}`);
}
