import type { Knapsack } from './knapsack.js';

/**
 * ⌊λ·capacity + Σ_j max_o (v − λc)⌋ with λ = dv/dc exactly, in BigInt: for any λ ≥ 0 no
 * package within capacity is worth more, so this is a bound a report may state as proven.
 */
export function exactBound(problem: Knapsack, slope: { readonly dv: number; readonly dc: number }): number {
  const dv = BigInt(slope.dv);
  const dc = BigInt(slope.dc);
  let scaled = dv * BigInt(problem.capacity);
  for (const l of problem.levers) {
    let best: bigint | undefined;
    for (let o = 0; o < l.cost.length; o++) {
      const r = BigInt(l.value[o]!) * dc - dv * BigInt(l.cost[o]!);
      if (best === undefined || r > best) best = r;
    }
    scaled += best!;
  }
  const q = scaled / dc;
  return Number(scaled % dc !== 0n && scaled < 0n ? q - 1n : q);
}
