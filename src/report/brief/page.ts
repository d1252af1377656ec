import { curveChart } from './curve-chart.js';
import { glanceSection } from './glance.js';
import { ladderSection } from './ladder.js';
import { html, Markup } from './html.js';
import type { BriefModel } from './model.js';
import { offersSection } from './offers.js';
import { stylesheet } from './style.js';
import { waterfallChart } from './waterfall.js';

/**
 * The deal brief: one self-contained HTML page (inline CSS and SVG, no script, font,
 * image or link), the same bytes for the same proposal and request.
 */
export function renderBrief(m: BriefModel): string {
  const d = m.deal;
  const best = m.offers[0];
  const waterfall = best ? html`<figure>${waterfallChart(m.original, best, d.digits, d.currency)}<figcaption>Offer ${best.alt.rank}: from the list to the price, and from the price to the margin, in ${d.currency}. The dashed line is the margin floor.</figcaption></figure>` : '';
  const curve = html`<figure>${curveChart(m)}<figcaption>The least value the customer gives up at each discount, up to the largest that can be met; the dashed line is the request, the dots the offers${m.ladder ? ', the squares the steps of the plan' : ''}.</figcaption></figure>`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Deal brief: ${d.title}</title>
<style>${new Markup(stylesheet())}</style>
</head>
<body>
<main>
<header><p class="kicker">Deal brief · for the vendor's team, not for the customer</p>
<h1>${d.title}</h1>
<p class="meta">${d.customer}${d.vendor ? ` · from ${d.vendor}` : ''} · amounts in ${d.currency}</p></header>
${glanceSection(m)}
${offersSection(m)}
${m.ladder ? ladderSection(m, m.ladder) : ''}
<section aria-labelledby="charts-h"><h2 id="charts-h">Where the money goes, and how far we can go</h2>
<div class="charts">${waterfall}${curve}</div></section>
<footer><p>Every figure is exact, computed by valuepack from the proposal alone. Changes not listed leave the offer as it was.</p></footer>
</main>
</body>
</html>
`;
  return page.text;
}
