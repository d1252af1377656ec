import { better, type Flat, type Package, type Subset, type Tick } from './knapsack.js';
import type { Lp } from './lp.js';
import { byKey } from './order.js';

/**
 * The first incumbents, the better of two: the LP's package, and the offer as it stands
 * (fewest changes) with levers cut to their cheapest option, least value lost per cost
 * saved first, the last one only as far as needed; then each is filled up greedily.
 */
export function greedy(f: Flat, lp: Lp, filled: (choice: Int32Array) => Package): Package {
  const { k, at, cost, value, current } = f;
  const fromLp = filled(lp.lower.slice());
  const choice = current.slice();
  let total = 0;
  const saving = new Float64Array(k);
  const loss = new Float64Array(k);
  const cutting: number[] = [];
  for (let j = 0; j < k; j++) {
    const x = at[j]! + current[j]!;
    const y = at[j]! + lp.hull[lp.hullAt[j]!]!; // each hull starts at its lever's cheapest option
    total += cost[x]!;
    saving[j] = cost[x]! - cost[y]!;
    loss[j] = value[x]! - value[y]!;
    if (saving[j]! > 0) cutting.push(j);
  }
  // Least value lost per cost saved first, then the larger saving (a stable sort over that order).
  const cuts = total > f.capacity ? byKey(cutting, saving, k, true).sort((a, b) => loss[a]! * saving[b]! - loss[b]! * saving[a]!) : [];
  for (const j of cuts) {
    if (total <= f.capacity) break;
    total -= saving[j]!;
    choice[j] = lp.hull[lp.hullAt[j]!]!;
  }
  if (total > f.capacity) return fromLp;
  const fromOffer = filled(choice);
  return better(fromOffer, fromLp) ? fromOffer : fromLp;
}

/**
 * Each lever in turn moved to its most valuable option the capacity left allows (the
 * current one among equals), looking only at `options` if given. A fill never ranks below
 * its start. Given every option a package better than some P may take (see Gradients), a
 * fill that would have beaten P makes the same moves; one that would not ends no worse.
 */
export function fill(f: Flat, choice: Int32Array, tick: Tick, options?: Subset): Package {
  const { k, at, cost: cs, value: vs, current } = f;
  let room = f.capacity;
  for (let j = 0; j < k; j++) room -= cs[at[j]! + choice[j]!]!;
  let [value, cost, changes] = [0, 0, 0];
  for (let j = 0; j < k; j++) {
    tick(at[j + 1]! - at[j]!);
    const o0 = at[j]!;
    const cur = o0 + current[j]!;
    let x = o0 + choice[j]!;
    const free = room + cs[x]!;
    const [lo, hi] = options ? [options.from[j]!, options.from[j + 1]!] : [o0, at[j + 1]!];
    for (let i = lo; i < hi; i++) {
      const o = options ? options.option[i]! : i;
      const c = cs[o]!;
      const v = vs[o]!;
      if (c <= free && (v > vs[x]! || (v === vs[x] && (c < cs[x]! || (c === cs[x] && o === cur))))) x = o;
    }
    room = free - cs[x]!;
    choice[j] = x - o0;
    value += vs[x]!;
    cost += cs[x]!;
    if (x !== cur) changes++;
  }
  return { choice, value, cost, changes };
}

/**
 * An incumbent on the LP's face, for instances rich in ties (value ≈ cost): every lever
 * at an option of zero reduced gap, its current one where that is among them, is worth
 * λ·cost + Σ top, the bound itself once the cost meets the capacity. Starting there, the
 * cost is moved towards the capacity (down if over, up if under) along the face: first
 * by levers already off `current` (free), then by the others, largest moves first, each
 * the largest move that does not overshoot; then filled. Undefined if it stays over.
 * `face` lists the options of zero gap (within `tol`).
 */
export function onFace(f: Flat, lp: Lp, gaps: Float64Array, face: Subset, tol: number, filled: (choice: Int32Array) => Package, tick: Tick): Package | undefined {
  const { k, at, cost: cs, current } = f;
  const W = f.capacity;
  const choice = lp.lower.slice();
  let cost = 0;
  for (let j = 0; j < k; j++) {
    if (gaps[at[j]! + current[j]!]! <= tol) choice[j] = current[j]!;
    cost += cs[at[j]! + choice[j]!]!;
  }
  const sign = cost > W ? -1 : 1; // the direction the cost must move
  const reach = new Float64Array(k);
  const order: number[] = [];
  for (let j = 0; j < k; j++) {
    const c0 = cs[at[j]! + choice[j]!]!;
    for (let i = face.from[j]!; i < face.from[j + 1]!; i++) reach[j] = Math.max(reach[j]!, sign * (cs[face.option[i]!]! - c0));
    if (reach[j]! > 0) order.push(j);
  }
  const paid = Uint8Array.from(choice, (o, j) => (o === current[j] ? 1 : 0));
  const byReach = byKey(order, reach, k, true);
  const moves = [...byReach.filter((j) => paid[j] === 0), ...byReach.filter((j) => paid[j] === 1)];
  // Each lever in turn takes its largest move that does not overshoot; first a lever that
  // would pay a change only moves whole, and one or two exact moves finish, so that few pay.
  const pass = (whole: boolean): void => {
    for (const j of moves) {
      tick(face.from[j + 1]! - face.from[j]! + 1);
      const want = sign * (W - cost);
      if (want <= 0) return;
      if (whole && paid[j] === 1 && reach[j]! > want) continue;
      const c0 = cs[at[j]! + choice[j]!]!;
      let pick = choice[j]!;
      let best = 0;
      for (let i = face.from[j]!; i < face.from[j + 1]!; i++) {
        const move = sign * (cs[face.option[i]!]! - c0);
        if (move <= want && move > best) {
          pick = face.option[i]! - at[j]!;
          best = move;
        }
      }
      cost += cs[at[j]! + pick]! - c0;
      choice[j] = pick;
    }
  };
  pass(true);
  if (cost !== W) cost += exactly(f, choice, face, W - cost, tick);
  pass(false);
  if (cost !== W) cost += exactly(f, choice, face, W - cost, tick);
  if (cost > W) cost -= lastMove(f, choice, face, cost - W, tick);
  return cost > W ? undefined : filled(choice);
}

