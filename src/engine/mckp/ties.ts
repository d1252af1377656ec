import { packageOf, type Knapsack, type KnapsackLever, type Move, type Package } from './knapsack.js';

// Multipliers tried for the floor (quantiles of the levers' own slopes), then golden-section rounds between them.
const LAMBDAS = 64;
const GOLDEN = 24;
// Counts of levers tried for a tie, from the floor up.
const TRIES = 16;
// Lever looks the construction may spend in all (a few hundred milliseconds), so that it never costs more than it saves.
const WORK = 30_000_000;
// Candidates for the last step before the exact moves.
const LAST = 32;

/** The package, and a floor on the changes of every package worth as much within its cost. */
export interface Tie {
  readonly best: Package;
  readonly fewest: number;
}

/**
 * A tie of the incumbent (the same value and cost) with fewer changes, built rather than
 * searched. For a multiplier λ > 0 every package worth ≥ z within cost c* has
 * Σ (v − λc) ≥ z − λc*, so the levers it moves must make up that much over their current
 * options: at least m of them, m counted from the largest gains (the floor). The package
 * moving just those m levers, each to its best option for λ, is close to the tie; one
 * lever step at a time brings its steps (value − μ·cost, in units of ν: see Counts) to the
 * tie's, then one or two steps make up the cost exactly. The first m that works, from the
 * floor up (TRIES of them at most), wins; the m levers never go back to their current option.
 * The largest floor found comes back with the package: it holds for every package worth
 * ≥ z within c*, so while the package stands no state that can only tie it is worth keeping.
 */
export function fewerChanges(problem: Knapsack, best: Package, mu: number, nu: number, lambda0: number, tick: () => void): Tie {
  // The LP's own λ first: where its floor already meets the incumbent, no tie has fewer changes.
  const first = lambda0 > 0 ? floor(problem.levers, best, lambda0, tick).m : 0;
  if (first >= best.changes) return { best, fewest: exactFloor(problem.levers, best, lambda0) };
  const top = strongest(problem.levers, best, tick);
  // The floats chose λ; the floor that decides is counted again in integers at that λ.
  const fewest = top.m > first ? exactFloor(problem.levers, best, top.lambda) : first > 0 ? exactFloor(problem.levers, best, lambda0) : 0;
  if (top.m < 0 || fewest >= best.changes) return { best, fewest };
  const { order, option } = floor(problem.levers, best, top.lambda, tick);
  const spend = { left: WORK };
  for (let m = top.m; m < Math.min(best.changes, top.m + TRIES) && spend.left > 0; m++) {
    const found = build(problem, best, order.slice(0, m), option, mu, nu, spend, tick);
    if (found) return { best: found, fewest };
  }
  return { best, fewest };
}

/** The λ of the largest floor (m −1 when none is finite): quantiles of the slopes, then a golden-section search on the fractional count. */
function strongest(levers: readonly KnapsackLever[], best: Package, tick: () => void): { m: number; lambda: number } {
  let top = { m: -1, lambda: 0, frac: -1 };
  const at = (lambda: number): number => {
    const { m, frac } = floor(levers, best, lambda, tick);
    if (m < Infinity && (m > top.m || (m === top.m && frac > top.frac))) top = { m, lambda, frac };
    return m < Infinity ? frac : -1;
  };
  const coarse = multipliers(levers);
  coarse.forEach(at);
  const i = coarse.indexOf(top.lambda);
  if (i < 0) return top;
  let [lo, hi] = [coarse[Math.max(0, i - 1)]!, coarse[Math.min(coarse.length - 1, i + 1)]!];
  for (let r = 0; r < GOLDEN; r++) {
    const [a, b] = [hi - 0.618 * (hi - lo), lo + 0.618 * (hi - lo)];
    if (at(a) >= at(b)) hi = b;
    else lo = a;
  }
  return top;
}

/**
 * The fewest levers a package worth ≥ best.value within best.cost moves, by the bound for
 * λ (Infinity: no such package); the levers by gain, each with its best option for λ.
 */
