import type { KnapsackLever } from './knapsack.js';

/**
 * The LP relaxation of a multiple-choice knapsack, as in Pisinger's mcknap: each lever's
 * upper convex hull of (cost, value), then the break segment found by partitioning the
 * hull segments around a pivot slope (expected linear time, no global sort). The LP
 * solution takes every segment steeper than the break slope λ; `lower` is that integer
 * solution (the break lever at its cheaper end), always within capacity.
 */
export interface Lp {
  readonly lambda: number;
  /** λ exactly, as the break segment's Δvalue / Δcost (0 / 1 when everything fits). */
  readonly slope: { readonly dv: number; readonly dc: number };
  /** Per lever: the option the LP solution takes (the break lever at its cheaper end). */
  readonly lower: Int32Array;
  /** Per lever: its hull, option indices by cost ascending. */
  readonly hulls: readonly Int32Array[];
  /** The slope of every hull segment, unordered. */
  readonly slopes: Float64Array;
}

/** Options on the upper convex hull by ascending cost; the last is the cheapest of the most valuable. */
export function hull(l: KnapsackLever, tick: () => void): Int32Array {
  const [a, b] = ends(l, tick);
  if (a === b) return Int32Array.of(a);
  // Only options strictly above the chord a → b can lie on the hull between them (on
  // value ≈ cost levers most do not: no sort for them).
  const [ca, va, dc, dv] = [l.cost[a]!, l.value[a]!, l.cost[b]! - l.cost[a]!, l.value[b]! - l.value[a]!];
  const inside: number[] = [];
  for (let i = 0; i < l.cost.length; i++) if ((l.value[i]! - va) * dc > dv * (l.cost[i]! - ca)) inside.push(i);
  const order = byCost(l, inside, tick);
  const h: number[] = [a];
  for (let t = 0; t <= order.length; t++) {
    tick();
    const i = t < order.length ? order[t]! : b;
    if (l.value[i]! <= l.value[h[h.length - 1]!]!) continue;
    if (l.cost[i] === l.cost[h[h.length - 1]!]) h.pop(); // as cheap and worth more
    // Pop the last while it lies on or under the segment before it → i (floats; a near-tie only changes the hull's shape, not a decision).
    while (h.length >= 2) {
      const p = h[h.length - 2]!;
      const q = h[h.length - 1]!;
      const left = (l.value[q]! - l.value[p]!) * (l.cost[i]! - l.cost[q]!);
      const right = (l.value[i]! - l.value[q]!) * (l.cost[q]! - l.cost[p]!);
      if (left > right) break;
      h.pop();
    }
    h.push(i);
  }
  return Int32Array.from(h);
}

/** The cheapest option (the most valuable among those), and the most valuable (the cheapest among those); the first index among exact ties. */
function ends(l: KnapsackLever, tick: () => void): [number, number] {
  let [a, b] = [0, 0];
  for (let i = 1; i < l.cost.length; i++) {
    tick();
    if (l.cost[i]! < l.cost[a]! || (l.cost[i] === l.cost[a] && l.value[i]! > l.value[a]!)) a = i;
    if (l.value[i]! > l.value[b]! || (l.value[i] === l.value[b] && l.cost[i]! < l.cost[b]!)) b = i;
  }
  return [a, b];
}

/**
 * The given options by ascending cost, ties by index: a native sort of cost·n + index where
 * that is exact (the comparator sort is several times slower on wide levers).
 */
function byCost(l: KnapsackLever, options: number[], tick: () => void): ArrayLike<number> {
  const n = l.cost.length;
  let big = 0;
  for (const i of options) big = Math.max(big, Math.abs(l.cost[i]!));
  if ((big + 1) * n >= Number.MAX_SAFE_INTEGER) return options.sort((a, b) => l.cost[a]! - l.cost[b]! || a - b);
  const keys = Float64Array.from(options, (i) => l.cost[i]! * n + i);
  keys.sort();
  tick();
  return Int32Array.from(keys, (key) => ((key % n) + n) % n);
}

/**
 * @param room capacity left once every lever sits at its cheapest option (≥ 0)
 */
export function relaxation(levers: readonly KnapsackLever[], room: number, tick: () => void): Lp {
  const hulls = levers.map((l) => hull(l, tick));
  let total = 0;
  for (const h of hulls) total += h.length - 1;
  const slope = new Float64Array(total);
  const dcost = new Float64Array(total);
  const owner = new Int32Array(total);
  let s = 0;
  hulls.forEach((h, j) => {
    const l = levers[j]!;
    for (let k = 0; k + 1 < h.length; k++, s++) {
      dcost[s] = l.cost[h[k + 1]!]! - l.cost[h[k]!]!;
      slope[s] = (l.value[h[k + 1]!]! - l.value[h[k]!]!) / dcost[s]!;
      owner[s] = j;
    }
  });
  const { brk, taken } = breakSegment(slope, dcost, room, tick);
  const lambda = brk < 0 ? 0 : slope[brk]!;
  // Segments steeper than λ are taken, and those as steep that fitted whole before the
  // break one (at most one per lever: hull slopes strictly fall); the break lever stops
  // at the break segment's start.
  const lower = new Int32Array(levers.length);
  s = 0;
  hulls.forEach((h, j) => {
    let k = 0;
    for (; k + 1 < h.length; k++, s++) {
      if (slope[s]! < lambda || (slope[s] === lambda && taken[s] === 0) || s === brk) break;
    }
    s += h.length - 1 - k;
    lower[j] = h[k]!;
  });
  let dv = 0;
  let dc = 1;
  if (brk >= 0) {
    dc = dcost[brk]!;
    const l = levers[owner[brk]!]!;
    const h = hulls[owner[brk]!]!;
    const k = h.indexOf(lower[owner[brk]!]!);
    dv = l.value[h[k + 1]!]! - l.value[h[k]!]!;
  }
  return { lambda, slope: { dv, dc }, lower, hulls, slopes: slope };
}

/**
 * The segment the greedy fill by slope cannot take whole, or −1 if all fit, and which
 * segments of the break slope fitted whole before it: quickselect
 * on slopes with the capacity as the weight to reach. Segments of one lever have
 * decreasing slopes, so taking every segment above a slope keeps each lever a prefix.
 */
function breakSegment(slope: Float64Array, dcost: Float64Array, room: number, tick: () => void): { brk: number; taken: Uint8Array } {
  const taken = new Uint8Array(slope.length); // segments as steep as the break one taken whole before it
  let idx = Int32Array.from({ length: slope.length }, (_, i) => i);
  let seed = 0x9e3779b9;
  while (idx.length > 0) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const pivot = slope[idx[seed % idx.length]!]!;
    const above: number[] = [];
    const equal: number[] = [];
    const below: number[] = [];
    let weight = 0;
    for (const i of idx) {
      tick();
      const x = slope[i]!;
      if (x > pivot) {
        above.push(i);
        weight += dcost[i]!;
      } else if (x === pivot) equal.push(i);
      else below.push(i);
    }
    if (weight > room) {
      idx = Int32Array.from(above);
      continue;
    }
    room -= weight;
    equal.sort((a, b) => a - b); // segments of a lever come in order, so each lever stays a prefix
    for (const i of equal) {
      if (dcost[i]! > room) return { brk: i, taken };
      room -= dcost[i]!;
      taken[i] = 1;
    }
    idx = Int32Array.from(below);
  }
  return { brk: -1, taken };
}
