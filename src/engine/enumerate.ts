import { UNTIMED } from './clock.js';
import { compareCandidates, type Candidate } from './candidate.js';
import { envelope, offerPrice, type Totals } from './pricing.js';
import { exactBound, relax, relaxBlend } from './relax.js';
import { leastListAt, pricedUpgradeSteps, stepUpFits, upgradeSteps } from './steps.js';
import type { SearchInput, SearchOutput } from './search.js';

/**
 * Exact best-K enumeration of minimal feasible configurations, priced options included
 * (`search` hands the unpriced best to the knapsack solver first).
 *
 * Every feasible configuration fits the relaxed knapsack "cost ≤ budget", the largest
 * maxCost over the prices it can have (usually the target's), and with priced options
 * also "cost − κ·list ≤ line" (see Envelope); the relaxation is the tightest blend of the
 * two. Its gaps bound what each option can cost in value; a depth-first search
 * enumerates exactly the configurations whose gaps fit under (bound − threshold), most
 * levers being fixed by that alone, and leaves a branch once no completion can be
 * minimal. The threshold starts at a rounded LP solution and is lowered until the K-th
 * best found lies above it — then nothing unseen can outrank what was found.
 */
export function enumerate(input: SearchInput, free: readonly number[], base: Totals, priced: readonly boolean[]): SearchOutput {
  const { deal, limits, target, count } = input;
  const clock = input.clock ?? UNTIMED;
  const deadline = input.deadline ?? Infinity;
  if (input.signal?.aborted || clock() > deadline) return { found: [], complete: false, proven: 0, bound: null, nodes: 0 };
  const { list: baseList, cost: baseCost, value: baseValue } = base;
  const none: SearchOutput = { found: [], complete: true, proven: 0, bound: null, nodes: 0 };
  const freeLevers = free.map((j) => deal.levers[j]!);
  const listCap = limits.listCap(target);
  const leastList = (l: (typeof freeLevers)[number]) => Math.min(...l.options.map((o) => o.price));
  if (freeLevers.reduce((s, l) => s + leastList(l), baseList) > listCap) return none;
  const anyPriced = priced.some(Boolean);
  const { atTarget, budget, lowCeiling, kappa, intercept, tolerance, lineCap } =
    envelope(deal, limits, target, freeLevers, { list: baseList, cost: baseCost }, anyPriced);

  // Both constraints hold every feasible configuration, and so does any blend of them.
  const byCost = relax(freeLevers, budget - baseCost, baseValue);
  const blend = byCost && lineCap < Infinity
    ? relaxBlend(freeLevers, kappa, (t) => (1 - t) * budget + t * intercept + tolerance - (baseCost - t * kappa * baseList), baseValue)
    : byCost && { theta: 0, lp: byCost };
  if (!byCost || !blend) return none;
  const { lp } = blend;
  const relKappa = blend.theta * kappa; // the relaxation weighs cost − relKappa·price
  const relCap = blend.theta === 0 ? budget : (1 - blend.theta) * budget + blend.theta * intercept + tolerance;

  const m = free.length;
  const steps = freeLevers.map(upgradeSteps);
  const pricedSteps = freeLevers.map((l, i) => (priced[i] ? pricedUpgradeSteps(l) : undefined));
  const targetList = leastListAt(deal, target); // from this list up, every package is priced at the target
  const constantOffer = offerPrice(deal, baseList + freeLevers.reduce((s, l) => s + l.options[0]!.price, 0));
  const found: Candidate[] = [];
  const choice = deal.levers.map((l) => l.current);
  let nodes = 0;
  let timedOut = false;

  // Below this value every configuration has been enumerated.
  const floorValue = freeLevers.reduce((s, l) => s + Math.min(...l.options.map((o) => o.value)), baseValue);
  // Deepen from just under the bound: a round's open levers grow with its allowance, and
  // the best package usually lies far closer to the bound than the greedy incumbent.
  const greedy = valueOf(lp.rounded);
  let threshold = Math.max(greedy, Math.floor(lp.bound) - 1);
  // Once a round completes, every minimal package worth at least its threshold has been seen
  // (its gaps fit the round's allowance), so the packages found above it are the true best.
  let seenDownTo = Infinity;
  for (;;) {
    const roundAllowance = lp.bound - threshold;
    let allowance = roundAllowance;
    runRound();
    if (timedOut) break;
    seenDownTo = threshold;
    const kth = found[count - 1];
    if ((kth && kth.value >= threshold) || threshold <= floorValue || (input.first && found.length > 0)) {
      return { found, complete: true, proven: found.length, bound: Math.floor(lp.bound), nodes };
    }
    threshold = Math.floor(lp.bound - (2 * roundAllowance + 1));

    function runRound(): void {
      // Levers with one option within the allowance are fixed for this round.
      const open: number[] = [];
      const isOpen = new Uint8Array(m);
      const allowed: number[][] = [];
      let forcedList = 0;
      let forcedCost = 0;
      let forcedValue = 0;
      let forcedGap = 0;
      let forcedChanges = 0;
      let forcedStep = Infinity;
      let [forcedPStep, forcedPList] = [Infinity, Infinity]; // the cheapest priced step up, and its list
      const checked: number[] = []; // levers whose upgrades the leaf must test one by one
      for (let i = 0; i < m; i++) {
        const g = lp!.gaps[i]!;
        const opts: number[] = [];
        for (let o = 0; o < g.length; o++) if (g[o]! <= allowance) opts.push(o);
        if (opts.length > 1) {
          open.push(i);
          isOpen[i] = 1;
          allowed.push(opts.sort((a, b) => g[a]! - g[b]!)); // cheapest in value first: good packages early
          checked.push(i);
        } else {
          const x = opts[0]!;
          const o = freeLevers[i]!.options[x]!;
          choice[free[i]!] = x;
          forcedList += o.price;
          forcedCost += o.cost;
          forcedValue += o.value;
          forcedGap += g[x]!;
          if (x !== freeLevers[i]!.current) forcedChanges++;
          if (!priced[i]) forcedStep = Math.min(forcedStep, steps[i]![x]!);
          else {
            checked.push(i);
            const { cost: c, list: l } = pricedSteps[i]!;
            if (c[x]! < forcedPStep || (c[x] === forcedPStep && l[x]! < forcedPList)) [forcedPStep, forcedPList] = [c[x]!, l[x]!];
          }
        }
      }
      const depth = open.length;
      // Flat per-depth tables keep the hot loop free of object look-ups.
      const width = allowed.map((a) => a.length);
      const at = (d: number, k: number) => freeLevers[open[d]!]!.options[allowed[d]![k]!]!;
      const gapOf = allowed.map((a, d) => Float64Array.from(a, (o) => lp!.gaps[open[d]!]![o]!));
      const costOf = allowed.map((a, d) => Float64Array.from(a, (_, k) => at(d, k).cost));
      const priceOf = allowed.map((a, d) => Float64Array.from(a, (_, k) => at(d, k).price));
      const weigh = (kap: number) => (kap === 0 ? costOf : costOf.map((c, d) => c.map((x, k) => x - kap * priceOf[d]![k]!)));
      const weightOf = weigh(kappa);
      const relWeightOf = weigh(relKappa);
      const stepOf = allowed.map((a, d) => Float64Array.from(a, (o) => (priced[open[d]!] ? Infinity : steps[open[d]!]![o]!)));
      const pStepOf = allowed.map((a, d) => Float64Array.from(a, (o) => pricedSteps[open[d]!]?.cost[o] ?? Infinity));
      const pListOf = allowed.map((a, d) => Float64Array.from(a, (o) => pricedSteps[open[d]!]?.list[o] ?? Infinity));
      const minRest = suffix(costOf, Math.min);
      const maxRest = suffix(costOf, Math.max);
      const minListRest = suffix(priceOf, Math.min);
      const maxListRest = suffix(priceOf, Math.max);
      const minWeightRest = suffix(weightOf, Math.min);
      const maxRelRest = suffix(relWeightOf, Math.max);
      const lambda = lp!.lambda * (1 - 1e-12);
      const pick = new Int32Array(depth + 1).fill(-1);
      const sumList = new Float64Array(depth + 1);
      const sumCost = new Float64Array(depth + 1);
      const sumValue = new Float64Array(depth + 1);
      const sumGap = new Float64Array(depth + 1);
      const minStep = new Float64Array(depth + 1); // cheapest upgrade of an unpriced lever so far
      const pStep = new Float64Array(depth + 1).fill(forcedPStep); // cheapest priced step up so far, and its list
      const pList = new Float64Array(depth + 1).fill(forcedPList);
      sumList[0] = baseList + forcedList;
      sumCost[0] = baseCost + forcedCost;
      sumValue[0] = baseValue + forcedValue;
      sumGap[0] = forcedGap;
      minStep[0] = forcedStep;

      let d = 0;
      while (d >= 0 && !(input.first && found.length > 0)) {
        if ((++nodes & 4095) === 0 && (input.signal?.aborted || clock() > deadline)) {
          timedOut = true;
          return;
        }
        if (d === depth) {
          leaf(sumList[d]!, sumCost[d]!, sumValue[d]!);
          d--;
          continue;
        }
        const k = ++pick[d]!;
        if (k >= width[d]!) {
          pick[d] = -1;
          d--;
          continue;
        }
        const gap = sumGap[d]! + gapOf[d]![k]!;
        if (gap > allowance) { // options are sorted by gap: none further along fits either
          pick[d] = -1;
          d--;
          continue;
        }
        const cost = sumCost[d]! + costOf[d]![k]!;
        if (cost + minRest[d + 1]! > budget) continue;
        const list = sumList[d]! + priceOf[d]![k]!;
        if (list + minListRest[d + 1]! > listCap) continue;
        if (lineCap < Infinity && cost - kappa * list + minWeightRest[d + 1]! > lineCap) continue;
        if (gap + lambda * Math.max(0, relCap - (cost - relKappa * list + maxRelRest[d + 1]!)) > allowance) continue;
        // A completion leaves a slack of at least lowCeiling − (cost + maxRest): once that
        // covers an unpriced lever's upgrade, no completion is minimal. This is what keeps
        // a loose budget, where nearly nothing is minimal, from enumerating everything.
        const step = Math.min(minStep[d]!, stepOf[d]![k]!);
        if (step <= lowCeiling - (cost + maxRest[d + 1]!)) continue;
        const newer = pStepOf[d]![k]! < pStep[d]! || (pStepOf[d]![k] === pStep[d] && pListOf[d]![k]! < pList[d]!);
        const ps = newer ? pStepOf[d]![k]! : pStep[d]!;
        const pl = newer ? pListOf[d]![k]! : pList[d]!;
        // Every completion priced at the target: a step up whose cost fits the least slack, and
        // (priced) whose list fits the cap, fits every one of them, so none is minimal.
        if (anyPriced && list + minListRest[d + 1]! >= targetList) {
          const room = atTarget - (cost + maxRest[d + 1]!);
          if (step <= room || (ps <= room && list + maxListRest[d + 1]! + pl <= listCap)) continue;
        }
        const o = at(d, k);
        choice[free[open[d]!]!] = allowed[d]![k]!;
        sumList[d + 1] = list;
        sumCost[d + 1] = cost;
        sumValue[d + 1] = sumValue[d]! + o.value;
        sumGap[d + 1] = gap;
        minStep[d + 1] = step;
        pStep[d + 1] = ps;
        pList[d + 1] = pl;
        d++;
      }

      function leaf(list: number, cost: number, value: number): void {
        const offer = anyPriced ? offerPrice(deal, list) : constantOffer;
        const price = Math.min(target, offer);
        if (!limits.listOk(list, price)) return;
        const ceiling = price === target ? atTarget : limits.maxCost(price);
        if (cost > ceiling) return;
        const slack = ceiling - cost;
        if (forcedStep <= slack) return;
        let changes = forcedChanges;
        for (const i of checked) {
          const x = choice[free[i]!]!;
          if (isOpen[i] === 1 && x !== freeLevers[i]!.current) changes++;
          if (!priced[i]) {
            if (steps[i]![x]! <= slack) return;
            continue;
          }
          if (stepUpFits({ deal, limits, target }, freeLevers[i]!, x, list, cost)) return;
        }
        insert({ choice: choice.slice(), list, price, cost, value, margin: price - cost, changes });
      }

      function insert(c: Candidate): void {
        let at = found.length;
        while (at > 0 && compareCandidates(c, found[at - 1]!) < 0) at--;
        if (at >= count || (at > 0 && compareCandidates(c, found[at - 1]!) === 0)) return; // seen in an earlier round
        found.splice(at, 0, c);
        if (found.length > count) found.pop();
        if (found.length === count) allowance = Math.min(allowance, lp!.bound - found[count - 1]!.value);
      }
    }
  }
  const proven = exactBound(freeLevers, budget - baseCost, baseValue, byCost.slope);
  const seen = found.findIndex((c) => c.value < seenDownTo);
  return { found, complete: false, proven: seen < 0 ? found.length : seen, bound: Math.min(Math.floor(lp.bound), proven), nodes };

  function valueOf(picks: readonly number[]): number {
    return picks.reduce((s, o, i) => s + freeLevers[i]!.options[o]!.value, baseValue);
  }
}

/** Per depth, the sum over the levers from there on of each one's least (or largest) entry. */
function suffix(rows: readonly Float64Array[], pick: (...xs: number[]) => number): Float64Array {
  const out = new Float64Array(rows.length + 1);
  for (let d = rows.length - 1; d >= 0; d--) out[d] = out[d + 1]! + pick(...rows[d]!);
  return out;
}
