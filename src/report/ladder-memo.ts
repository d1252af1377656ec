import type { Ladder } from '../engine/ladder.js';
import { marginRatio } from '../engine/pricing.js';
import type { ApproverLimit } from './approver.js';
import { formatDelta, formatMoney, formatPercent } from './format.js';
import { unmetSentence } from './ladder-text.js';

/**
 * `ladder --memo`: the concession plan in Markdown for the vendor's own team, never for
 * the customer: it shows margins, value lost and the price of nesting, which the letter
 * to the customer never does.
 */
export function renderLadderMemo(l: Ladder, date: string, approver?: ApproverLimit): string {
  const d = l.deal;
  const money = (u: number) => `${d.currency} ${formatMoney(u, d.digits)}`;
  const o = l.original;
  const out = [
    `# Concession plan: ${d.title}`, '',
    `**Internal: for ${d.vendor ? `the ${d.vendor}` : 'our'} team only, never for ${d.customer}.** Prepared ${date}.`, '',
    `Our offer: ${money(o.price)}, margin ${money(o.margin)} (${formatPercent(marginRatio(o.margin, o.price))}).` +
      (approver ? ` Every step stays within what ${approver.name} may sign (up to ${formatPercent(approver.upTo)} off list).` : ''),
    '',
    'Concede one step at a time, and only when pushed. Each step is nested in the one before: ' +
      'nothing conceded is ever put back, so the customer never sees scope return as the price falls.',
  ];
  if (!l.optimal) out.push('', '> The time limit ran out: these steps are the best found, not proven best.');
  l.steps.forEach((s, i) => {
    const p = s.package;
    out.push('', `## Step ${i + 1}: ${formatPercent(s.request.discount)} off, ${money(p.price)}`, '');
    out.push(s.added.length === 0 ? '- Concede: no further scope; the previous step already meets this price.'
      : `- Concede: ${s.added.map((c) => `**${c.name}** ${c.from} → ${c.to}`).join('; ')}.`);
    out.push(`- Margin ${money(p.margin)} (${formatPercent(marginRatio(p.margin, p.price))}); ` +
      `${formatPercent(p.listDiscount)} off the list of the scope delivered; approver: ${p.approver ?? 'none: beyond every band'}.`);
    out.push(`- Value to the customer ${d.currency} ${formatDelta(-p.valueLoss, d.digits)} against our offer` +
      (s.priceOfNesting > 0 ? `, of which ${formatMoney(s.priceOfNesting, d.digits)} is the price of nesting ` +
        '(what a fresh package at this discount would spare the customer).' : '; nesting costs nothing here.'));
  });
  const stop = unmetSentence(l, money, approver);
  out.push('', '## Beyond the last step', '', stop ?? 'Every step of the plan can be met. Do not go further without a new plan.');
  return out.join('\n') + '\n';
}
