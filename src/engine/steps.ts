import type { Deal, DealLever } from './deal.js';
import { offerPrice, type Limits } from './pricing.js';
import { floorDiv } from './ratio.js';

/**
 * What a minimal package must withstand: no single lever can step up in value and stay
 * within policy. The enumeration leaves a branch once some step is sure to fit every
 * completion of it (its cost within the least slack, its list within the cap).
 */

/**
 * The cheapest step up in value from each option of a lever: a configuration is
 * minimal only if its slack is below every such step (for levers without prices).
 * By value descending with a running minimum of cost: O(n log n), not a scan per option.
 */
export function upgradeSteps(l: DealLever): Float64Array {
  const byValue = l.options.map((_, i) => i).sort((a, b) => l.options[b]!.value - l.options[a]!.value);
  const steps = new Float64Array(l.options.length);
  let cheapestAbove = Infinity; // least cost among options of strictly higher value
  for (let s = 0; s < byValue.length;) {
    let e = s;
    while (e < byValue.length && l.options[byValue[e]!]!.value === l.options[byValue[s]!]!.value) e++;
    for (let t = s; t < e; t++) steps[byValue[t]!] = cheapestAbove - l.options[byValue[t]!]!.cost;
    for (let t = s; t < e; t++) cheapestAbove = Math.min(cheapestAbove, l.options[byValue[t]!]!.cost);
    s = e;
  }
  return steps;
}

/** Levers with more options than this get no priced steps (never a wrong prune, only a weaker one). */
const PRICED_STEP_OPTIONS = 64;

/**
 * For a lever whose options carry prices: per option, the cheapest step up in value (in
 * cost) among options priced no lower, and what that step adds to the list. Such a step
 * keeps a package priced at the target priced there, so it fits whenever its cost fits the
 * slack and its list the cap. Quadratic, hence only for levers of a few options.
 */
export function pricedUpgradeSteps(l: DealLever): { readonly cost: Float64Array; readonly list: Float64Array } {
  const n = l.options.length;
  const cost = new Float64Array(n).fill(Infinity);
  const list = new Float64Array(n).fill(Infinity);
  if (n > PRICED_STEP_OPTIONS) return { cost, list };
  l.options.forEach((from, x) => {
    for (const to of l.options) {
      if (to.value <= from.value || to.price < from.price) continue;
      const dc = to.cost - from.cost;
      const dl = to.price - from.price;
      if (dc < cost[x]! || (dc === cost[x] && dl < list[x]!)) [cost[x], list[x]] = [dc, dl];
    }
  });
  return { cost, list };
}

/** The least list total whose offer price reaches `target`: offer(L) = ⌊L·(1 − d)⌋ ≥ T. */
export function leastListAt(deal: Deal, target: number): number {
  const { num, den } = deal.discount;
  if (den === num) return Infinity;
  return Number(-floorDiv(-BigInt(target) * den, den - num));
}

/** Can lever `l` step up in value from option `x` and keep a package (list, cost) within policy? */
export function stepUpFits(
  at: { readonly deal: Deal; readonly limits: Limits; readonly target: number }, l: DealLever, x: number, list: number, cost: number,
): boolean {
  const from = l.options[x]!;
  return l.options.some((to) => {
    if (to.value <= from.value) return false;
    const toList = list - from.price + to.price;
    const p = Math.min(at.target, offerPrice(at.deal, toList));
    return at.limits.listOk(toList, p) && cost - from.cost + to.cost <= at.limits.maxCost(p);
  });
}
