import type { Delta, ItemDiff, LeverDiff, OfferDiff, Side } from '../proposal/diff.js';
import { ratio, type Ratio } from '../engine/ratio.js';
import { formatDelta, formatMoney, formatPercent, palette } from './format.js';
import { renderTable } from './table.js';

/** The files compared, as the user named them. */
export interface DiffFiles {
  readonly old: string;
  readonly new: string;
}

/** Human output of `diff`: both offers, a table per kind of change, and the buyer's bottom line. */
export function renderDiffText(d: OfferDiff, files: DiffFiles, color: boolean): string {
  const c = palette(color);
  const width = Math.max(files.old.length, files.new.length);
  const lines = [
    c.bold(`${d.new.title} — ${d.new.customer}`) + c.dim(` (${d.currency})`),
    `Old  ${files.old.padEnd(width)}  ${sideLine(d.old, d.digits)}`,
    `New  ${files.new.padEnd(width)}  ${sideLine(d.new, d.digits)}`,
    '',
  ];
  if (d.same) return [...lines, c.green('The offers are the same: same price, same scope.'), ''].join('\n');
  if (d.items.length > 0) lines.push(c.bold('Items'), itemTable(d, color), '');
  if (d.levers.length > 0) lines.push(c.bold('Scope'), leverTable(d.levers, d, color), '');
  if (d.terms.length > 0) lines.push(c.bold('Terms'), leverTable(d.terms, d, color), '');
  if (!d.costed) {
    const without = [d.old.cost === undefined ? files.old : '', d.new.cost === undefined ? files.new : ''].filter(Boolean);
    lines.push(c.dim(`Costs are not compared: ${without.join(' and ')} ${without.length > 1 ? 'carry' : 'carries'} no cost figures.`));
  }
  const net = d.summary.net;
  lines.push((net > 0 ? c.green : net < 0 ? c.red : c.bold)(bottomLine(d)), '');
  return lines.join('\n');
}

/** "price −20.0% (−2,000,000); scope removed worth 1,100,000 (6.43% of the value); net to you 900,000" */
export function bottomLine(d: OfferDiff): string {
  const s = d.summary;
  const m = (u: number) => formatMoney(u, d.digits);
  const share = (r: Ratio | null, what: string) => (r === null ? '' : ` (${formatPercent(absolute(r))} of ${what})`);
  const price = s.priceChange === 0 ? 'price unchanged'
    : `price ${s.priceRatio === null ? '' : signed(s.priceRatio) + ' '}(${formatDelta(s.priceChange, d.digits)})`;
  const value = s.valueChange === 0 ? 'value of the scope unchanged'
    : `scope ${s.valueChange < 0 ? 'removed' : 'added'} worth ${m(Math.abs(s.valueChange))}${share(s.valueRatio, 'the value')}`;
  return `${price}; ${value}; net to you ${m(s.net)}`;
}

function sideLine(s: Side, digits: number): string {
  const m = (u: number) => formatMoney(u, digits);
  const off = s.discount.num === 0n ? '' : ` (${formatPercent(s.discount)} off list ${m(s.list)})`;
  return `price ${m(s.price)}${off} · value ${m(s.value)}${s.cost === undefined ? '' : ` · cost ${m(s.cost)}`}`;
}

function itemTable(d: OfferDiff, color: boolean): string {
  const c = palette(color);
  const m = (u: number | undefined) => (u === undefined ? '—' : formatMoney(u, d.digits));
  const what = (it: ItemDiff): string[] => {
    if (it.status !== 'changed') return [it.status];
    const notes = [
      it.oldId === undefined ? '' : `renamed from ${it.oldId}`,
      it.oldName === undefined ? '' : `was "${it.oldName}"`,
      it.quantity ? `quantity ${it.quantity.from ?? '—'} → ${it.quantity.to ?? '—'}` : '',
      it.unitPrice ? `unit price ${m(it.unitPrice.from)} → ${m(it.unitPrice.to)}` : '',
    ].filter(Boolean);
    return notes.length > 0 ? notes : ['amounts changed'];
  };
  return moneyTable(['Item', 'Change'], d, color,
    d.items.map((it) => [`${it.name}\n${c.dim(it.id)}`, what(it).join('\n'), ...amounts(it.delta, d.digits)]));
}

function leverTable(levers: readonly LeverDiff[], d: OfferDiff, color: boolean): string {
  const c = palette(color);
  return moneyTable(['Lever', 'From', 'To'], d, color, levers.map((l) => {
    const notes = [
      l.status === 'changed' ? '' : l.status,
      l.oldPath === undefined ? '' : `${l.renamed ? 'renamed from' : 'was'} ${l.oldPath}`,
      l.oldName === undefined ? '' : `was "${l.oldName}"`,
    ].filter(Boolean);
    return [`${l.name}\n${c.dim([l.path, ...notes].join(' · '))}`, l.from ?? '—', l.to ?? '—', ...amounts(l.delta, d.digits)];
  }));
}

/** A table whose last columns are the change in list price, value and (when costed) cost. */
function moneyTable(head: string[], d: OfferDiff, color: boolean, rows: string[][]): string {
  const money = d.costed ? ['List price', 'Value', 'Cost'] : ['List price', 'Value'];
  return renderTable({
    head: [...head, ...money], align: [...head.map(() => 'left' as const), ...money.map(() => 'right' as const)], color,
  }, rows);
}

function amounts(x: Delta, digits: number): string[] {
  const cells = [formatDelta(x.price, digits), formatDelta(x.value, digits)];
  return x.cost === undefined ? cells : [...cells, formatDelta(x.cost, digits)];
}

const absolute = (r: Ratio): Ratio => ratio(r.num < 0n ? -r.num : r.num, r.den);

const signed = (r: Ratio): string => (r.num > 0n ? '+' : '') + formatPercent(r);
