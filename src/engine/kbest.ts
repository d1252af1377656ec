import { UNTIMED } from './clock.js';
import { upgradeSteps } from './steps.js';
import type { DealLever } from './deal.js';
import { Heap } from './heap.js';
import type { Budget, Package } from './mckp/knapsack.js';
import { solveKnapsack } from './mckp/solve.js';
import { relax } from './relax.js';

/**
 * The K best *minimal* packages of an unpriced counter-offer (a multiple-choice knapsack:
 * Σ cost ≤ capacity), by Lawler–Murty partitioning over the knapsack solver. A subspace
 * lets each lever take a set of options; once its best package x is known, the rest of the
 * subspace splits into disjoint children, one per open lever i in some order: the levers
 * before i fixed to x's options, lever i off x's. A child is bounded first, for nothing:
 * the root LP's gaps (value ≤ bound − Σ gaps, whatever the options) summed over what it
 * allows, and solved only when that bound reaches the top of the queue. A package whose
 * lever could still step up in value within its slack is not minimal: skipped, but its
 * subspace is still split, since minimal packages may lie below it. A child none of whose
 * packages can be minimal (its slack always covers some lever's step up) is dropped.
 *
 * Packages leave the queue in the solver's order (value, then lower cost, then fewer
 * changes), each the best of everything not yet taken: a stopped search keeps them as
 * a proven prefix. Among packages tied on all three the choice is the queue's (with
 * priced options, up to TIES more are collected for the caller's finer order).
 */
export interface KBestInput {
  readonly levers: readonly DealLever[];
  /** What the levers may cost in all. */
  readonly capacity: number;
  /** The whole space's best, when the caller already solved it. */
  readonly best?: Package;
  readonly count: number;
  /**
   * When the knapsack only holds the packages wanted (priced options: the cost knapsack at
   * the target): which packages to keep, in place of "minimal within the capacity", and
   * whether a package after the K-th may still come before it in the caller's order. Children
   * are then never dropped for holding no minimal package; more than TIES such packages
   * leave the search incomplete.
   */
  readonly accept?: { readonly keep: (p: Package) => boolean; readonly tied: (next: Package, kth: Package) => boolean };
}

export interface KBestOutput {
  /** Minimal packages, in the solver's order, exactly the best that many (stopped or not). */
  readonly found: readonly Package[];
  readonly complete: boolean;
}

/** Extra packages taken past the K-th while they tie it, so that the caller's finer order can choose. */
const TIES = 32;

type Allowed = readonly (readonly number[])[];

interface Space {
  /** Per lever, the options it may take (ascending); made only when the space is solved. */
  readonly allowed: () => Allowed;
  /** Upper bound on the value of any package in the space (unsolved), or its best (solved). */
  readonly value: number;
  readonly best?: Package;
  /** The value is the space's own LP bound, not the root's gaps summed. */
  readonly bounded?: boolean;
}

