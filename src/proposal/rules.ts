import { error, warning, type Finding, type Path } from './findings.js';
import { parsePercent } from './decimal.js';
import type { LeverInput, Proposal } from './schema.js';
import { counter, originalMetrics } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { limits } from '../engine/pricing.js';
import { compareRatio, ratio, type Ratio } from '../engine/ratio.js';

/**
 * The rules `check` applies beyond the schema. Each is pure: the validated proposal
 * (for ids and the text the user wrote) and, when it could be built, the Deal (for
 * exact amounts). Structural rules are those without which a counter-offer would be
 * ambiguous or undefined: loadOrThrow (src/commands/shared.ts) refuses their findings.
 */
interface Rule {
  readonly code: string;
  readonly structural: boolean;
  /** Rules that need exact amounts run only when the Deal could be built. */
  readonly needsDeal: boolean;
  run(p: Proposal, deal: Deal | undefined): Finding[];
}

/** Every lever with the path of its YAML node and the path people call it by. */
function leversOf(p: Proposal): { lever: LeverInput; at: Path; name: string }[] {
  const out = p.items.flatMap((it, i) =>
    (it.levers ?? []).map((lever, j) => ({ lever, at: ['items', i, 'levers', j] as Path, name: `${it.id}.${lever.id}` })));
  (p.terms ?? []).forEach((lever, j) => out.push({ lever, at: ['terms', j], name: `terms.${lever.id}` }));
  return out;
}

/** A finding at every later sibling whose key repeats an earlier one's. */
function repeats<T>(list: readonly T[], key: (t: T) => string, report: (k: string, i: number) => Finding): Finding[] {
  const seen = new Set<string>();
  return list.flatMap((t, i) => {
    const k = key(t);
    if (!seen.has(k)) {
      seen.add(k);
      return [];
    }
    return [report(k, i)];
  });
}

/** An amount in minor units as a finding's argument: the message formats it. */
const moneyOf = (deal: Deal, units: number) => ({ units, digits: deal.digits, currency: deal.currency });

