import type { Ladder, LadderStep, Unmet } from '../../engine/ladder.js';
import { marginRatio } from '../../engine/pricing.js';
import { ratio } from '../../engine/ratio.js';
import { formatMoney, formatPercent } from '../format.js';
import { moneyOf } from './glance.js';
import { html, type Markup } from './html.js';
import type { BriefModel } from './model.js';
import { changeItem } from './offers.js';

/**
 * The concession plan (`--ladder`): the steps at rising discounts, each nested in the one
 * before so that nothing conceded is taken back, with what each step adds and its price
 * of nesting; and where the plan stops, why.
 */
export function ladderSection(m: BriefModel, plan: Ladder): Markup {
  const last = plan.steps.at(-1);
  const intro = last
    ? `${plan.steps.length === 1 ? 'One step' : `${plan.steps.length} steps`} up to ${formatPercent(last.request.discount)}, each concession no larger than the one before; every step keeps what the previous one kept, so nothing conceded is ever taken back.`
    : 'No step of the plan can be met.';
  const proof = !plan.optimal && html`<p class="warn">Not proven best: a time limit cut the plan's search short; the steps are the best found.</p>`;
  return html`<section aria-labelledby="ladder-h"><h2 id="ladder-h">The concession plan</h2><p>${intro}</p>${proof}
<div class="cards">${plan.steps.map((s, i) => stepCard(m, s, i + 1))}</div>${plan.unmet ? unmetNote(plan.unmet, plan.steps.length + 1) : ''}</section>`;
}

function stepCard(m: BriefModel, s: LadderStep, n: number): Markup {
  const money = moneyOf(m);
  const p = s.package;
  const kept = m.original.value > 0 ? formatPercent(ratio(p.value, m.original.value)) : '—';
  const figures: [string, string][] = [
    ['Price', formatMoney(p.price, m.deal.digits)],
    ['Off list', formatPercent(p.listDiscount)],
    ['Margin', `${formatMoney(p.margin, m.deal.digits)} (${formatPercent(marginRatio(p.margin, p.price))})`],
    ['Value kept', kept],
    ['Approver', p.approver ?? '—'],
  ];
  const adds = s.added.length === 0
    ? html`<p>No further change of scope.</p>`
    : html`<p>${n === 1 ? 'The customer gives:' : 'Adds to the step before:'}</p><ul class="changes">${s.added.map((c) => changeItem(c, m.deal.digits))}</ul>`;
  const nesting = s.priceOfNesting > 0 &&
    html`<p class="note">Price of nesting: ${money(s.priceOfNesting)} more value given up than the best package at ${formatPercent(s.request.discount)}.</p>`;
  return html`<article class="card"><h3>Step ${n}: ${formatPercent(s.request.discount)} off</h3>
<dl class="figures">${figures.map(([t, v]) => html`<dt>${t}</dt><dd>${v}</dd>`)}</dl>${adds}${nesting}</article>`;
}

function unmetNote(u: Unmet, n: number): Markup {
  const at = `Step ${n} (${formatPercent(u.request.discount)})`;
  const why = {
    'beyond-reach': `no package meets it within policy${u.maxDiscountBp !== null ? `; the most is ${formatPercent(ratio(u.maxDiscountBp, 10_000))}` : ''}`,
    'not-nested': 'packages meet it, but none that keeps what the step before kept',
    undecided: 'the time limit ended the search before it was decided',
  }[u.reason];
  return html`<p class="warn">${at} cannot be met: ${why}. The plan ends here.</p>`;
}
