import { better, flatten, narrow, Stopped, ticker, type Budget, type Knapsack, type Tick, type KnapsackResult, type Package } from './knapsack.js';
import { reduced, relaxation, type Lp } from './lp.js';
import { fill, greedy, onFace } from './incumbents.js';
import { exactBound } from './bound.js';
import { Adjust } from './adjust.js';
import { Gradients } from './gradients.js';
import { Reverts } from './reverts.js';
import { Shedding } from './shedding.js';
import { Counts } from './counts.js';
import { exchange } from './exchange.js';
import { fewerChanges } from './ties.js';
import { borrow, giveBack, type Workspace } from './workspace.js';
import { normalize } from './normalize.js';

// Far above the rounding error of the float sums below (about 2e-16 × terms × magnitude).
const WIDEN = 1e-9;

/**
 * Exact multiple-choice knapsack after Pisinger's minimal algorithm (mcknap), in its
 * smallest integers (see normalize.ts): the LP
 * relaxation gives λ and a package within capacity at once (then filled greedily: the
 * first incumbent); a dynamic programme then adds levers one by one in mcknap's order
 * (see Gradients) over non-dominated partial packages, each lever's options multiplied
 * into the list by pairwise merges (see Product). Every lever not yet added sits at its
 * start option; a state is dropped unless its gradient bound lets it beat the incumbent:
 * more value, or as much for less cost (margin), or as much for the same cost with fewer
 * changes (floors from Shedding and Reverts). An option whose λ-gap exceeds what the
 * bound leaves is never added. The search ends once no state is left: the incumbent is
 * then proven under the whole order.
 */
export function solveKnapsack(original: Knapsack, budget: Budget = {}): KnapsackResult {
  const { problem, restore } = normalize(original);
  return restore(solveNormalized(problem, budget));
}

function solveNormalized(problem: Knapsack, budget: Budget): KnapsackResult {
  const tick = ticker(budget);
  const progress: Progress = { states: 0 };
  const ws = borrow();
  try {
    return run(problem, tick, progress, ws);
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    const bound = progress.lp ? Math.min(exactBound(problem, progress.lp.slope), progress.steps ?? Infinity) : null;
    return { status: 'stopped', ...(progress.best ? { best: progress.best } : {}), bound, states: progress.states };
  } finally {
    giveBack(ws);
  }
}

interface Progress {
  best?: Package;
  lp?: Lp;
  /** The cardinality bound, when it is exact (see Counts). */
  steps?: number | undefined;
  states: number;
}

