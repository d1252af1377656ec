import { better, type Flat, type Move, type Package, type Tick } from './knapsack.js';
import { fill } from './incumbents.js';

// Each round is O(m log m) in the moves it considers: a few rounds reach an exact fill.
const ROUNDS = 8;

/**
 * Improves an incumbent by exchanges: one lever moved up in cost and another moved down,
 * the pair that adds the most value within the capacity left. On instances where every
 * unit of capacity counts (strongly correlated, value = cost + steps), greedy fills leave
 * a residue that one such pair absorbs exactly. Only moves to options whose reduced gap
 * (λ bound less value − λ·cost) fits in `room` are tried: no better package takes any
 * other. Each round takes the best pair; it stops when none adds value or the capacity is met.
 */
export function exchange(f: Flat, start: Package, gaps: Float64Array, room: number, tick: Tick): Package {
  const { k, at, cost: cs, value: vs, capacity: W } = f;
  const choice = start.choice.slice();
  let cost = start.cost;
  for (let round = 0; round < ROUNDS && cost < W; round++) {
    const ups: Move[] = [];
    const downs: Move[] = [];
    for (let j = 0; j < k; j++) {
      tick(at[j + 1]! - at[j]!);
      const x = at[j]! + choice[j]!;
      for (let o = at[j]!; o < at[j + 1]!; o++) {
        if (gaps[o]! > room) continue;
        const m = { lever: j, option: o - at[j]!, dc: cs[o]! - cs[x]!, dv: vs[o]! - vs[x]! };
        if (m.dc > 0) ups.push(m);
        else if (m.dc < 0) downs.push(m);
      }
    }
    const pair = bestPair(ups, downs, W - cost, tick);
    if (!pair) break;
    for (const m of pair) choice[m.lever] = m.option;
    cost += pair[0].dc + pair[1].dc;
  }
  const found = fill(f, choice, tick);
  return better(found, start) ? found : start;
}

/** The up and down moves, on different levers, of most value within `left` more cost; undefined unless it adds value. */
function bestPair(ups: Move[], downs: Move[], left: number, tick: Tick): [Move, Move] | undefined {
  const sorted = byCost(downs);
  const dcs = Float64Array.from(sorted, (m) => m.dc);
  // Per prefix of the downs (by cost, most saving first): its best move and the best on another lever.
  const first: Move[] = [];
  const second: (Move | undefined)[] = [];
  sorted.forEach((m, i) => {
    let [a, b] = i > 0 ? [first[i - 1]!, second[i - 1]] : [m, undefined];
    if (i > 0 && m.dv > a.dv) [a, b] = [m, a.lever === m.lever ? b : a];
    else if (i > 0 && m.lever !== a.lever && (!b || m.dv > b.dv)) b = m;
    first.push(a);
    second.push(b);
  });
  let pick: [Move, Move] | undefined;
  let most = 0;
  for (const up of ups) {
    tick();
    // The last down that leaves the pair within capacity.
    let [lo, hi] = [0, dcs.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dcs[mid]! <= left - up.dc) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) continue;
    const down = first[lo - 1]!.lever !== up.lever ? first[lo - 1]! : second[lo - 1];
    if (down && up.dv + down.dv > most) [pick, most] = [[up, down], up.dv + down.dv];
  }
  return pick;
}

/** The moves by ascending cost change: a native sort of dc·n + index where that is exact. */
function byCost(moves: Move[]): Move[] {
  const n = moves.length;
  let big = 0;
  for (const m of moves) big = Math.max(big, Math.abs(m.dc));
  if ((big + 1) * n >= Number.MAX_SAFE_INTEGER) return moves.slice().sort((a, b) => a.dc - b.dc);
  const keys = Float64Array.from(moves, (m, i) => m.dc * n + (m.dc < 0 ? i - n : i));
  keys.sort();
  return Array.from(keys, (key) => moves[((key % n) + n) % n]!);
}