export function kBest(input: KBestInput, budget: Budget): KBestOutput {
  const { levers, capacity, count } = input;
  const lp = relax(levers, capacity, 0);
  if (!lp) return { found: [], complete: true };
  const { gaps } = lp;
  const cost = levers.map((l) => Float64Array.from(l.options, (o) => o.cost));
  const steps = levers.map(upgradeSteps);
  const { accept } = input;
  const minimal = accept?.keep ?? ((p: Package) => p.choice.every((o, i) => steps[i]![o]! > capacity - p.cost));
  const heap = new Heap<Space>(ranked);
  const all = () => levers.map((l) => l.options.map((_, o) => o));
  heap.push(input.best ? { allowed: all, value: input.best.value, best: input.best } : { allowed: all, value: lp.bound });
  const found: Package[] = [];
  const clock = budget.clock ?? UNTIMED;
  for (;;) {
    // Read every round, not only inside the solver, whose ticker may never fire on small subspaces.
    if (budget.signal?.aborted || clock() > (budget.deadline ?? Infinity)) return { found, complete: false };
    const top = heap.pop();
    if (!top) return { found, complete: true };
    // Past the K-th only with `accept`: unpriced, the search ends at the K-th itself (below).
    const last = found[count - 1];
    if (last && accept && !(top.best ? accept.tied(top.best, last) : top.value >= last.value)) return { found, complete: true };
    if (found.length >= count + TIES) return { found, complete: false };
    const allowed = top.allowed();
    if (!top.best && !top.bounded) {
      // Its own LP first: far tighter than the root's gaps, and cheap next to the solver.
      const own = boundOf(allowed);
      if (own !== undefined && own < (heap.peek()?.value ?? -Infinity)) heap.push({ allowed: () => allowed, value: own, bounded: true });
      if (own === undefined || own < (heap.peek()?.value ?? -Infinity)) continue;
    }
    if (!top.best) {
      const solved = solve(allowed);
      if (solved === 'stopped') return { found, complete: false };
      if (solved) heap.push({ allowed: () => allowed, value: solved.value, best: solved });
      continue;
    }
    if (minimal(top.best)) found.push(top.best);
    // Unpriced, the caller's order is the solver's: ties past the K-th could only change which exact tie is shown.
    if (!accept && found.length === count) return { found, complete: true };
    split(allowed, top.best);
  }

  /** The LP bound of a space: its open levers relaxed within what the fixed ones leave. */
  function boundOf(allowed: Allowed): number | undefined {
    const fixed = fixedPart(allowed);
    const open = allowed.flatMap((a, i) => (a.length > 1 ? [{ ...levers[i]!, options: a.map((o) => levers[i]!.options[o]!) }] : []));
    return relax(open, capacity - fixed.cost, fixed.value)?.bound;
  }

  function fixedPart(allowed: Allowed): { cost: number; value: number; changes: number } {
    const fixed = { cost: 0, value: 0, changes: 0 };
    allowed.forEach((a, i) => {
      if (a.length > 1) return;
      const o = levers[i]!.options[a[0]!]!;
      fixed.cost += o.cost;
      fixed.value += o.value;
      if (a[0] !== levers[i]!.current) fixed.changes++;
    });
    return fixed;
  }

  function solve(allowed: Allowed): Package | undefined | 'stopped' {
    const open = allowed.flatMap((a, i) => (a.length > 1 ? [i] : []));
    const fixed = fixedPart(allowed);
    const r = solveKnapsack({
      capacity: capacity - fixed.cost,
      levers: open.map((i) => {
        const a = allowed[i]!;
        const opts = levers[i]!.options;
        // -1 when the current option is not allowed: every option the lever may take is then a change.
        return { cost: a.map((o) => opts[o]!.cost), value: a.map((o) => opts[o]!.value), current: a.indexOf(levers[i]!.current) };
      }),
    }, budget);
    if (r.status === 'stopped') return 'stopped';
    if (!r.best) return undefined;
    const choice = Int32Array.from(allowed, (a) => a[0]!);
    open.forEach((i, k) => (choice[i] = allowed[i]![r.best!.choice[k]!]!));
    return { choice, cost: r.best.cost + fixed.cost, value: r.best.value + fixed.value, changes: r.best.changes + fixed.changes };
  }

  /** Push the children of a solved space: its packages other than `x`, in disjoint parts. */
  function split(allowed: Allowed, x: Package): void {
    const open = allowed.flatMap((a, i) => (a.length > 1 ? [i] : []));
    const without = (i: number) => allowed[i]!.filter((o) => o !== x.choice[i]);
    const least = (a: readonly number[], f: (o: number) => number) => a.reduce((m, o) => Math.min(m, f(o)), Infinity);
    const most = (a: readonly number[], f: (o: number) => number) => a.reduce((m, o) => Math.max(m, f(o)), -Infinity);
    const off = open.map(without);
    const penalty = open.map((i, k) => least(off[k]!, (o) => gaps[i]![o]!) - gaps[i]![x.choice[i]!]!);
    // Levers that cost least to move go last: the children likely to be solved then fix nearly every lever.
    const order = open.map((_, k) => k).sort((a, b) => penalty[b]! - penalty[a]!);
    const n = order.length;
    // Per child: Σ least gap (bound), Σ largest cost and least "largest step" (can a package in it be minimal?).
    const sufGap = new Float64Array(n + 1);
    const sufCost = new Float64Array(n + 1);
    const sufStep = new Float64Array(n + 1).fill(Infinity);
    let gap = 0;
    let most0 = 0;
    let step = Infinity;
    allowed.forEach((a, i) => {
      if (a.length > 1) return;
      gap += gaps[i]![a[0]!]!;
      most0 += cost[i]![a[0]!]!;
      step = Math.min(step, steps[i]![a[0]!]!);
    });
    for (let t = n - 1; t >= 0; t--) {
      const i = open[order[t]!]!;
      sufGap[t] = sufGap[t + 1]! + least(allowed[i]!, (o) => gaps[i]![o]!);
      sufCost[t] = sufCost[t + 1]! + most(allowed[i]!, (o) => cost[i]![o]!);
      sufStep[t] = Math.min(sufStep[t + 1]!, most(allowed[i]!, (o) => steps[i]![o]!));
    }
    for (let t = 0; t < n; t++) {
      const i = open[order[t]!]!;
      const rest = off[order[t]!]!;
      const childGap = gap + least(rest, (o) => gaps[i]![o]!) + sufGap[t + 1]!;
      const maxCost = most0 + most(rest, (o) => cost[i]![o]!) + sufCost[t + 1]!;
      const maxStep = Math.min(step, most(rest, (o) => steps[i]![o]!), sufStep[t + 1]!);
      if (accept || capacity - maxCost < maxStep) heap.push({ allowed: () => child(t), value: lp!.bound - childGap });
      const o = x.choice[i]!;
      gap += gaps[i]![o]!;
      most0 += cost[i]![o]!;
      step = Math.min(step, steps[i]![o]!);
    }

    function child(t: number): Allowed {
      const a = allowed.slice();
      for (let u = 0; u < t; u++) a[open[order[u]!]!] = [x.choice[open[order[u]!]!]!];
      a[open[order[t]!]!] = off[order[t]!]!;
      return a;
    }
  }
}

/** Queue order: more value first; a bound before a solved package of equal value (it may hold a better one). */
function ranked(a: Space, b: Space): number {
  if (a.value !== b.value) return b.value - a.value;
  if (!a.best || !b.best) return (a.best ? 1 : 0) - (b.best ? 1 : 0);
  return a.best.cost - b.best.cost || a.best.changes - b.best.changes;
}
