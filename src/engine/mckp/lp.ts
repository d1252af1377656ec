import type { Flat, Subset, Tick } from './knapsack.js';
import { hullOf } from './hull.js';
import { Workspace } from './workspace.js';

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
  /** Every lever's hull, option indices by cost ascending: lever j's at hull[hullAt[j] .. hullAt[j + 1]). */
  readonly hull: Int32Array;
  readonly hullAt: Int32Array;
  /** What every lever at its cheapest option costs: more than the capacity, and nothing fits. */
  readonly cheapest: number;
  /** Per lever: its most value − λ·cost, at a hull option (the LP bound is λ·capacity + Σ top). */
  readonly top: Float64Array;
  /** λ·capacity plus, per lever, its largest |value| + λ·|cost|: the scale of the bound's float error. */
  readonly magnitude: number;
}

/**
 * The hulls, and the LP over them when the capacity covers every lever's cheapest option
 * (`cheapest` says how much that takes; the LP is then for zero room).
 */
export function relaxation(f: Flat, tick: Tick, ws = new Workspace()): Lp {
  const { k, at, cost, value } = f;
  const hullAt = new Int32Array(k + 1);
  const scratch = ws.ints(0, f.cost.length);
  const size = new Float64Array(k);
  let hull: Int32Array = new Int32Array(Math.min(f.cost.length, 4 * k + 16));
  for (let j = 0; j < k; j++) {
    const n = at[j + 1]! - at[j]!;
    tick(n);
    while (hull.length < hullAt[j]! + n) hull = wider(hull);
    hullAt[j + 1] = hullOf(f, j, hull, hullAt[j]!, scratch, size);
  }
  hull = hull.slice(0, hullAt[k]);
  let cheapest = 0;
  for (let j = 0; j < k; j++) cheapest += cost[at[j]! + hull[hullAt[j]!]!]!; // each hull starts at its lever's cheapest option
  const total = hull.length - k;
  const slope = new Float64Array(total);
  const dcost = new Float64Array(total);
  let s = 0;
  for (let j = 0; j < k; j++) {
    for (let h = hullAt[j]!; h + 1 < hullAt[j + 1]!; h++, s++) {
      const p = at[j]! + hull[h]!;
      const q = at[j]! + hull[h + 1]!;
      dcost[s] = cost[q]! - cost[p]!;
      slope[s] = (value[q]! - value[p]!) / dcost[s]!;
    }
  }
  const { brk, taken } = breakSegment(slope, dcost, Math.max(0, f.capacity - cheapest), tick);
  const lambda = brk < 0 ? 0 : slope[brk]!;
  // Segments steeper than λ are taken, and those as steep that fitted whole before the
  // break one (at most one per lever: hull slopes strictly fall); the break lever stops
  // at the break segment's start.
  const lower = new Int32Array(k);
  const top = new Float64Array(k);
  let dv = 0;
  let dc = 1;
  let magnitude = Math.abs(lambda * f.capacity);
  s = 0;
  for (let j = 0; j < k; j++) {
    let h = hullAt[j]!;
    for (; h + 1 < hullAt[j + 1]!; h++, s++) {
      if (s === brk) [dc, dv] = [dcost[brk]!, value[at[j]! + hull[h + 1]!]! - value[at[j]! + hull[h]!]!];
      if (slope[s]! < lambda || (slope[s] === lambda && taken[s] === 0) || s === brk) break;
    }
    s += hullAt[j + 1]! - 1 - h;
    lower[j] = hull[h]!;
    top[j] = value[at[j]! + lower[j]!]! - lambda * cost[at[j]! + lower[j]!]!;
    magnitude += size[j]! * Math.max(1, lambda);
  }
  return { lambda, slope: { dv, dc }, lower, hull, hullAt, cheapest, top, magnitude };
}

/**
 * Every option's reduced gap for λ (its lever's top less its own value − λ·cost) written
 * into `gaps`; returns the options within `room` of gap, and `keep`'s in any case.
 */
export function reduced(f: Flat, lp: Lp, gaps: Float64Array, room: number, keep: Int32Array, tick: Tick): Subset {
  const { k, at, cost, value } = f;
  const { lambda, top } = lp;
  const from = new Int32Array(k + 1);
  let option: Int32Array = new Int32Array(Math.max(16, 2 * k));
  let n = 0;
  let widest = -Infinity;
  for (let j = 0; j < k; j++) {
    tick(at[j + 1]! - at[j]!);
    const kept = at[j]! + keep[j]!;
    const t = top[j]!;
    for (let o = at[j]!; o < at[j + 1]!; o++) {
      const g = t - (value[o]! - lambda * cost[o]!);
      gaps[o] = g;
      if (g > room && o !== kept) continue;
      if (n === option.length) option = wider(option);
      option[n++] = o;
      if (g > widest) widest = g;
    }
    from[j + 1] = n;
  }
  return { from, option: option.subarray(0, n), widest };
}

function wider(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/**
 * The segment the greedy fill by slope cannot take whole, or −1 if all fit, and which
 * segments of the break slope fitted whole before it: quickselect on slopes, partitioned
 * in place, with the capacity as the weight to reach. Segments of one lever have
 * decreasing slopes, so taking every segment above a slope keeps each lever a prefix.
 */
function breakSegment(slope: Float64Array, dcost: Float64Array, room: number, tick: Tick): { brk: number; taken: Uint8Array } {
  const taken = new Uint8Array(slope.length); // segments as steep as the break one taken whole before it
  const idx = Int32Array.from({ length: slope.length }, (_, i) => i);
  let [lo, hi] = [0, idx.length];
  let seed = 0x9e3779b9;
  while (lo < hi) {
    tick(hi - lo);
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const pivot = slope[idx[lo + (seed % (hi - lo))]!]!;
    // [lo, gt) above the pivot, [gt, eq) equal, [eq, hi) below.
    let gt = lo;
    let i = lo;
    let eq = hi;
    let weight = 0;
    while (i < eq) {
      const x = idx[i]!;
      if (slope[x]! > pivot) {
        weight += dcost[x]!;
        idx[i++] = idx[gt]!;
        idx[gt++] = x;
      } else if (slope[x]! < pivot) {
        idx[i] = idx[--eq]!;
        idx[eq] = x;
      } else i++;
    }
    if (weight > room) {
      hi = gt;
      continue;
    }
    room -= weight;
    const equal = idx.subarray(gt, eq).sort(); // segments of a lever come in order, so each lever stays a prefix
    for (const x of equal) {
      if (dcost[x]! > room) return { brk: x, taken };
      room -= dcost[x]!;
      taken[x] = 1;
    }
    lo = eq;
  }
  return { brk: -1, taken };
}
