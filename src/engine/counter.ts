import { UNTIMED } from './clock.js';
import { currentChoice, type Choice, type Deal } from './deal.js';
import {
  approverFor, discountOf, largestStep, lastStepMet, limits, listDiscountOf, metAt, offerPrice, targetForDiscount, totals,
  type Limits,
} from './pricing.js';
import { ratio, type Ratio } from './ratio.js';
import type { Candidate } from './candidate.js';
import { restrictScope, widen, type Scope } from './scope.js';
import { search } from './search.js';

/** A discount off the offer price, or a target price: one or the other, never both. */
export type Request =
  | { readonly discount: Ratio; readonly price?: never }
  | { readonly price: number; readonly discount?: never };

export interface CounterOptions {
  /** How many alternatives (default 3). */
  readonly alternatives?: number;
  /** Lever paths the customer insists on keeping. */
  readonly keep?: readonly string[];
  /** Let levers move to options worth more to the customer than their current one. */
  readonly addScope?: boolean;
  /**
   * Where each lever starts (default: the offer as it stands): levers move only to options
   * worth no more than there. A ladder passes its previous step. Changes are reported
   * against the offer as it stands either way.
   */
  readonly from?: Choice;
  /** Only what an approver may sign: their band's upTo caps the discount off list, as maxDiscount does. */
  readonly approverCap?: Ratio;
  /** Milliseconds before the search settles for the best found (default 10 s). */
  readonly timeLimit?: number;
  readonly clock?: () => number;
  /** Checked with the time limit: once aborted, the answer is what was found so far. */
  readonly signal?: { readonly aborted: boolean };
}

export interface Metrics {
  readonly list: number;
  readonly price: number;
  readonly cost: number;
  readonly margin: number;
  readonly value: number;
}

export interface Change {
  readonly lever: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly priceDelta: number;
  readonly costDelta: number;
  readonly valueDelta: number;
}

export interface Alternative extends Metrics {
  readonly rank: number;
  readonly choice: readonly number[];
  /** Headline discount: 1 − price / the original offer price. */
  readonly discount: Ratio;
  /** Discount off this package's own list: 1 − price / list. Policy applies to this one. */
  readonly listDiscount: Ratio;
  readonly valueLoss: number;
  readonly approver?: string;
  readonly changes: readonly Change[];
}

export interface Answer {
  readonly request: { readonly discount: Ratio; readonly price: number };
  /** null: undecided, the time limit stopped the search before any package was found. */
  readonly feasible: boolean | null;
  readonly alternatives: readonly Alternative[];
  /**
   * False when the time limit stopped a search: the alternatives are the best found.
   * When alternative 1's value equals valueBound, its value is still proven best.
   */
  readonly optimal: boolean;
  /**
   * How many leading alternatives are proven to be exactly the best that many (all of them
   * when the search finished; alternative 1 alone when the solver proved it but the time
   * limit stopped the rest).
   */
  readonly provenCount: number;
  /** No feasible package keeps more value than this (for the gap when not optimal); null: not known. */
  readonly valueBound: number | null;
}

export interface CounterResult extends Answer {
  readonly deal: Deal;
  readonly original: Metrics;
  /** Largest discount that can be met within policy, in basis points (0.01%); null: none. */
  readonly maxDiscountBp: number | null;
  /** When nothing is feasible: what the largest feasible discount takes. */
  readonly atMaxDiscount?: Answer;
}

export const DEFAULT_ALTERNATIVES = 3;
export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** The original offer, as the proposal stands. */
export function originalMetrics(deal: Deal): Metrics {
  const t = totals(deal, currentChoice(deal));
  const price = offerPrice(deal, t.list);
  return { list: t.list, price, cost: t.cost, margin: price - t.cost, value: t.value };
}

/** The counter-offers for a request: pure, exact, deterministic. */
export function counter(deal: Deal, request: Request, options: CounterOptions = {}): CounterResult {
  const ctx = contextOf(deal, options);
  const { original } = ctx;
  // With priced options the largest discount takes searches of its own: a quarter of the time is kept for them.
  const now = ctx.clock();
  const answer = answerFor(priced(ctx.scope.view) ? { ...ctx, deadline: now + ((ctx.deadline - now) * 3) / 4 } : ctx, targetOf(ctx, request));
  const largest = largestDiscount(ctx, answer.alternatives);
  const maxDiscountBp = largest.bp;
  const base = { ...answer, optimal: answer.optimal && largest.complete, deal, original, maxDiscountBp };
  if (answer.feasible !== false || maxDiscountBp === null) return base;
  return { ...base, atMaxDiscount: answerFor(ctx, targetForDiscount(original.price, ratio(maxDiscountBp, 10_000))) };
}

/**
 * counter's alternatives alone, without the largest discount that can be met (searches of
 * its own): for the ladder, the curve and distinct, which ask many questions of one deal.
 */
export function bestPackages(deal: Deal, request: Request, options: CounterOptions = {}): Answer {
  const ctx = contextOf(deal, options);
  return answerFor(ctx, targetOf(ctx, request));
}

const targetOf = (ctx: Context, request: Request): number =>
  request.price !== undefined ? request.price : targetForDiscount(ctx.original.price, request.discount);

