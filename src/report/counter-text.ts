import type { Alternative, Answer, CounterResult } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { marginRatio } from '../engine/pricing.js';
import { ratio } from '../engine/ratio.js';
import { formatDelta, formatMoney, formatPercent, palette } from './format.js';
import { renderTable } from './table.js';
import { approverPhrase, type ApproverLimit } from './approver.js';
import type { DistinctNote } from '../engine/distinct.js';

/** What `--approver` and `--distinct` add to the answer. */
export interface CounterExtras {
  readonly approver?: ApproverLimit;
  readonly distinct?: DistinctNote;
}

/** Said wherever a search was stopped by its time limit before it found any package. */
export const UNDECIDED = 'the time limit stopped the search before any package was found; run again with a higher --time-limit (seconds)';

/** Human output of `counter`: the offer, the request, and each alternative as a table. */
export function renderCounterText(r: CounterResult, color: boolean, extras: CounterExtras = {}): string {
  const c = palette(color);
  const d = r.deal;
  const m = (u: number) => formatMoney(u, d.digits);
  const o = r.original;
  const lines: string[] = [];
  lines.push(c.bold(`${d.title} — ${d.customer}`) + c.dim(` (${d.currency})`));
  lines.push(`Original offer  price ${m(o.price)} · cost ${m(o.cost)} · margin ${m(o.margin)} (${formatPercent(marginRatio(o.margin, o.price))})`);
  lines.push(`Request         ${formatPercent(r.request.discount)} off → ${m(r.request.price)}`);
  lines.push(`Policy          ${policyLine(d, r)}`);
  if (extras.approver) lines.push(`Approver        only ${approverPhrase(extras.approver)}`);
  lines.push('');
  if (r.feasible === null) {
    lines.push(c.yellow.bold(`Undecided: ${UNDECIDED}.`));
    return lines.join('\n') + '\n';
  }
  if (!r.feasible) {
    const within = extras.approver ? `within policy and within ${approverPhrase(extras.approver)}` : 'within policy';
    lines.push(c.red.bold(`No package meets ${formatPercent(r.request.discount)} off ${within}.`));
    if (r.maxDiscountBp === null) {
      lines.push('No discount at all can be met: the offer already breaks its own margin floor.');
    } else if (r.atMaxDiscount) {
      lines.push(`The largest discount that can be met is ${formatPercent(ratio(r.maxDiscountBp, 10_000))}; this is what it takes:`);
      lines.push('');
      lines.push(...alternatives(r.atMaxDiscount, r, color));
    }
    return lines.join('\n') + '\n';
  }
  lines.push(...alternatives(r, r, color));
  if (extras.distinct) lines.push(...distinctNote(extras.distinct, r.alternatives.length));
  return lines.join('\n') + '\n';
}

/** Why fewer distinct alternatives are shown than were asked for. */
function distinctNote(n: DistinctNote, shown: number): string[] {
  if (n.reason === undefined) return [];
  const which = shown === 1 ? 'alternative 1 changes' : `alternatives 1–${shown} change`;
  const why = n.reason === 'unchanged' ? 'the offer as it stands meets the request: there is no scope to vary.'
    : n.reason === 'none-left' ? `every other package that meets the request changes a lever ${which} (${n.taken.join(', ')}).`
      : 'the time limit ran out before another was found or ruled out.';
  return [`Only ${shown} distinct alternative${shown === 1 ? '' : 's'} of the ${n.requested} asked for: ${why}`, ''];
}

function policyLine(d: Deal, r: CounterResult): string {
  const f = d.policy.marginFloor;
  const floor = f.kind === 'preserve' ? `keep ${formatPercent(marginRatio(r.original.margin, r.original.price))} margin`
    : f.kind === 'ratio' ? `margin at least ${formatPercent(f.ratio)}` : `margin at least ${formatMoney(f.amount, d.digits)}`;
  const cap = d.policy.maxDiscount ? ` · discounts up to ${formatPercent(d.policy.maxDiscount)}` : '';
  const most = r.maxDiscountBp === null ? 'none' : formatPercent(ratio(r.maxDiscountBp, 10_000));
  return `${floor}${cap} · largest discount that can be met: ${most}`;
}

function alternatives(a: Answer, r: CounterResult, color: boolean): string[] {
  const c = palette(color);
  const d = r.deal;
  const m = (u: number) => formatMoney(u, d.digits);
  const lines: string[] = [];
  if (!a.optimal) lines.push(c.yellow(timeLimitNote(a, m)), '');
  for (const alt of a.alternatives) {
    lines.push(c.bold(`Alternative ${alt.rank}`) + `  price ${m(alt.price)} (${formatPercent(alt.discount)} off the offer` +
      `${alt.list === r.original.list ? '' : `; ${formatPercent(alt.listDiscount)} off its own list of ${m(alt.list)}`})` +
      ` · margin ${m(alt.margin)} (${formatPercent(marginRatio(alt.margin, alt.price))})` +
      ` · value kept ${m(alt.value)} (${formatDelta(-alt.valueLoss, d.digits)})` + approverText(alt, d, color));
    lines.push(changesTable(alt, d, color));
    lines.push('');
  }
  return lines;
}

/** Who signs the discount off list; nothing to say when the file has no approval bands. */
function approverText(alt: Alternative, d: Deal, color: boolean): string {
  if (d.policy.approvals.length === 0) return '';
  return ` · approver: ${alt.approver ?? palette(color).red('none: beyond every approval band')}`;
}

function changesTable(alt: Alternative, d: Deal, color: boolean): string {
  if (alt.changes.length === 0) {
    return `  No change of scope needed: the offer as it stands meets the request, leaving a margin of ${formatMoney(alt.margin, d.digits)}` +
      ` (${formatPercent(marginRatio(alt.margin, alt.price))}).`;
  }
  const c = palette(color);
  return renderTable({
    head: ['Lever', 'From', 'To', 'Cost to us', 'Value to customer'], align: ['left', 'left', 'left', 'right', 'right'], color,
  }, alt.changes.map((ch) => [`${ch.name} ${c.dim(`(${ch.lever})`)}`, ch.from, ch.to,
    formatDelta(ch.costDelta, d.digits), formatDelta(ch.valueDelta, d.digits)]));
}

function timeLimitNote(a: Answer, m: (u: number) => string): string {
  const best = a.alternatives[0];
  if (a.valueBound === null) return 'Time limit reached: these are the best packages found, not proven best.';
  if (best && best.value >= a.valueBound) {
    return 'Time limit reached: no package keeps more value than alternative 1 (proven), but the order among ' +
      'packages of equal value (higher margin, then fewer changes) was not searched to the end.';
  }
  return 'Time limit reached: these are the best packages found, not proven best ' +
    `(no package within policy keeps more than ${m(a.valueBound)} of value).`;
}
