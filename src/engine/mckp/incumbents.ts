import { better, type Knapsack, type Package } from './knapsack.js';
import type { Lp } from './lp.js';

/**
 * The first incumbents, the better of two: the LP's package, and the offer as it stands
 * (fewest changes) with levers cut to their cheapest option, least value lost per cost
 * saved first, the last one only as far as needed; then each is filled up greedily.
 */
export function greedy(problem: Knapsack, lp: Lp, tick: () => void): Package {
  const fromLp = fill(problem, lp.lower.slice(), tick);
  const choice = Int32Array.from(problem.levers, (l) => l.current);
  let cost = 0;
  problem.levers.forEach((l, j) => (cost += l.cost[choice[j]!]!));
  const cheapest = lp.hulls.map((h) => h[0]!); // each hull starts at its lever's cheapest option
  const saving = (j: number) => problem.levers[j]!.cost[choice[j]!]! - problem.levers[j]!.cost[cheapest[j]!]!;
  const loss = (j: number) => problem.levers[j]!.value[choice[j]!]! - problem.levers[j]!.value[cheapest[j]!]!;
  const order = problem.levers.map((_, j) => j).filter((j) => saving(j) > 0)
    .sort((a, b) => loss(a) * saving(b) - loss(b) * saving(a) || saving(b) - saving(a) || a - b);
  for (const j of order) {
    if (cost <= problem.capacity) break;
    tick();
    cost -= saving(j);
    choice[j] = cheapest[j]!;
  }
  if (cost > problem.capacity) return fromLp;
  const fromOffer = fill(problem, choice, tick);
  return better(fromOffer, fromLp) ? fromOffer : fromLp;
}

/** Each lever in turn moved to its most valuable option the capacity left allows (the current one among equals). */
export function fill(problem: Knapsack, choice: Int32Array, tick: () => void): Package {
  let room = problem.capacity;
  problem.levers.forEach((l, j) => (room -= l.cost[choice[j]!]!));
  let value = 0;
  let cost = 0;
  let changes = 0;
  problem.levers.forEach((l, j) => {
    let x = choice[j]!;
    const free = room + l.cost[x]!;
    for (let o = 0; o < l.cost.length; o++) {
      tick();
      if (l.cost[o]! > free) continue;
      if (l.value[o]! > l.value[x]! || (l.value[o] === l.value[x] && (l.cost[o]! < l.cost[x]! || (l.cost[o] === l.cost[x] && o === l.current)))) x = o;
    }
    room = free - l.cost[x]!;
    choice[j] = x;
    value += l.value[x]!;
    cost += l.cost[x]!;
    if (x !== l.current) changes++;
  });
  return { choice, value, cost, changes };
}

/**
 * An incumbent on the LP's face, for instances rich in ties (value ≈ cost): every lever
 * at an option of zero reduced gap, its current one where that is among them, is worth
 * λ·cost + Σ top, the bound itself once the cost meets the capacity. Starting there, the
 * cost is moved towards the capacity (down if over, up if under) along the face: first
 * by levers already off `current` (free), then by the others, largest moves first, each
 * the largest move that does not overshoot; then filled. Undefined if it stays over.
 */