const RULES: readonly Rule[] = [
  {
    code: 'duplicate-id', structural: true, needsDeal: false,
    run: (p) => [
      ...repeats(p.items, (it) => it.id, (id, i) => error('duplicate-id', ['items', i, 'id'], { kind: 'item', id, scope: 'items' })),
      ...p.items.flatMap((it, i) => repeats(it.levers ?? [], (l) => l.id, (id, j) =>
        error('duplicate-id', ['items', i, 'levers', j, 'id'], { kind: 'lever', id, scope: `item ${it.id}` }))),
      ...repeats(p.terms ?? [], (l) => l.id, (id, j) => error('duplicate-id', ['terms', j, 'id'], { kind: 'term', id, scope: 'terms' })),
    ],
  },
  {
    // `current`, --keep and revised proposals name options, so a repeated name is ambiguous.
    code: 'duplicate-option', structural: true, needsDeal: false,
    run: (p) => leversOf(p).flatMap(({ lever, at, name }) => repeats(lever.options, (o) => o.name, (option, k) =>
      error('duplicate-option', [...at, 'options', k, 'name'], { option, lever: name }))),
  },
  {
    // An item called "terms" gives its levers the same paths as the deal terms.
    code: 'lever-path-clash', structural: true, needsDeal: false,
    run: (p) => {
      const terms = new Set((p.terms ?? []).map((l) => l.id));
      return p.items.flatMap((it, i) => it.id !== 'terms' ? [] : (it.levers ?? []).flatMap((l, j) =>
        terms.has(l.id) ? [error('lever-path-clash', ['items', i, 'levers', j, 'id'], { path: `terms.${l.id}` })] : []));
    },
  },
  {
    // Discounts and margin ratios divide by the offer price.
    code: 'offer-price-not-positive', structural: true, needsDeal: true,
    run: (p, deal) => {
      const o = originalMetrics(deal!);
      if (o.price > 0) return [];
      const at: Path = o.list > 0 && p.discount !== undefined ? ['discount'] : ['items'];
      return [{ ...error('offer-price-not-positive', at), atKey: at[0] === 'items' }];
    },
  },
  {
    code: 'approvals-not-rising', structural: false, needsDeal: false,
    run: (p) => (p.policy?.approvals ?? []).flatMap((a, i, all) => {
      const prev = all[i - 1];
      const [upTo, previous] = [parsePercent(a.upTo)!, prev && parsePercent(prev.upTo)!];
      if (!previous || compareRatio(upTo, previous) > 0) return [];
      return [error('approvals-not-rising', ['policy', 'approvals', i, 'upTo'], { upTo, previous })];
    }),
  },
  {
    // Beyond the highest band a discount could be shown that nobody may sign off.
    code: 'max-discount-beyond-approvals', structural: false, needsDeal: false,
    run: (p) => {
      const cap = p.policy?.maxDiscount;
      const bands = (p.policy?.approvals ?? []).map((a) => parsePercent(a.upTo)!);
      if (cap === undefined || bands.length === 0) return [];
      const highest = bands.reduce((a, b) => (compareRatio(b, a) > 0 ? b : a));
      const maxDiscount = parsePercent(cap)!;
      if (compareRatio(maxDiscount, highest) <= 0) return [];
      return [error('max-discount-beyond-approvals', ['policy', 'maxDiscount'], { maxDiscount, highest })];
    },
  },
  {
    // A counter-offer keeps the margin it starts from; from a loss it could only offer losses.
    code: 'offer-loses-money', structural: true, needsDeal: true,
    run: (_p, deal) => {
      const o = originalMetrics(deal!);
      if (o.price <= 0 || o.cost <= o.price) return [];
      return [{ ...error('offer-loses-money', ['items'], { cost: moneyOf(deal!, o.cost), price: moneyOf(deal!, o.price) }), atKey: true }];
    },
  },
  {
    code: 'margin-floor-broken', structural: false, needsDeal: true,
    run: (_p, deal) => {
      const o = originalMetrics(deal!);
      if (o.price <= 0 || o.cost > o.price) return [];
      const floor = deal!.policy.marginFloor; // 'preserve' keeps the margin the offer has: never broken
      if (floor.kind === 'preserve' || o.cost <= limits(deal!, o.price, o.cost).maxCost(o.price)) return [];
      return [warning('margin-floor-broken', ['policy', 'marginFloor'], {
        margin: moneyOf(deal!, o.margin), ratio: ratio(o.margin, o.price),
        floor: floor.kind === 'amount' ? moneyOf(deal!, floor.amount) : floor.ratio,
      })];
    },
  },
  {
    // A discount already in the file counts against the cap, so a second round cannot escape it.
    code: 'discount-over-cap', structural: false, needsDeal: true,
    run: (_p, deal) => {
      const o = originalMetrics(deal!);
      if (o.price <= 0 || limits(deal!, o.price, o.cost).listOk(o.list, o.price)) return [];
      // listOk fails only under a cap
      return [warning('discount-over-cap', ['discount'], { discount: deal!.discount, maxDiscount: deal!.policy.maxDiscount! })];
    },
  },
  {
    code: 'single-option', structural: false, needsDeal: false,
    run: (p) => leversOf(p).flatMap(({ lever, at, name }) =>
      lever.options.length === 1 ? [{ ...warning('single-option', [...at, 'options'], { lever: name }), atKey: true }] : []),
  },
  {
    // Price is a third coordinate: an option that adds more to the list total can only
    // help the margin (the customer never pays more than the target), so A dominates B
    // only when A costs less, is worth more, and adds at least as much to the price.
    code: 'dominated-option', structural: false, needsDeal: true,
    run: (_p, deal) => deal!.levers.flatMap((l) => l.options.flatMap((b, k) => {
      const a = l.options.find((x) => x.cost < b.cost && x.value > b.value && x.price >= b.price);
      return a ? [warning('dominated-option', [...l.source, 'options', k], { option: b.name, better: a.name, lever: l.path })] : [];
    })),
  },
  {
    // Value defaults to price, so a free option without one is worth nothing to the customer.
    code: 'free-option-no-value', structural: false, needsDeal: false,
    run: (p) => leversOf(p).flatMap(({ lever, at, name }) => lever.options.flatMap((o, k) =>
      (o.price ?? 0) === 0 && o.value === undefined ? [warning('free-option-no-value', [...at, 'options', k], { option: o.name, lever: name })] : [])),
  },
  {
    code: 'no-levers', structural: false, needsDeal: false,
    run: (p) => (leversOf(p).length === 0 ? [warning('no-levers', [])] : []),
  },
];

/** The rules that apply to a proposal: all of them, or only those no command may ignore. */
export function ruleFindings(p: Proposal, deal: Deal | undefined, only: 'all' | 'structural' = 'all'): Finding[] {
  return applicable(deal !== undefined, only).flatMap((r) => r.run(p, deal));
}

/** Codes of the rules that run when the Deal could (or could not) be built. */
export function rulesRun(hasDeal: boolean): string[] {
  return applicable(hasDeal, 'all').map((r) => r.code);
}

function applicable(hasDeal: boolean, only: 'all' | 'structural'): Rule[] {
  return RULES.filter((r) => (hasDeal || !r.needsDeal) && (only === 'all' || r.structural));
}

/** How long each search may take, and by which clock: a CI verdict must not hang on one. */
export interface SearchLimit {
  readonly timeLimit?: number;
  readonly clock?: () => number;
}

/**
 * `--discount`: whether the deal can meet each discount within its policy; when not,
 * an error at the policy naming the largest discount it can meet (0.01% steps).
 */
export function absorptionFindings(p: Proposal, deal: Deal, discounts: readonly Ratio[], search: SearchLimit = {}): Finding[] {
  if (originalMetrics(deal).price <= 0) return []; // offer-price-not-positive says why
  const at: Path = p.policy !== undefined ? ['policy'] : [];
  return discounts.flatMap((d) => {
    const r = counter(deal, { discount: d }, { alternatives: 1, ...search });
    const bp = r.maxDiscountBp;
    if (r.feasible || (bp !== null && compareRatio(d, ratio(bp, 10_000)) <= 0)) return [];
    return [{
      ...error('discount-not-absorbed', at, {
        discount: d,
        ...(bp !== null ? { max: ratio(bp, 10_000) } : {}),
        ...(r.optimal ? {} : { timeLimited: true }), // the search was cut short: not proven
      }),
      atKey: at.length > 0,
    }];
  });
}
