import type { Change } from '../engine/counter.js';
import type { Ladder, LadderStep } from '../engine/ladder.js';
import { marginRatio } from '../engine/pricing.js';
import { ratio } from '../engine/ratio.js';
import { approverPhrase, type ApproverLimit } from './approver.js';
import { formatMoney, formatPercent, palette } from './format.js';
import { renderTable } from './table.js';
import { fitParts, wrapText } from './text-width.js';

/** Human output of `ladder`: the steps as a table, what each gives up, and where the ladder stopped. */
export function renderLadderText(l: Ladder, color: boolean, approver?: ApproverLimit, width?: number): string {
  const c = palette(color);
  const d = l.deal;
  const m = (u: number) => formatMoney(u, d.digits);
  const o = l.original;
  const lines = [
    c.bold(`${d.title} — ${d.customer}`) + c.dim(` (${d.currency})`),
    fitParts([`Original offer  price ${m(o.price)}`, `margin ${m(o.margin)} (${formatPercent(marginRatio(o.margin, o.price))})`, `value ${m(o.value)}`],
      width, ' · ', ' '.repeat(16)),
    ...(approver ? [`Approver        only ${approverPhrase(approver)}`] : []),
    '',
  ];
  if (!l.optimal) lines.push(c.yellow('Time limit reached: the steps below are the best packages found, not proven best.'), '');
  if (l.steps.length > 0) {
    lines.push(renderTable({
      head: ['Step', 'Discount', 'Price', 'Off list', 'Margin', 'Value lost', 'Price of nesting', 'Approver'],
      align: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'], color, width,
    }, l.steps.map((s, i) => [String(i + 1), formatPercent(s.request.discount), m(s.package.price),
      formatPercent(s.package.listDiscount), `${m(s.package.margin)} (${formatPercent(marginRatio(s.package.margin, s.package.price))})`,
      m(s.package.valueLoss), m(s.priceOfNesting), s.package.approver ?? '—'])));
    lines.push('', 'Each step gives up, on top of the one before:');
    l.steps.forEach((s, i) => {
      const number = `  ${i + 1}. `;
      const [first, ...rest] = wrapText(addedText(s), (width ?? Infinity) - number.length);
      lines.push(number + first, ...rest.map((line) => ' '.repeat(number.length) + line));
    });
    lines.push('');
  }
  const stop = unmetSentence(l, m, approver);
  if (stop) lines.push(c.red.bold(stop), '');
  return lines.join('\n') + '\n';
}

/** What a step moves from the previous one, in a line. */
export function addedText(s: LadderStep): string {
  return s.added.length === 0 ? 'nothing: the previous step already meets this discount' : s.added.map(changeText).join('; ');
}

function changeText(ch: Change): string {
  return `${ch.name}: ${ch.from} → ${ch.to}`;
}

/** Why the ladder stopped before its last step; undefined when every step was met. */
export function unmetSentence(l: Ladder, m: (u: number) => string, approver?: ApproverLimit): string | undefined {
  const u = l.unmet;
  if (!u) return undefined;
  const step = `Step ${l.steps.length + 1} (${formatPercent(u.request.discount)} off → ${m(u.request.price)})`;
  const largest = u.maxDiscountBp === null ? 'no discount at all can be met'
    : `the largest discount that can be met is ${formatPercent(ratio(u.maxDiscountBp, 10_000))}`;
  switch (u.reason) {
    case 'beyond-reach':
      return `${step} cannot be met within policy${approver ? ` and within ${approverPhrase(approver)}` : ''}: ${largest}.`;
    case 'not-nested':
      return `${step} cannot be met without putting back scope an earlier step removed ` +
        `(a package that is not nested meets it, losing ${m(u.unnestedValueLoss!)} of value).`;
    case 'undecided':
      return `${step}: undecided, the time limit ran out before a package was found or ruled out.`;
  }
}
