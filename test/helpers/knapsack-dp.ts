import type { Knapsack } from '../../src/engine/mckp/knapsack.js';

/**
 * The pseudo-polynomial reference: over every exact total cost (each lever shifted by its
 * cheapest option), the most value, then the fewest changes. Shares nothing with the
 * solver. Undefined when the table would not fit (`limit` cells times options).
 */
export function referenceDp(p: Knapsack, limit = 2e8): { value: number; cost: number; changes: number } | null | undefined {
  let shift = 0;
  const mins = p.levers.map((l) => Math.min(...Array.from(l.cost)));
  for (const m of mins) shift += m;
  const width = p.capacity - shift;
  if (width < 0) return null;
  const work = p.levers.reduce((s, l) => s + l.cost.length, 0) * (width + 1);
  if (work > limit) return undefined;
  let value = new Float64Array(width + 1).fill(-Infinity);
  let changes = new Float64Array(width + 1);
  value[0] = 0;
  p.levers.forEach((l, j) => {
    const nv = new Float64Array(width + 1).fill(-Infinity);
    const nc = new Float64Array(width + 1);
    for (let o = 0; o < l.cost.length; o++) {
      const dc = l.cost[o]! - mins[j]!;
      const ch = o === l.current ? 0 : 1;
      for (let w = dc; w <= width; w++) {
        const v = value[w - dc]! + l.value[o]!;
        const c = changes[w - dc]! + ch;
        if (v > nv[w]! || (v === nv[w]! && c < nc[w]!)) {
          nv[w] = v;
          nc[w] = c;
        }
      }
    }
    value = nv;
    changes = nc;
  });
  let best = 0;
  for (let w = 1; w <= width; w++) if (value[w]! > value[best]!) best = w;
  return { value: value[best]!, cost: best + shift, changes: changes[best]! };
}