export function floor(levers: readonly KnapsackLever[], best: Package, lambda: number, tick: () => void) {
  let need = best.value - lambda * best.cost;
  let size = Math.abs(best.value) + Math.abs(lambda * best.cost);
  const gain = new Float64Array(levers.length);
  const option = new Int32Array(levers.length);
  levers.forEach((l, j) => {
    tick();
    const at = l.value[l.current]! - lambda * l.cost[l.current]!;
    need -= at;
    size += Math.abs(l.value[l.current]!) + Math.abs(lambda * l.cost[l.current]!);
    gain[j] = -Infinity;
    for (let o = 0; o < l.cost.length; o++) {
      const g = l.value[o]! - lambda * l.cost[o]! - at;
      if (o !== l.current && g > gain[j]!) [gain[j], option[j]] = [g, o];
    }
  });
  const order = Array.from(gain.keys()).sort((a, b) => gain[b]! - gain[a]!);
  // Only a guide for the construction, yet a true floor: widened far above the sums' rounding error.
  const tol = 1e-12 * size + 1e-9;
  let [m, part] = [0, 0];
  for (; need > tol && m < order.length && gain[order[m]!]! > 0; m++) {
    part = need / gain[order[m]!]!;
    need -= gain[order[m]!]!;
  }
  // `frac`, the levers counted with the last one in part, is smooth enough in λ to search.
  return { m: need > tol ? Infinity : m, frac: m - 1 + part, order, option };
}

/**
 * floor()'s m for the same λ, counted exactly: λ is the dyadic rational P/Q the double
 * holds, and every sum is a BigInt. This is the floor a proof may rest on.
 */
export function exactFloor(levers: readonly KnapsackLever[], best: Package, lambda: number): number {
  const [P, Q] = dyadic(lambda);
  const worth = (v: number, c: number) => BigInt(v) * Q - P * BigInt(c);
  let need = worth(best.value, best.cost);
  const gains: bigint[] = [];
  for (const l of levers) {
    const at = worth(l.value[l.current]!, l.cost[l.current]!);
    need -= at;
    let gain: bigint | undefined;
    for (let o = 0; o < l.cost.length; o++) {
      const g = worth(l.value[o]!, l.cost[o]!) - at;
      if (o !== l.current && (gain === undefined || g > gain)) gain = g;
    }
    if (gain !== undefined && gain > 0n) gains.push(gain);
  }
  gains.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  let m = 0;
  for (; need > 0n && m < gains.length; m++) need -= gains[m]!;
  return need > 0n ? Infinity : m;
}

/** A finite double ≥ 0 as the exact fraction P/Q (Q a power of two) it holds. */
function dyadic(x: number): [bigint, bigint] {
  let k = 0n;
  while (!Number.isInteger(x)) {
    x *= 2; // exact: a doubling only moves the exponent
    k++;
  }
  return [BigInt(x), 1n << k];
}

function multipliers(levers: readonly KnapsackLever[]): number[] {
  const slopes: number[] = [];
  for (const l of levers) {
    for (let o = 1; o < l.cost.length; o++) {
      const dc = l.cost[o]! - l.cost[o - 1]!;
      if (dc !== 0 && (l.value[o]! - l.value[o - 1]!) / dc > 0) slopes.push((l.value[o]! - l.value[o - 1]!) / dc);
    }
  }
  slopes.sort((a, b) => a - b);
  const n = Math.min(LAMBDAS, slopes.length);
  return Array.from({ length: n }, (_, i) => slopes[Math.floor(((i + 0.5) * slopes.length) / n)]!);
}

