import type { Change } from '../../engine/counter.js';
import { formatMoney, formatPercent } from '../format.js';
import { moneyOf } from './glance.js';
import { html, type Markup } from './html.js';
import type { BriefModel, Offer } from './model.js';

/**
 * The offers side by side, each a complete package: its figures, then what the customer
 * gives (each change of scope, from → to, in the proposal's own words) and what they get.
 */
export function offersSection(m: BriefModel): Markup {
  if (m.offers.length === 0) return html``;
  return html`<section aria-labelledby="offers-h"><h2 id="offers-h">The offers, side by side</h2>${distinctNote(m)}
<div class="cards">${m.offers.map((o) => card(m, o))}</div></section>`;
}

/** With --distinct: what keeps the offers apart, and why there are fewer than asked. */
function distinctNote(m: BriefModel): Markup | '' {
  const d = m.distinct;
  if (!d) return '';
  if (m.status !== 'met') return html`<p class="note">Distinct alternatives answer the request itself; at the largest discount these are the best alternatives, which may change the same levers.</p>`;
  const n = m.offers.length;
  const why = d.reason && {
    unchanged: 'the offer as it stands meets the request, so there is nothing to vary.',
    'none-left': `no other package meets the request without touching a lever an earlier offer changes (${d.taken.map((path) => m.deal.levers.find((l) => l.path === path)?.name ?? path).join(', ')}).`,
    undecided: 'the time limit ended the search for more.',
  }[d.reason];
  return html`<p class="note">Distinct alternatives: no two offers change the same lever.${why ? ` ${n === 1 ? 'One offer' : `${n} offers`} of the ${d.requested} asked for: ${why}` : ''}</p>`;
}

function card(m: BriefModel, o: Offer): Markup {
  const money = moneyOf(m);
  const a = o.alt;
  const figures: [string, string][] = [
    ['Price', formatMoney(a.price, m.deal.digits)],
    ['Headline discount', formatPercent(a.discount)],
    ['Off list', formatPercent(o.alt.listDiscount)],
    ['Margin', `${formatMoney(a.margin, m.deal.digits)} (${formatPercent(o.marginRatio)})`],
    ['Value kept', o.valueKept ? formatPercent(o.valueKept) : '—'],
    ['Approver', o.alt.approver ?? '—'],
  ];
  const gives = a.changes.length === 0
    ? html`<p>No change of scope: the offer stands as it is, at this price.</p>`
    : html`<p>The customer gives:</p><ul class="changes">${a.changes.map((c) => changeItem(c, m.deal.digits))}</ul>`;
  return html`<article class="card${a.rank === 1 ? ' first' : ''}"><h3>Offer ${a.rank}</h3>
<dl class="figures">${figures.map(([t, v]) => html`<dt>${t}</dt><dd>${v}</dd>`)}</dl>
${gives}<p>and gets ${formatPercent(a.discount)} off: ${money(a.price)}.</p></article>`;
}

/** One change of scope, from → to in the proposal's words, with what it saves us and is worth to the customer. */
export function changeItem(c: Change, digits: number): Markup {
  const money = (u: number) => formatMoney(Math.abs(u), digits);
  const effects = [
    c.priceDelta !== 0 ? `list ${c.priceDelta < 0 ? 'down' : 'up'} ${money(c.priceDelta)}` : '',
    c.costDelta !== 0 ? `${c.costDelta < 0 ? 'saves us' : 'costs us'} ${money(c.costDelta)}` : '',
    c.valueDelta < 0 ? `worth ${money(c.valueDelta)} to the customer` : c.valueDelta > 0 ? `adds ${money(c.valueDelta)} of value` : '',
  ].filter(Boolean).join(', ');
  return html`<li><span class="give">${c.name}</span>: ${c.from} <span class="arrow">→</span> ${c.to}${effects ? html` <span class="note">(${effects})</span>` : ''}</li>`;
}
