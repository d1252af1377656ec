import { error, type Finding } from './findings.js';
import type { LeverInput, Proposal } from './schema.js';
import { currentChoice, type Deal, type DealItem, type DealLever } from '../engine/deal.js';
import { pairUp } from './pair.js';
import { offerPrice, totals } from '../engine/pricing.js';
import { compareRatio, ratio, type Ratio } from '../engine/ratio.js';

/**
 * What changed between two offers, in the buyer's terms: the price, the items, the
 * chosen option of every lever, each change priced and valued with the files' own
 * amounts. Costs are compared only when both files carry them, since a buyer's copy
 * has none and a missing cost reads as 0.
 */

/** One side of the comparison: the validated file (which keys it has) and its exact Deal. */
export interface Offer {
  readonly proposal: Proposal;
  readonly deal: Deal;
}

/** What a change adds, in minor units, to the list total, to the value, and to the vendor's cost. */
export interface Delta {
  readonly price: number;
  readonly value: number;
  /** Present only when both files carry costs. */
  readonly cost?: number;
}

export type Status = 'added' | 'removed' | 'changed';

export interface Move<T> {
  readonly from: T;
  readonly to: T;
}

export interface ItemDiff {
  readonly status: Status;
  /** Id and name in NEW (in OLD when removed). */
  readonly id: string;
  readonly name: string;
  /** Paired by name because its id changed; `oldId` is the id in OLD. */
  readonly renamed: boolean;
  readonly oldId?: string;
  /** Same id, another name: the name in OLD. */
  readonly oldName?: string;
  readonly quantity?: Move<number | undefined>;
  readonly unitPrice?: Move<number | undefined>;
  /** Added or removed: the item with the chosen option of each of its levers. Changed: the item's own amounts. */
  readonly delta: Delta;
}

export interface LeverDiff {
  readonly status: Status;
  /** Path and name in NEW (in OLD when removed). */
  readonly path: string;
  readonly name: string;
  /** Paired by name because its id changed. */
  readonly renamed: boolean;
  /** The path in OLD when it differs, because the lever or its item was renamed. */
  readonly oldPath?: string;
  readonly oldName?: string;
  /** The chosen option in OLD (absent when added) and in NEW (absent when removed). */
  readonly from?: string;
  readonly to?: string;
  readonly delta: Delta;
}

export interface Side {
  readonly title: string;
  readonly customer: string;
  readonly list: number;
  readonly discount: Ratio;
  readonly price: number;
  readonly value: number;
  /** Absent when the file carries no cost figures. */
  readonly cost?: number;
}

export interface Summary {
  readonly priceChange: number;
  /** priceChange / OLD's price; null when that price is 0. */
  readonly priceRatio: Ratio | null;
  readonly valueChange: number;
  /** valueChange / OLD's value; null when that value is 0. */
  readonly valueRatio: Ratio | null;
  /** What the buyer gains: the value change less the price change. */
  readonly net: number;
  readonly costChange?: number;
}

export interface OfferDiff {
  readonly currency: string;
  readonly digits: number;
  readonly old: Side;
  readonly new: Side;
  /** Both files carry costs, so every Delta and the summary have one. */
  readonly costed: boolean;
  readonly items: readonly ItemDiff[];
  /** Levers of items present in both offers, in NEW's order, then removed ones. */
  readonly levers: readonly LeverDiff[];
  readonly terms: readonly LeverDiff[];
  readonly summary: Summary;
  /** Nothing above changed: same price, same discount, same scope. */
  readonly same: boolean;
}

/** Compares OLD with NEW; offers in different currencies cannot be compared (a finding on NEW's currency). */
export function diffOffers(a: Offer, b: Offer): { diff: OfferDiff } | { finding: Finding } {
  if (a.deal.currency !== b.deal.currency) {
    return { finding: error('currency-mismatch', ['currency'], { old: a.deal.currency, new: b.deal.currency }) };
  }
  const costsA = carriesCosts(a.proposal);
  const costsB = carriesCosts(b.proposal);
  const costed = costsA && costsB;
  const ctx: Context = {
    delta: (x) => ({ price: x.price, value: x.value, ...(costed ? { cost: x.cost } : {}) }),
    oldLevers: leversByOwner(a.deal),
    newLevers: leversByOwner(b.deal),
  };
  const { items, levers } = diffItems(a.deal, b.deal, ctx);
  const terms = diffLevers(ctx.oldLevers.get('terms')!, ctx.newLevers.get('terms')!, ctx);

  const before = side(a.deal, costsA);
  const after = side(b.deal, costsB);
  const priceChange = after.price - before.price;
  const valueChange = after.value - before.value;
  const summary: Summary = {
    priceChange, priceRatio: before.price === 0 ? null : ratio(priceChange, before.price),
    valueChange, valueRatio: before.value === 0 ? null : ratio(valueChange, before.value),
    net: valueChange - priceChange,
    ...(costed ? { costChange: after.cost! - before.cost! } : {}),
  };
  const same = items.length + levers.length + terms.length === 0 && priceChange === 0 &&
    compareRatio(before.discount, after.discount) === 0;
  return { diff: { currency: b.deal.currency, digits: b.deal.digits, old: before, new: after, costed, items, levers, terms, summary, same } };
}

type Amounts = { readonly price: number; readonly value: number; readonly cost: number };
const NONE: Amounts = { price: 0, value: 0, cost: 0 };