/** The tie moving exactly `chosen` (each starting at `option`), if steps and one or two exact moves find it. */
function build(problem: Knapsack, best: Package, chosen: number[], option: Int32Array, mu: number, nu: number, spend: { left: number }, tick: () => void): Package | undefined {
  const { levers } = problem;
  const choice = Int32Array.from(levers, (l) => l.current);
  for (const j of chosen) choice[j] = option[j]!;
  let [rc, rv] = [best.cost, best.value];
  levers.forEach((l, j) => ([rc, rv] = [rc - l.cost[choice[j]!]!, rv - l.value[choice[j]!]!]));
  const steps = new Map(chosen.map((j) => [j, moves(levers, j, choice)]));
  for (let q = Math.round((rv - mu * rc) / nu), guard = 0; Math.abs(q) > 1 && guard < levers.length; guard++) {
    let pick: Move | undefined;
    let score = Infinity;
    if ((spend.left -= steps.size) < 0) return undefined;
    for (const list of steps.values()) {
      tick();
      for (const m of list) {
        const d = Math.round((m.dv - mu * m.dc) / nu);
        const s = Math.abs(m.dc / d - rc / q);
        if (d !== 0 && Math.sign(d) === Math.sign(q) && Math.abs(d) <= Math.abs(q) && s < score) [pick, score] = [m, s];
      }
    }
    if (!pick) return undefined;
    choice[pick.lever] = pick.option;
    steps.set(pick.lever, moves(levers, pick.lever, choice));
    [rc, rv] = [rc - pick.dc, rv - pick.dv];
    q = Math.round((rv - mu * rc) / nu);
  }
  const last = finish([...steps.values()].flat(), rc, rv, (m) => Math.round((m.dv - mu * m.dc) / nu), tick);
  if (!last) return undefined;
  for (const m of last) choice[m.lever] = m.option;
  const tie = packageOf(problem, choice);
  return tie.value === best.value && tie.cost === best.cost && tie.changes < best.changes ? tie : undefined;
}

/**
 * The last moves, all of distinct levers: the step left (if any, its cost nearest to what
 * is left, among the first LAST) and then no move, one or two adding exactly the rest.
 */
function finish(all: Move[], dc: number, dv: number, stepsOf: (m: Move) => number, tick: () => void): Move[] | undefined {
  const byCost = new Map<number, Move[]>();
  for (const m of all) (byCost.get(m.dc) ?? byCost.set(m.dc, []).get(m.dc)!).push(m);
  const one = (c: number, v: number, not: number[]) => byCost.get(c)?.find((m) => m.dv === v && !not.includes(m.lever));
  const exact = (c: number, v: number, not: number[]): Move[] | undefined => {
    if (c === 0 && v === 0) return [];
    const single = one(c, v, not);
    if (single) return [single];
    for (const m of all) {
      tick();
      const other = not.includes(m.lever) ? undefined : one(c - m.dc, v - m.dv, [...not, m.lever]);
      if (other) return [m, other];
    }
    return undefined;
  };
  const q = stepsOf({ lever: -1, option: -1, dc, dv });
  if (q === 0) return exact(dc, dv, []);
  const lasts = all.filter((m) => stepsOf(m) === q).sort((a, b) => Math.abs(dc - a.dc) - Math.abs(dc - b.dc));
  for (const m of lasts.slice(0, LAST)) {
    const rest = exact(dc - m.dc, dv - m.dv, [m.lever]);
    if (rest) return [m, ...rest];
  }
  return undefined;
}

/** The lever's steps to its options next dearer and next cheaper, never back to the current one. */
function moves(levers: readonly KnapsackLever[], j: number, choice: Int32Array): Move[] {
  const l = levers[j]!;
  const x = choice[j]!;
  let [up, down] = [-1, -1];
  for (let o = 0; o < l.cost.length; o++) {
    if (o === l.current || o === x) continue;
    const c = l.cost[o]!;
    if (c >= l.cost[x]! && (up < 0 || c < l.cost[up]! || (c === l.cost[up]! && l.value[o]! > l.value[up]!))) up = o;
    if (c <= l.cost[x]! && (down < 0 || c > l.cost[down]! || (c === l.cost[down]! && l.value[o]! > l.value[down]!))) down = o;
  }
  return [up, down].filter((o) => o >= 0).map((o) => ({ lever: j, option: o, dc: l.cost[o]! - l.cost[x]!, dv: l.value[o]! - l.value[x]! }));
}