function run(problem: Knapsack, tick: Tick, progress: Progress, ws: Workspace): KnapsackResult {
  const f = flatten(problem, ws);
  const { k, at, cost, value, current, capacity: W } = f;
  const lp = relaxation(f, tick, ws);
  if (lp.cheapest > W) return { status: 'infeasible', bound: null, states: 0 };
  progress.lp = lp;
  const { lambda, hull, hullAt, lower } = lp;
  let upper = lambda * W;
  for (let j = 0; j < k; j++) upper += lp.top[j]!;
  const tol = WIDEN * lp.magnitude + 1e-6;
  const flatTol = tol / (k + 1);
  // The λ bound, for whole options at once: one whose gap exceeds the room a package
  // (value v, cost c) leaves cannot be part of a package better than it.
  const thresholdOf = (v: number, c: number): number => v + Math.min(1, lambda * (W - c)) - tol;
  let lowerValue = 0;
  let lowerCost = 0;
  for (let j = 0; j < k; j++) {
    lowerValue += value[at[j]! + lower[j]!]!;
    lowerCost += cost[at[j]! + lower[j]!]!;
  }
  // Rooms only shrink as the incumbent improves: the options within the LP package's are all
  // the incumbents and the search may need. A fill counts only if it beats the LP package
  // (the first incumbent is its fill), so it looks at those alone (see fill).
  const gaps = ws.floats(2, cost.length);
  let options = reduced(f, lp, gaps, Math.max(flatTol, upper + tol - thresholdOf(lowerValue, lowerCost)), lower, tick);
  const filled = (choice: Int32Array): Package => fill(f, choice, tick, options);
  let best = greedy(f, lp, filled);
  progress.best = best;
  const threshold = (): number => thresholdOf(best.value, best.cost);
  const face = onFace(f, lp, gaps, narrow(options, gaps, flatTol), flatTol, filled, tick);
  if (face && better(face, best)) best = progress.best = face;
  // The DP starts from the LP's options, but from the current one wherever that is as good
  // for the bound: then a package's changes can only grow as levers are added.
  const base = lp.lower.slice();
  const slack = new Float64Array(k); // the start option's own float gap
  const shed = new Float64Array(k); // the cost a lever can shed below its start option
  let [baseCost, baseValue, baseChanges] = [0, 0, 0];
  for (let j = 0; j < k; j++) {
    if (gaps[at[j]! + current[j]!]! <= flatTol) base[j] = current[j]!;
    const b = at[j]! + base[j]!;
    slack[j] = gaps[b]!;
    shed[j] = cost[b]! - cost[at[j]! + hull[hullAt[j]!]!]!; // each hull starts at the lever's cheapest option
    baseCost += cost[b]!;
    baseValue += value[b]!;
    if (base[j] !== current[j]) baseChanges++;
  }
  const counts = new Counts(problem.levers, lp.hull.length, base);
  counts.keepIfBelow(baseValue, baseCost, W, upper);
  progress.steps = counts.exact;
  // Where the cardinality bound is on, every unit of capacity counts: exchanges fill it.
  if (counts.active && best.value < Math.floor(upper)) best = progress.best = exchange(f, best, gaps, upper + tol - best.value, tick);
  // There a tie with fewer changes than the fill's is built from the changes floor (see ties.ts).
  let fewest = 0; // a floor on the changes of any package worth best.value or more within best.cost, while `tie` stands
  if (counts.active) ({ best, fewest } = fewerChanges(problem, best, counts.mu, counts.nu, lambda, tick));
  progress.best = best;
  const tie = best;
  options = narrow(options, gaps, upper + tol - threshold(), Int32Array.from(base, (b, j) => at[j]! + b));
  // Among equal gradients, the levers that can shed most first (see Shedding).
  const grads = new Gradients(f, base, options, shed, tick);
  const { order } = grads;
  // The tighter of the gradient and the cardinality bound (see Counts, which tracks t itself).
  // (Booleans rather than the bound itself: a double returned from a call not inlined is boxed, once per state.)
  const reaches = (v: number, c: number, x: number, t: number, target: number): boolean =>
    grads.reaches(v, c, x, t, target) && (!counts.active || counts.reach(v, c, x) >= target);
  const shedding = new Shedding(Float64Array.from(order, (j) => shed[j]!));
  const reduceAfter = new Float64Array(k + 1); // cost the levers from position t on could still shed
  const slackAfter = new Float64Array(k + 1);
  const revertAfter = new Int32Array(k + 1); // changes they could still undo
  const gainAfter = new Float64Array(k + 1); // the most value they can still add
  for (let t = k - 1; t >= 0; t--) {
    const j = order[t]!;
    reduceAfter[t] = reduceAfter[t + 1]! + shed[j]!;
    slackAfter[t] = slackAfter[t + 1]! + slack[j]!;
    revertAfter[t] = revertAfter[t + 1]! + (base[j] !== current[j] ? 1 : 0);
    gainAfter[t] = gainAfter[t + 1]! + value[at[j]! + hull[hullAt[j + 1]! - 1]!]! - value[at[j]! + base[j]!]!;
  }
  // Undoing a lever's change costs the reduced gap of its current option over its start one.
  const reverts = new Reverts(Float64Array.from(base, (b, j) => (b === current[j] ? Infinity : gaps[at[j]! + current[j]!]! - slack[j]!)));
  // The fewest changes a state can end with once it sheds `excess` among the levers from t
  // on: m moves at least, of which at most R (those off `current`) undo a change.
  const fewestChanges = (ch: number, excess: number, t: number, r: number): number => {
    const m = excess > 0 ? shedding.fewest(excess, t) : 0;
    return m <= r ? ch - r : ch + m - 2 * r;
  };
  // Can a state, with the levers from t on still to add, beat the incumbent: more value,
  // or as much for less cost (margin), or as much for the same cost with fewer changes?
  const canBeat = (v: number, c: number, ch: number, t: number): boolean => {
    if (v + gainAfter[t]! < best.value) return false;
    if (reaches(v, c, W, t, best.value + 1) || reaches(v, c, best.cost - 1, t, best.value)) return true;
    if (!reaches(v, c, best.cost, t, best.value) || (best === tie && fewest >= best.changes)) return false;
    const spare = v + lambda * (best.cost - c) + slackAfter[t]! + tol - best.value;
    const back = Math.min(revertAfter[t]!, counts.revertible(v, c, best.cost, best.value));
    if (spare < 0 || fewestChanges(ch, c - best.cost, t, back) >= best.changes) return false;
    const up = lambda > 0 ? (best.value - v - tol - slackAfter[t]!) / lambda : 0; // the cost a tie must still add
    if (!Number.isNaN(stale)) {
      adjust.reset(gaps, stale, tick);
      stale = NaN;
    }
    return ch - Math.min(back, reverts.most(spare)) + adjust.fewest(up, c - best.cost, t) < best.changes;
  };
  const adjust = new Adjust(f, base, order, options);
  // `adjust` is recounted (when first needed) for the room each new incumbent leaves.
  let known = { value: NaN, cost: NaN };
  let stale = NaN;

  const { product, arena } = ws;
  arena.clear();
  let cur = product.take();
  cur.push(baseCost, baseValue, baseChanges, -1);
  const improve = (): void => {
    // States rise in value with cost: the last one within capacity is the best complete package here.
    let i = cur.n - 1;
    while (i >= 0 && cur.cost[i]! > W) i--;
    if (i < 0) return;
    const found = { value: cur.value[i]!, cost: cur.cost[i]!, changes: cur.changes[i]! };
    if (!better(found, best)) return;
    best = { ...found, choice: arena.choice(base, cur.rec[i]!) };
    progress.best = best;
  };
  improve();
  for (let t = 0; t < k && cur.n > 0; t++) {
    const j = order[t]!;
    reverts.remove(j);
    counts.remove(j);
    const room = upper + tol - threshold();
    if (best.value !== known.value || best.cost !== known.cost) [known, stale] = [best, room];
    const o0 = at[j]!;
    const allowed: number[] = [];
    for (let i = options.from[j]!; i < options.from[j + 1]!; i++) {
      const o = options.option[i]!;
      if (o === o0 + base[j]! || gaps[o]! <= room) allowed.push(o);
    }
    if (allowed.length === 1) continue; // the lever stays at its start option in every better package
    allowed.sort((a, b) => gaps[a]! - gaps[b]! || a - b);
    const thr = threshold() - slackAfter[t + 1]!;
    const b0 = o0 + base[j]!;
    const c0 = cost[b0]!;
    const v0 = value[b0]!;
    const gb = gaps[b0]!;
    const cur0 = o0 + current[j]!;
    const moved0 = b0 !== cur0 ? 1 : 0;
    const runs = allowed.map(() => product.take());
    for (const run of runs) run.reserve(cur.n);
    for (let i = 0; i < cur.n; i++) {
      // A new state reaches what its parent does, less the option's gap: options come by
      // gap, so the first that falls short ends this state's options.
      const parentReach = cur.value[i]! + lambda * (W - cur.cost[i]!) + gb + tol;
      tick(allowed.length);
      for (let r = 0; r < allowed.length; r++) {
        const o = allowed[r]!;
        if (parentReach - gaps[o]! < thr) break;
        const c = cur.cost[i]! + cost[o]! - c0;
        if (c - reduceAfter[t + 1]! > W) continue;
        // Written in place rather than pushed: a call not inlined would box both doubles.
        const run = runs[r]!;
        const n = run.n++;
        run.cost[n] = c;
        run.value[n] = cur.value[i]! + value[o]! - v0;
        run.changes[n] = cur.changes[i]! + (o !== cur0 ? 1 : 0) - moved0;
        run.rec[n] = cur.rec[i]!;
        run.tag[n] = r;
      }
    }
    product.give(cur);
    cur = product.merge(runs, tick);
    // The bound is tested only on the states the merge keeps: most new ones are dominated.
    cur.retain((i) => canBeat(cur.value[i]!, cur.cost[i]!, cur.changes[i]!, t + 1));
    for (let i = 0; i < cur.n; i++) {
      const o = allowed[cur.tag[i]!]! - o0;
      if (o !== base[j]) cur.rec[i] = arena.add(j, o, cur.rec[i]!);
    }
    progress.states += cur.n;
    improve();
  }
  return { status: 'optimal', best, bound: best.value, states: progress.states };
}
