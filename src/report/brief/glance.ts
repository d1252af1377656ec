import { marginRatio } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { approverPhrase } from '../approver.js';
import { formatMoney, formatPercent } from '../format.js';
import { html, type Markup } from './html.js';
import type { BriefModel, Offer } from './model.js';

/** The request and the answer at a glance: one sentence, then the figures that decide. */
export function glanceSection(m: BriefModel): Markup {
  const money = moneyOf(m);
  const best = m.offers[0];
  return html`<section aria-labelledby="glance-h"><h2 id="glance-h">The request and the answer</h2>
<p class="verdict">${verdict(m)}</p>${proof(m)}
<dl class="tiles">
${tile('Asked', `${formatPercent(m.request.discount)} off`, `a price of ${money(m.request.price)}, from ${money(m.original.price)}`)}
${best ? offerTiles(m, best) : ''}
${tile('Largest discount that can be met', m.maxDiscount ? formatPercent(m.maxDiscount) : 'none', reachNote(m))}
</dl></section>`;
}

function offerTiles(m: BriefModel, o: Offer): Markup {
  const money = moneyOf(m);
  const a = o.alt;
  const floorRatio = marginRatio(o.floorMargin, a.price);
  const kept = o.valueKept ? formatPercent(o.valueKept) : '—';
  return html`${tile('Price', money(a.price), `${formatPercent(a.discount)} headline, ${formatPercent(o.alt.listDiscount)} off list`)}
${tile('Margin', `${money(a.margin)} (${formatPercent(marginRatio(a.margin, a.price))})`, `floor ${money(o.floorMargin)} (${formatPercent(floorRatio)})`)}
${tile('Value kept', kept, `${money(a.value)} of ${money(m.original.value)}`)}
${tile('Approver', o.alt.approver ?? (m.deal.policy.approvals.length ? 'beyond every band' : 'none needed'), `for ${formatPercent(o.alt.listDiscount)} off list`)}`;
}

function tile(term: string, value: string, sub: string): Markup {
  return html`<div class="tile"><dt>${term}</dt><dd>${value}<span class="sub">${sub}</span></dd></div>`;
}

function verdict(m: BriefModel): Markup {
  const money = moneyOf(m);
  const asked = `Asked for ${formatPercent(m.request.discount)} off ${money(m.original.price)}, a price of ${money(m.request.price)}:`;
  const best = m.offers[0];
  if (m.status === 'met') {
    const how = (best && best.alt.changes.length === 0 ? 'with no change of scope' : 'by changing scope, margin within policy') +
      (m.approver ? `, within ${approverPhrase(m.approver)}` : '');
    return html`${asked} <strong>met</strong>, ${how}. ${count(m.offers.length)} below.`;
  }
  if (m.status === 'undecided') {
    return html`${asked} <strong class="warn">undecided</strong>: the time limit ended the search before it found or ruled out a package.`;
  }
  if (m.maxDiscount && m.offersAt) {
    return html`${asked} <strong class="warn">cannot be met</strong> within policy${m.approver ? ` and within ${approverPhrase(m.approver)}` : ''}. The most is ${formatPercent(m.maxDiscount)}, a price of ${money(m.offersAt.price)}: ${count(m.offers.length)} at that discount below.`;
  }
  return html`${asked} <strong class="warn">cannot be met</strong>: no discount at all can be given within policy.`;
}

/** What a time limit left unproven, said where it is read first. */
function proof(m: BriefModel): Markup {
  const offers = !m.optimal && m.status !== 'undecided' &&
    html`<p class="warn">Not proven best: a time limit cut the search short. The offers are the best found, and the largest discount may be larger; a longer --time-limit may find better.</p>`;
  const last = m.curve.segments.at(-1);
  const curve = !m.curve.optimal &&
    html`<p class="warn">The concession curve stops at ${last ? formatPercent(ratio(last.toBp, 10_000)) : '0%'}: a time limit cut its search short.</p>`;
  return html`${offers}${curve}`;
}

function reachNote(m: BriefModel): string {
  const cap = m.deal.policy.maxDiscount;
  if (!m.maxDiscount) return 'not even the offer as it stands';
  if (m.approver) return `within ${approverPhrase(m.approver)}`;
  return cap ? `policy caps the discount off list at ${formatPercent(cap)}` : 'the policy sets no cap';
}

const count = (n: number) => (n === 1 ? 'One offer' : `${n} offers`);

export function moneyOf(m: BriefModel): (units: number) => string {
  return (u) => `${m.deal.currency} ${formatMoney(u, m.deal.digits)}`;
}
