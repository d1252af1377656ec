import type { Flat } from './knapsack.js';

/**
 * Lever j's upper hull written into out from position w, options by ascending cost; returns
 * the position after it (and the lever's largest |cost| + |value| in size[j]). Quickhull:
 * from the cheapest option (the most valuable among those) to the most valuable (the
 * cheapest among those), each chord split at the option farthest above it; no sort.
 */
export function hullOf(f: Flat, j: number, out: Int32Array, w: number, scratch: Int32Array, size: Float64Array): number {
  const { cost, value } = f;
  const o0 = f.at[j]!;
  const end = f.at[j + 1]!;
  let a = o0;
  let ca = cost[o0]!;
  let va = value[o0]!;
  let b = a;
  let cb = ca;
  let vb = va;
  let big = 0;
  let most = 0;
  for (let i = o0; i < end; i++) {
    const c = cost[i]!;
    const v = value[i]!;
    if (c < ca || (c === ca && v > va)) {
      a = i;
      ca = c;
      va = v;
    }
    if (v > vb || (v === vb && c < cb)) {
      b = i;
      cb = c;
      vb = v;
    }
    big = Math.max(big, Math.abs(c));
    most = Math.max(most, Math.abs(v));
  }
  size[j] = most + big;
  out[w++] = a - o0;
  if (a === b) return w;
  let n = 0;
  const dc = cb - ca;
  const dv = vb - va;
  // The options above the chord, and the farthest (found here rather than in a pass of its own).
  let p = -1;
  let far = 0;
  for (let i = o0; i < end; i++) {
    const d = (value[i]! - va) * dc - dv * (cost[i]! - ca);
    if (d <= 0) continue;
    scratch[n++] = i;
    if (d > far) {
      p = i;
      far = d;
    }
  }
  w = chord(f, a, b, p, scratch, 0, n, out, w, o0);
  out[w++] = b - o0;
  return w;
}

/**
 * The hull options strictly above the chord a → b, from scratch[lo .. hi) (all above it), in
 * cost order; p the farthest of them if known (else −1).
 */
function chord(f: Flat, a: number, b: number, p: number, scratch: Int32Array, lo: number, hi: number, out: Int32Array, w: number, o0: number): number {
  if (lo === hi) return w;
  const { cost, value } = f;
  if (p < 0) p = farthest(f, a, b, scratch, lo, hi);
  // Those above a → p to the front, those above p → b to the back; the rest lie inside the triangle.
  let left = lo;
  let i = lo;
  let right = hi;
  const lc = cost[p]! - cost[a]!;
  const lv = value[p]! - value[a]!;
  const rc = cost[b]! - cost[p]!;
  const rv = value[b]! - value[p]!;
  while (i < right) {
    const x = scratch[i]!;
    if ((value[x]! - value[a]!) * lc > lv * (cost[x]! - cost[a]!)) {
      scratch[i++] = scratch[left]!;
      scratch[left++] = x;
    } else if ((value[x]! - value[p]!) * rc > rv * (cost[x]! - cost[p]!)) {
      scratch[i] = scratch[--right]!;
      scratch[right] = x;
    } else i++;
  }
  w = chord(f, a, p, -1, scratch, lo, left, out, w, o0);
  out[w++] = p - o0;
  return chord(f, p, b, -1, scratch, right, hi, out, w, o0);
}

/** The option of scratch[lo .. hi) farthest above the chord a → b (floats: a near-tie only changes the hull's shape, not a decision); the first index among duplicates. */
function farthest(f: Flat, a: number, b: number, scratch: Int32Array, lo: number, hi: number): number {
  const { cost, value } = f;
  const dc = cost[b]! - cost[a]!;
  const dv = value[b]! - value[a]!;
  let p = -1;
  let far = -Infinity;
  for (let i = lo; i < hi; i++) {
    const x = scratch[i]!;
    const d = (value[x]! - value[a]!) * dc - dv * (cost[x]! - cost[a]!);
    if (d > far || (d === far && x < p)) {
      p = x;
      far = d;
    }
  }
  return p;
}
