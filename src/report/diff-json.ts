import type { Delta, LeverDiff, Move, OfferDiff, Side } from '../proposal/diff.js';
import { ratioToNumber } from '../engine/ratio.js';
import { minorToNumber } from '../proposal/decimal.js';
import type { DiffFiles } from './diff-text.js';
import { SCHEMA_VERSION } from './schema-version.js';

/**
 * `diff --json`: the stable shape documented in docs/diff.md. Every key is always
 * present; what a file does not say (a cost in a buyer's copy, the quantity of an item
 * priced as a total) is null.
 */
export function renderDiffJson(d: OfferDiff, files: DiffFiles): string {
  const money = (u: number) => minorToNumber(u, d.digits);
  const moneyOrNull = (u: number | undefined) => (u === undefined ? null : money(u));
  const side = (s: Side, file: string) => ({
    file, proposal: s.title, customer: s.customer, list: money(s.list), discount: ratioToNumber(s.discount),
    price: money(s.price), value: money(s.value), cost: moneyOrNull(s.cost),
  });
  const delta = (x: Delta) => ({ priceDelta: money(x.price), valueDelta: money(x.value), costDelta: moneyOrNull(x.cost) });
  const move = <T, U>(mv: Move<T | undefined> | undefined, f: (v: T | undefined) => U) =>
    (mv === undefined ? null : { from: f(mv.from), to: f(mv.to) });
  const lever = (l: LeverDiff) => ({
    status: l.status, path: l.path, name: l.name, renamed: l.renamed, oldPath: l.oldPath ?? null, oldName: l.oldName ?? null,
    from: l.from ?? null, to: l.to ?? null, ...delta(l.delta),
  });
  const s = d.summary;
  const out = {
    schemaVersion: SCHEMA_VERSION,
    currency: d.currency,
    same: d.same,
    costed: d.costed,
    old: side(d.old, files.old),
    new: side(d.new, files.new),
    summary: {
      priceChange: money(s.priceChange), priceChangeRatio: ratioToNumber(s.priceRatio),
      valueChange: money(s.valueChange), valueChangeRatio: ratioToNumber(s.valueRatio),
      net: money(s.net), costChange: moneyOrNull(s.costChange),
    },
    items: d.items.map((it) => ({
      status: it.status, id: it.id, name: it.name, renamed: it.renamed, oldId: it.oldId ?? null, oldName: it.oldName ?? null,
      quantity: move(it.quantity, (q) => q ?? null), unitPrice: move(it.unitPrice, moneyOrNull), ...delta(it.delta),
    })),
    levers: d.levers.map(lever),
    terms: d.terms.map(lever),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