interface Context {
  /** Amounts as a Delta: the cost kept only when both files carry costs. */
  readonly delta: (x: Amounts) => Delta;
  readonly oldLevers: Map<DealItem | 'terms', DealLever[]>;
  readonly newLevers: Map<DealItem | 'terms', DealLever[]>;
}

function diffItems(a: Deal, b: Deal, ctx: Context): { items: ItemDiff[]; levers: LeverDiff[] } {
  const items: ItemDiff[] = [];
  const levers: LeverDiff[] = [];
  for (const p of pairUp(a.items, b.items, (it) => it)) {
    if (p.kind !== 'both') {
      // An item that comes or goes takes its levers with it: one line, worth all of it.
      const [it, sign, owners] = p.kind === 'added' ? [p.new, 1, ctx.newLevers] : [p.old, -1, ctx.oldLevers];
      const whole = [it, ...owners.get(it)!.map(chosen)].reduce((s, x) => plus(s, x, sign), NONE);
      items.push({ status: p.kind, id: it.id, name: it.name, renamed: false, delta: ctx.delta(whole) });
      continue;
    }
    const { old: o, new: n } = p;
    const d = ctx.delta(plus(n, o, -1));
    const quantity = o.quantity === n.quantity ? undefined : { from: o.quantity, to: n.quantity };
    const unitPrice = o.unitPrice === n.unitPrice ? undefined : { from: o.unitPrice, to: n.unitPrice };
    if (p.renamed || o.name !== n.name || quantity || unitPrice || moved(d)) {
      items.push({
        status: 'changed', id: n.id, name: n.name, renamed: p.renamed, ...(p.renamed ? { oldId: o.id } : {}),
        ...(o.name !== n.name ? { oldName: o.name } : {}), ...(quantity ? { quantity } : {}),
        ...(unitPrice ? { unitPrice } : {}), delta: d,
      });
    }
    levers.push(...diffLevers(ctx.oldLevers.get(o)!, ctx.newLevers.get(n)!, ctx));
  }
  return { items, levers };
}

/** Whether a file has any cost key at all: a buyer's copy usually has none. */
export function carriesCosts(p: Proposal): boolean {
  const inLevers = (ls: readonly LeverInput[] | undefined) => (ls ?? []).some((l) => l.options.some((o) => o.cost !== undefined));
  return p.items.some((it) => it.cost !== undefined || it.unitCost !== undefined || inLevers(it.levers)) || inLevers(p.terms);
}

/** The levers of one owner (an item present in both offers, or the terms). */
function diffLevers(olds: readonly DealLever[], news: readonly DealLever[], ctx: Context): LeverDiff[] {
  // An id holds no ".", so the lever's id is what follows the first one in its path.
  const keys = (l: DealLever) => ({ id: l.path.slice(l.path.indexOf('.') + 1), name: l.name });
  return pairUp(olds, news, keys).flatMap((p): LeverDiff[] => {
    if (p.kind === 'added') {
      const to = chosen(p.new);
      return [{ status: 'added', path: p.new.path, name: p.new.name, renamed: false, to: to.name, delta: ctx.delta(to) }];
    }
    if (p.kind === 'removed') {
      const from = chosen(p.old);
      return [{
        status: 'removed', path: p.old.path, name: p.old.name, renamed: false, from: from.name,
        delta: ctx.delta(plus(NONE, from, -1)),
      }];
    }
    const { old: o, new: n } = p;
    const from = chosen(o);
    const to = chosen(n);
    const d = ctx.delta(plus(to, from, -1));
    // A path that changed only with its item's id is said once, on the item's line.
    if (!p.renamed && o.name === n.name && from.name === to.name && !moved(d)) return [];
    return [{
      status: 'changed', path: n.path, name: n.name, renamed: p.renamed, ...(o.path !== n.path ? { oldPath: o.path } : {}),
      ...(o.name !== n.name ? { oldName: o.name } : {}), from: from.name, to: to.name, delta: d,
    }];
  });
}

/** Each item's levers, and the deal's terms under 'terms', in file order. */
function leversByOwner(deal: Deal): Map<DealItem | 'terms', DealLever[]> {
  const owners = new Map<DealItem | 'terms', DealLever[]>([...deal.items.map((it) => [it, []] as [DealItem, DealLever[]]), ['terms', []]]);
  for (const l of deal.levers) {
    // A lever's source is ['items', i, 'levers', j] or ['terms', j]: the owner without parsing paths.
    owners.get(l.source[0] === 'items' ? deal.items[l.source[1] as number]! : 'terms')!.push(l);
  }
  return owners;
}

const chosen = (l: DealLever) => l.options[l.current]!;

/** x + sign × y, amount by amount. */
const plus = (x: Amounts, y: Amounts, sign: number): Amounts =>
  ({ price: x.price + sign * y.price, value: x.value + sign * y.value, cost: x.cost + sign * y.cost });

const moved = (d: Delta) => d.price !== 0 || d.value !== 0 || (d.cost ?? 0) !== 0;

function side(d: Deal, withCost: boolean): Side {
  const t = totals(d, currentChoice(d));
  return {
    title: d.title, customer: d.customer, list: t.list, discount: d.discount, price: offerPrice(d, t.list), value: t.value,
    ...(withCost ? { cost: t.cost } : {}),
  };
}