export function onFace(problem: Knapsack, lp: Lp, gaps: readonly Float64Array[], tol: number, tick: () => void): Package | undefined {
  const { levers, capacity: W } = problem;
  const choice = lp.lower.slice();
  let cost = 0;
  levers.forEach((l, j) => {
    if (gaps[j]![l.current]! <= tol) choice[j] = l.current;
    cost += l.cost[choice[j]!]!;
  });
  const sign = cost > W ? -1 : 1; // the direction the cost must move
  const reach = levers.map((l, j) => {
    tick();
    let m = 0;
    for (let o = 0; o < l.cost.length; o++) if (gaps[j]![o]! <= tol) m = Math.max(m, sign * (l.cost[o]! - l.cost[choice[j]!]!));
    return m;
  });
  const paid = Uint8Array.from(levers, (l, j) => (choice[j] === l.current ? 1 : 0));
  const order = levers.map((_, j) => j).filter((j) => reach[j]! > 0).sort((a, b) => paid[a]! - paid[b]! || reach[b]! - reach[a]! || a - b);
  // Each lever in turn takes its largest move that does not overshoot; first a lever that
  // would pay a change only moves whole, and one or two exact moves finish, so that few pay.
  const pass = (whole: boolean): void => {
    for (const j of order) {
      const want = sign * (W - cost);
      if (want <= 0) return;
      if (whole && paid[j] === 1 && reach[j]! > want) continue;
      const l = levers[j]!;
      const c0 = l.cost[choice[j]!]!;
      let pick = choice[j]!;
      for (let o = 0; o < l.cost.length; o++) {
        tick();
        const move = sign * (l.cost[o]! - c0);
        if (gaps[j]![o]! <= tol && move <= want && move > sign * (l.cost[pick]! - c0)) pick = o;
      }
      cost += l.cost[pick]! - c0;
      choice[j] = pick;
    }
  };
  pass(true);
  if (cost !== W) cost += exactly(problem, choice, gaps, tol, W - cost, tick);
  pass(false);
  if (cost !== W) cost += exactly(problem, choice, gaps, tol, W - cost, tick);
  if (cost > W) cost -= lastMove(problem, choice, gaps, tol, cost - W, tick);
  return cost > W ? undefined : fill(problem, choice, tick);
}

/** Still over by `excess`: the one move along the face that sheds it with the least to spare; returns what it shed. */
function lastMove(problem: Knapsack, choice: Int32Array, gaps: readonly Float64Array[], tol: number, excess: number, tick: () => void): number {
  let [lever, option, shed] = [-1, -1, Infinity];
  problem.levers.forEach((l, j) => {
    for (let o = 0; o < l.cost.length; o++) {
      tick();
      const d = l.cost[choice[j]!]! - l.cost[o]!;
      if (gaps[j]![o]! <= tol && d >= excess && d < shed) [lever, option, shed] = [j, o, d];
    }
  });
  if (lever < 0) return 0;
  choice[lever] = option;
  return shed;
}

/**
 * One move along the face, or two on different levers, that change the cost by exactly
 * `delta`, the fewest changes first; returns the change made (0 if none found). A single
 * move that costs no change is taken at once; otherwise one move is kept per cost
 * difference, so a pair may be missed: it is a heuristic.
 */
function exactly(problem: Knapsack, choice: Int32Array, gaps: readonly Float64Array[], tol: number, delta: number, tick: () => void): number {
  const moves = new Map<number, Move>();
  const each = (visit: (m: Move, d: number) => boolean): void => {
    problem.levers.every((l, j) => {
      tick();
      const c0 = l.cost[choice[j]!]!;
      const was = choice[j] !== l.current ? 1 : 0;
      for (let o = 0; o < l.cost.length; o++) {
        const d = l.cost[o]! - c0;
        if (d !== 0 && gaps[j]![o]! <= tol && !visit({ lever: j, option: o, changes: (o !== l.current ? 1 : 0) - was }, d)) return false;
      }
      return true;
    });
  };
  let pick: Move[] = [];
  each((m, d) => {
    if (d !== delta || m.changes > 0) return true;
    pick = [m];
    return false;
  });
  if (pick.length === 0) {
    each((m, d) => {
      if ((moves.get(d)?.changes ?? Infinity) > m.changes) moves.set(d, m);
      return true;
    });
    pick = moves.has(delta) ? [moves.get(delta)!] : [];
    let fewest = pick.length > 0 ? pick[0]!.changes : Infinity;
    for (const [d, a] of moves) {
      tick();
      const b = moves.get(delta - d);
      if (b && b.lever !== a.lever && a.changes + b.changes < fewest) [pick, fewest] = [[a, b], a.changes + b.changes];
    }
  }
  for (const m of pick) choice[m.lever] = m.option;
  return pick.length > 0 ? delta : 0;
}

interface Move {
  readonly lever: number;
  readonly option: number;
  readonly changes: number;
}

