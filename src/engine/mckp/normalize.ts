import type { Knapsack, KnapsackResult } from './knapsack.js';

/**
 * The same knapsack in its smallest integers: each lever's costs and values less the
 * lever's least, divided by the greatest common divisor over all levers, and the capacity
 * likewise (rounded down, which is exact since every reduced sum is a whole number). The
 * solver proves "nothing worth one more" and "nothing one cheaper": in minor units a deal
 * priced in whole dollars moves by 100 at a time, and those proofs would otherwise walk
 * through the 99 values between. Order, feasibility and changes are unchanged. When both
 * divisors are 1 the problem is used as it is.
 */
export interface Normalized {
  readonly problem: Knapsack;
  /** The solver's result on `problem`, in the original amounts. */
  restore(result: KnapsackResult): KnapsackResult;
}

export function normalize(problem: Knapsack): Normalized {
  let [costBase, valueBase, costUnit, valueUnit] = [0, 0, 0, 0];
  const lows = problem.levers.map((l) => {
    const low = { cost: least(l.cost), value: least(l.value) };
    costBase += low.cost;
    valueBase += low.value;
    for (let o = 0; o < l.cost.length; o++) {
      costUnit = gcd(costUnit, l.cost[o]! - low.cost);
      valueUnit = gcd(valueUnit, l.value[o]! - low.value);
    }
    return low;
  });
  costUnit ||= 1;
  valueUnit ||= 1;
  if (costUnit === 1 && valueUnit === 1) return { problem, restore: (r) => r }; // shifts alone would not help
  const reduced: Knapsack = {
    capacity: Math.floor((problem.capacity - costBase) / costUnit),
    levers: problem.levers.map((l, j) => ({
      current: l.current,
      cost: Float64Array.from(l.cost, (c) => (c - lows[j]!.cost) / costUnit),
      value: Float64Array.from(l.value, (v) => (v - lows[j]!.value) / valueUnit),
    })),
  };
  return {
    problem: reduced,
    restore: (r) => ({
      ...r,
      bound: r.bound === null ? null : r.bound * valueUnit + valueBase,
      ...(r.best ? { best: { ...r.best, cost: r.best.cost * costUnit + costBase, value: r.best.value * valueUnit + valueBase } } : {}),
    }),
  };
}

function least(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]!);
  return m;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
