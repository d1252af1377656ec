import type { Alternative, Answer, CounterResult, Request } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { marginRatio } from '../engine/pricing.js';
import { ratio } from '../engine/ratio.js';
import { anyFraction, formatDelta, formatMoney, formatPercent, palette } from './format.js';
import { renderTable } from './table.js';
import { fitParts } from './text-width.js';
import { approverPhrase, type ApproverLimit } from './approver.js';
import type { DistinctNote } from '../engine/distinct.js';

/** What `--approver` and `--distinct` add to the answer, and how it is drawn. */
export interface CounterExtras {
  readonly approver?: ApproverLimit;
  readonly distinct?: DistinctNote;
  /** Terminal columns the text fits in; none: tables at their natural width. */
  readonly width?: number | undefined;
  /** The request as asked (JSON prints its discount exactly). */
  readonly asked?: Request;
}

/** Said wherever a search was stopped by its time limit before it found any package. */
export const UNDECIDED = 'the time limit stopped the search before any package was found; run again with a higher --time-limit (seconds)';

/** Human output of `counter`: the offer, the request, and each alternative as a table. */
export function renderCounterText(r: CounterResult, color: boolean, extras: CounterExtras = {}): string {
  const width = extras.width;
  const c = palette(color);
  const d = r.deal;
  const m = (u: number) => formatMoney(u, d.digits);
  const o = r.original;
  const lines: string[] = [];
  lines.push(c.bold(`${d.title} — ${d.customer}`) + c.dim(` (${d.currency})`));
  // A file that already carries a discount (a revised one) is not the original offer.
  const label = (text: string) => text.padEnd(d.discount.num === 0n ? 16 : 20);
  lines.push(fitParts([`${label(d.discount.num === 0n ? 'Original offer' : 'Offer as it stands')}price ${m(o.price)}` +
    `${d.discount.num === 0n ? '' : ` (${formatPercent(d.discount)} off list ${m(o.list)})`}`, `cost ${m(o.cost)}`,
  `margin ${m(o.margin)} (${formatPercent(marginRatio(o.margin, o.price))})`], width, ' · ', label('')));
  lines.push(`${label('Request')}${formatPercent(r.request.discount)} off → ${m(r.request.price)}`);
  lines.push(fitParts(policyParts(d, r, label), width, ' · ', label('')));
  if (extras.approver) lines.push(`${label('Approver')}only ${approverPhrase(extras.approver)}`);
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
      lines.push(...alternatives(r.atMaxDiscount, r, color, width));
    }
    return lines.join('\n') + '\n';
  }
  lines.push(...alternatives(r, r, color, width));
  if (extras.distinct) lines.push(...distinctNote(extras.distinct, r.alternatives.length));
  return lines.join('\n') + '\n';
}

/**
 * Only the alternatives ranked after `from`: what "show more" adds to what is already
 * on the screen, or a line saying there is nothing more.
 */
export function renderMoreAlternatives(r: CounterResult, from: number, color: boolean, width?: number): string {
  const more = r.alternatives.filter((a) => a.rank > from);
  if (more.length === 0) return `No more alternatives: the ${from} above are every minimal package within policy.\n`;
  return [...alternatives({ ...r, alternatives: more }, r, color, width)].join('\n') + '\n';
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

function policyParts(d: Deal, r: CounterResult, label: (text: string) => string): string[] {
  const f = d.policy.marginFloor;
  const floor = f.kind === 'preserve' ? `keep ${formatPercent(marginRatio(r.original.margin, r.original.price))} margin`
    : f.kind === 'ratio' ? `margin at least ${formatPercent(f.ratio)}` : `margin at least ${formatMoney(f.amount, d.digits)}`;
  const cap = d.policy.maxDiscount ? [`discounts up to ${formatPercent(d.policy.maxDiscount)}`] : [];
  const most = r.maxDiscountBp === null ? 'none' : formatPercent(ratio(r.maxDiscountBp, 10_000));
  return [`${label('Policy')}${floor}`, ...cap, `largest discount that can be met: ${most}`];
}

function alternatives(a: Answer, r: CounterResult, color: boolean, width: number | undefined): string[] {
  const c = palette(color);
  const d = r.deal;
  const m = (u: number) => formatMoney(u, d.digits);
  const lines: string[] = [];
  if (!a.optimal) lines.push(c.yellow(timeLimitNote(a, m)), '');
  for (const alt of a.alternatives) {
    lines.push(fitParts([c.bold(`Alternative ${alt.rank}`) + `  price ${m(alt.price)} (${formatPercent(alt.discount)} off the offer` +
      `${alt.list === r.original.list ? '' : `; ${formatPercent(alt.listDiscount)} off its own list of ${m(alt.list)}`})`,
    `margin ${m(alt.margin)} (${formatPercent(marginRatio(alt.margin, alt.price))})`,
    `value kept ${m(alt.value)} (${formatDelta(-alt.valueLoss, d.digits)})`, ...approverText(alt, d, color)], width));
    lines.push(changesTable(alt, d, color, width));
    lines.push('');
  }
  return lines;
}

/** Who signs the discount off list; nothing to say when the file has no approval bands. */
function approverText(alt: Alternative, d: Deal, color: boolean): string[] {
  if (d.policy.approvals.length === 0) return [];
  return [`approver: ${alt.approver ?? palette(color).red('none: beyond every approval band')}`];
}

function changesTable(alt: Alternative, d: Deal, color: boolean, width: number | undefined): string {
  if (alt.changes.length === 0) {
    return `  No change of scope needed: the offer as it stands meets the request, leaving a margin of ${formatMoney(alt.margin, d.digits)}` +
      ` (${formatPercent(marginRatio(alt.margin, alt.price))}).`;
  }
  const c = palette(color);
  const full = anyFraction(alt.changes.flatMap((ch) => [ch.costDelta, ch.valueDelta]), d.digits);
  return renderTable({
    head: ['Lever', 'From', 'To', 'Cost to us', 'Value to customer'], align: ['left', 'left', 'left', 'right', 'right'], color, width,
  }, alt.changes.map((ch) => [`${ch.name} ${c.dim(`(${ch.lever})`)}`, ch.from, ch.to,
    formatDelta(ch.costDelta, d.digits, full), formatDelta(ch.valueDelta, d.digits, full)]));
}

function timeLimitNote(a: Answer, m: (u: number) => string): string {
  const best = a.alternatives[0];
  const shown = a.alternatives.length;
  const proven = Math.min(a.provenCount, shown);
  if (proven > 0 && proven === shown) {
    return `Time limit reached: ${proven === 1 ? 'the alternative shown is' : `the ${proven} alternatives shown are`} proven best, ` +
      'but the search was cut short before it could say whether any more exist or how far the discount can go.';
  }
  if (proven > 0) {
    const rest = proven + 1 === shown ? `alternative ${shown} is` : `alternatives ${proven + 1}–${shown} are`;
    return `Time limit reached: ${proven === 1 ? 'alternative 1 is' : `alternatives 1–${proven} are`} proven best; ` +
      `${rest} the best found within the time limit (not proven).`;
  }
  if (a.valueBound === null) return 'Time limit reached: these are the best packages found, not proven best.';
  if (best && best.value >= a.valueBound) {
    return 'Time limit reached: no package keeps more value than alternative 1 (proven), but the order among ' +
      'packages of equal value (higher margin, then fewer changes) was not searched to the end.';
  }
  return 'Time limit reached: these are the best packages found, not proven best ' +
    `(no package within policy keeps more than ${m(a.valueBound)} of value).`;
}