function contextOf(deal: Deal, options: CounterOptions): Context {
  const original = originalMetrics(deal);
  if (original.price <= 0) throw new RangeError('the offer price must be positive'); // a rule refuses such files first
  const keep = new Set(options.keep ?? []);
  const scope = restrictScope(deal, {
    movable: deal.levers.map((l) => !l.locked && !keep.has(l.path)),
    addScope: options.addScope ?? false,
    ...(options.from ? { from: options.from } : {}),
  });
  const lim = limits(deal, original.price, original.cost, options.approverCap);
  const clock = options.clock ?? UNTIMED;
  const deadline = clock() + (options.timeLimit ?? DEFAULT_TIME_LIMIT_MS);
  return {
    deal, scope, original, lim, clock, deadline, count: options.alternatives ?? DEFAULT_ALTERNATIVES,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

interface Context {
  readonly deal: Deal;
  readonly scope: Scope;
  readonly original: Metrics;
  readonly lim: Limits;
  readonly clock: () => number;
  readonly deadline: number;
  readonly count: number;
  readonly signal?: { readonly aborted: boolean };
}

function answerFor(ctx: Context, target: number): Answer {
  const { deal, scope, original, lim, count } = ctx;
  const out = search({ ...ctx, deal: scope.view, limits: lim, target, movable: everyLever(scope), count });
  return {
    request: { discount: discountOf(original.price, target), price: target },
    feasible: out.found.length > 0 ? true : out.complete ? false : null,
    alternatives: out.found.map((c, i) => describe(deal, original, { ...c, choice: widen(scope, c.choice) }, i + 1)),
    optimal: out.complete,
    provenCount: out.proven,
    valueBound: out.bound,
  };
}

/** Does some lever's choice move the list total? */
const priced = (deal: Deal): boolean => deal.levers.some((l) => l.options.some((o) => o.price !== l.options[0]!.price));

/** The view leaves each lever only the options it may take, so every lever is free to take them. */
const everyLever = (scope: Scope): boolean[] => scope.view.levers.map(() => true);

/** Every lever whose option differs between two choices, in file order. */
export function changesBetween(deal: Deal, before: Choice, after: Choice): Change[] {
  const changes: Change[] = [];
  deal.levers.forEach((l, j) => {
    if (after[j] === before[j]) return;
    const from = l.options[before[j]!]!;
    const to = l.options[after[j]!]!;
    changes.push({
      lever: l.path, name: l.name, from: from.name, to: to.name,
      priceDelta: to.price - from.price, costDelta: to.cost - from.cost, valueDelta: to.value - from.value,
    });
  });
  return changes;
}

function describe(deal: Deal, original: Metrics, c: Candidate, rank: number): Alternative {
  const changes = changesBetween(deal, currentChoice(deal), c.choice);
  const approver = approverFor(deal, c.list, c.price);
  return {
    rank, choice: c.choice, list: c.list, price: c.price, cost: c.cost, margin: c.margin, value: c.value,
    valueLoss: original.value - c.value, discount: discountOf(original.price, c.price),
    listDiscount: listDiscountOf(c.list, c.price),
    ...(approver !== undefined ? { approver } : {}), changes,
  };
}

/**
 * Largest request, in 0.01% steps, that some configuration meets (the policy caps the
 * discount off each package's list, so removing priced scope may take the headline further).
 * Feasibility only shrinks as the target falls, so a binary search is exact. (Under
 * `preserve` with a negative original cost, where maxCost falls as the price rises, the
 * original offer itself meets every target the cap allows: still a prefix of steps.)
 * Configurations already found are witnesses: while maxCost rises with the price, each
 * keeps meeting targets down to a step of its own, found on its exact numbers alone, and
 * the search skips ahead to it.
 */
function largestDiscount(ctx: Context, witnesses: readonly Metrics[]): { bp: number | null; complete: boolean } {
  const { original, lim } = ctx;
  const deal = ctx.scope.view;
  const hi = 10_000;
  const targetAt = (bp: number) => targetForDiscount(original.price, ratio(bp, 10_000));
  /** The largest step from `bp` up that a witness meeting `bp` still meets. */
  const reach = (w: Metrics, bp: number): number => (lim.line.slope < 0 ? bp : lastStepMet(deal, lim, w, bp, hi));
  let complete = true;
  // The largest step known to be met once `bp` is (bp, or further), or −1 if bp is not met.
  let at: (bp: number) => number;
  if (!priced(deal)) {
    // Without prices that move, the list is fixed and the cheapest configuration decides.
    const list = totals(deal, currentChoice(deal)).list;
    const cheapest = deal.levers.reduce((sum, l) => sum + Math.min(...l.options.map((o) => o.cost)),
      deal.items.reduce((sum, it) => sum + it.cost, 0));
    at = (bp) => {
      const price = Math.min(targetAt(bp), offerPrice(deal, list));
      return lim.listOk(list, price) && cheapest <= lim.maxCost(price) ? bp : -1;
    };
  } else {
    at = (bp) => {
      const out = search({ ...ctx, deal, movable: everyLever(ctx.scope), limits: lim, target: targetAt(bp), count: 1, first: true });
      complete &&= out.complete || out.found.length > 0; // "none found" counts only when proven
      const w = out.found[0];
      return w ? reach(w, bp) : -1;
    };
  }
  let lo = witnesses.reduce((best, w) => (metAt(deal, lim, w, 0) ? Math.max(best, reach(w, 0)) : best), -1);
  if (lo < 0) lo = at(0);
  if (lo < 0) return { bp: null, complete };
  return { bp: largestStep(lo, hi, at), complete };
}