/** Still over by `excess`: the one move along the face that sheds it with the least to spare; returns what it shed. */
function lastMove(f: Flat, choice: Int32Array, face: Subset, excess: number, tick: Tick): number {
  let [lever, option, shed] = [-1, -1, Infinity];
  for (let j = 0; j < f.k; j++) {
    tick(face.from[j + 1]! - face.from[j]! + 1);
    for (let i = face.from[j]!; i < face.from[j + 1]!; i++) {
      const d = f.cost[f.at[j]! + choice[j]!]! - f.cost[face.option[i]!]!;
      if (d >= excess && d < shed) [lever, option, shed] = [j, face.option[i]! - f.at[j]!, d];
    }
  }
  if (lever < 0) return 0;
  choice[lever] = option;
  return shed;
}

// Cost differences spanning at most this many (and 8 per move) are indexed in an array, wider ones in a map.
const DENSE = 1 << 22;

/**
 * One move along the face, or two on different levers, that change the cost by exactly
 * `delta`, the fewest changes first; returns the change made (0 if none found). A single
 * move that costs no change is taken at once; otherwise one move is kept per cost
 * difference, so a pair may be missed: it is a heuristic.
 */
function exactly(f: Flat, choice: Int32Array, face: Subset, delta: number, tick: Tick): number {
  const { k, at, cost, current } = f;
  const m = face.option.length;
  const lever = new Int32Array(m);
  const dc = new Float64Array(m);
  const paid = new Int8Array(m); // what the move adds to the count of changes
  let [lo, hi] = [Infinity, -Infinity];
  for (let j = 0; j < k; j++) {
    tick(face.from[j + 1]! - face.from[j]! + 1);
    const c0 = cost[at[j]! + choice[j]!]!;
    const was = choice[j] !== current[j] ? 1 : 0;
    const cur = at[j]! + current[j]!;
    for (let i = face.from[j]!; i < face.from[j + 1]!; i++) {
      const o = face.option[i]!;
      const d = cost[o]! - c0;
      lever[i] = j;
      dc[i] = d;
      paid[i] = (o !== cur ? 1 : 0) - was;
      if (d === delta && paid[i]! <= 0) return move(f, choice, [i], face, lever, delta);
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
  }
  if (lo > hi) return 0;
  // Per cost difference, the face entry of the move with the fewest changes (the first among equals).
  const dense = hi - lo <= Math.min(DENSE, 8 * m);
  const slots = new Int32Array(dense ? hi - lo + 1 : 0).fill(-1);
  const sparse = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const d = dc[i]!;
    if (d === 0) continue;
    const held = dense ? slots[d - lo]! : (sparse.get(d) ?? -1);
    if (held >= 0 && paid[held]! <= paid[i]!) continue;
    if (dense) slots[d - lo] = i;
    else sparse.set(d, i);
  }
  const get = (d: number): number => (dense ? (d < lo || d > hi ? -1 : slots[d - lo]!) : (sparse.get(d) ?? -1));
  const one = get(delta);
  let pick = one >= 0 ? [one] : [];
  let fewest = one >= 0 ? paid[one]! : Infinity;
  const pair = (a: number, d: number): void => {
    const b = get(delta - d);
    if (b >= 0 && lever[a] !== lever[b] && paid[a]! + paid[b]! < fewest) [pick, fewest] = [[a, b], paid[a]! + paid[b]!];
  };
  if (dense) for (let d = lo; d <= hi; d++) slots[d - lo]! >= 0 && pair(slots[d - lo]!, d);
  else for (const [d, a] of sparse) pair(a, d);
  tick(hi - lo);
  return pick.length > 0 ? move(f, choice, pick, face, lever, delta) : 0;
}

/** Applies the moves at the given face entries; returns `delta`, the cost they change by. */
function move(f: Flat, choice: Int32Array, entries: number[], face: Subset, lever: Int32Array, delta: number): number {
  for (const i of entries) choice[lever[i]!] = face.option[i]! - f.at[lever[i]!]!;
  return delta;
}
