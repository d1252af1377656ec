import type { Knapsack, KnapsackLever, KnapsackResult, Package } from './knapsack.js';

/**
 * The knapsack the solver works on: the same one in its smallest integers, with every
 * lever's current option one of its own.
 *
 * Each lever's costs and values less the lever's least, divided by the greatest common
 * divisor over all levers, and the capacity likewise (rounded down, which is exact since
 * every reduced sum is a whole number). The solver proves "nothing worth one more" and
 * "nothing one cheaper": in minor units a deal priced in whole dollars moves by 100 at a
 * time, and those proofs would otherwise walk through the 99 values between.
 *
 * A lever with no current option (current −1: every option it may take is a change, as
 * in a Lawler–Murty subspace that forbids it) gets one made up: dearer and worth less than
 * every real option, so no package better than another holds it, and a stopped search's
 * package that still does is mended by the lever's cheapest option (cheaper and worth
 * more). The solver then never indexes an option that is not there.
 */
export interface Normalized {
  readonly problem: Knapsack;
  /** The solver's result on `problem`, in the original amounts and options. */
  restore(result: KnapsackResult): KnapsackResult;
}

export function normalize(problem: Knapsack): Normalized {
  const phantom = problem.levers.some((l) => !(l.current >= 0 && l.current < l.cost.length));
  const costUnit = unit(problem.levers, 'cost');
  const valueUnit = unit(problem.levers, 'value');
  if (costUnit === 1 && valueUnit === 1 && !phantom) return { problem, restore: (r) => r }; // shifts alone would not help
  let [costBase, valueBase] = [0, 0];
  const lows = problem.levers.map((l) => {
    const low = { cost: least(l.cost), value: least(l.value) };
    costBase += low.cost;
    valueBase += low.value;
    return low;
  });
  const levers = problem.levers.map((l, j): KnapsackLever => {
    const n = l.cost.length;
    const own = l.current >= 0 && l.current < n;
    const cost = new Float64Array(own ? n : n + 1);
    const value = new Float64Array(cost.length);
    let dearest = 0;
    for (let o = 0; o < n; o++) {
      cost[o] = (l.cost[o]! - lows[j]!.cost) / costUnit;
      value[o] = (l.value[o]! - lows[j]!.value) / valueUnit;
      dearest = Math.max(dearest, cost[o]!);
    }
    if (own) return { current: l.current, cost, value };
    [cost[n], value[n]] = [dearest + 1, -1];
    return { current: n, cost, value };
  });
  const reduced: Knapsack = { capacity: Math.floor((problem.capacity - costBase) / costUnit), levers };
  const mend = (p: Package): Package => {
    const choice = p.choice.slice();
    let { cost, value, changes } = p;
    levers.forEach((l, j) => {
      if (choice[j] !== problem.levers[j]!.cost.length) return;
      const o = cheapest(l.cost, l.value, choice[j]!);
      [cost, value, changes] = [cost - l.cost[choice[j]!]! + l.cost[o]!, value - l.value[choice[j]!]! + l.value[o]!, changes + 1];
      choice[j] = o;
    });
    return { choice, cost: cost * costUnit + costBase, value: value * valueUnit + valueBase, changes };
  };
  return {
    problem: reduced,
    restore: (r) => ({ ...r, bound: r.bound === null ? null : r.bound * valueUnit + valueBase, ...(r.best ? { best: mend(r.best) } : {}) }),
  };
}

/** The cheapest of the first `n` options, the most valuable among equally cheap. */
function cheapest(cost: ArrayLike<number>, value: ArrayLike<number>, n: number): number {
  let best = 0;
  for (let o = 1; o < n; o++) if (cost[o]! < cost[best]! || (cost[o] === cost[best] && value[o]! > value[best]!)) best = o;
  return best;
}

function least(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]!);
  return m;
}

/**
 * The greatest common divisor of the differences between a lever's options, over all
 * levers (1 when there are none): the differences from each lever's first option span the
 * same multiples as those from its least. Most problems reach 1 within a lever or two.
 */
function unit(levers: readonly KnapsackLever[], key: 'cost' | 'value'): number {
  let g = 0;
  for (const l of levers) {
    const xs = l[key];
    for (let o = 1; o < xs.length; o++) {
      g = gcd(g, xs[o]! - xs[0]!);
      if (g === 1) return 1;
    }
  }
  return g || 1;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}
