import type { KnapsackLever } from './knapsack.js';
import { SmallestFirst } from './smallest.js';

// Far above the rounding error of the float sums below (about 2e-16 × terms × magnitude),
// yet below one unit of value on the largest instances (a bound for integer values).
const WIDEN = 1e-12;

/**
 * A cardinality bound for the levers still outside the dynamic programme, after the one
 * Martello, Pisinger and Toth add for strongly correlated knapsacks. Count an option's
 * steps κ as the hull options from the lever's cheapest that cost no more than it: the
 * κ hull segments below it cost no more than it does over the cheapest, so the outside
 * levers of any package within capacity take at most K steps, K the most of their hull
 * segments that fit, smallest first, in what the capacity leaves over their cheapest
 * options. For any μ, ν ≥ 0 an option is worth at most μ·cost + ν·κ + ρ (ρ the lever's
 * most over that), so they add at most μ·(room) + ν·K + Σ(ρ − start's value + μ·its cost).
 * μ and ν are fitted to the hull segments (value = μ·cost + ν on a strongly correlated
 * lever): where that bound is no tighter than the LP's at the start it is switched off.
 */
export class Counts {
  private readonly segments: SmallestFirst;
  private readonly first: Int32Array; // per lever, its first segment
  private readonly psi: Float64Array; // per lever: ρ − start value + μ · start cost
  private readonly shed: Float64Array; // per lever: start cost − cheapest cost
  readonly mu: number;
  readonly nu: number;
  private readonly widen: number;
  private readonly dc: Float64Array; // every chain segment's cost, lever by lever
  private readonly back: Int32Array; // per lever: its steps to its current option, −1 if it starts there
  private theta = Infinity;
  private reverts = new SmallestFirst(new Float64Array(0));
  private under = new Float64Array(0); // per lever: Σ max(0, 1 − segment / θ)
  private sumUnder = 0;
  private sumPsi = 0;
  private sumShed = 0;
  private on: boolean;
  /** The start state's bound, exact (see `integral`), once `keepIfBelow` has run. */
  exact: number | undefined;

  /** @param onHull how many options lie on their lever's hull, in all */
  constructor(levers: readonly KnapsackLever[], onHull: number, start: Int32Array) {
    const k = levers.length;
    const chains = steep(levers, onHull) ? levers.map(chain) : [];
    this.first = new Int32Array(k + 1);
    chains.forEach((ch, j) => (this.first[j + 1] = this.first[j]! + ch.cost.length - 1));
    const dc = new Float64Array(this.first[k]!);
    const dv = new Float64Array(dc.length);
    chains.forEach((ch, j) => {
      for (let s = 0; s + 1 < ch.cost.length; s++) {
        dc[this.first[j]! + s] = ch.cost[s + 1]! - ch.cost[s]!;
        dv[this.first[j]! + s] = ch.value[s + 1]! - ch.value[s]!;
      }
    });
    [this.mu, this.nu] = fit(dc, dv);
    this.on = this.mu >= 0 && this.nu >= 0;
    this.segments = new SmallestFirst(this.on ? dc : new Float64Array(0));
    this.dc = dc;
    this.back = new Int32Array(k).fill(-1);
    this.psi = new Float64Array(k);
    this.shed = new Float64Array(k);
    let size = 0;
    chains.forEach((ch, j) => {
      if (!this.on) return;
      const l = levers[j]!;
      let rho = -Infinity;
      for (let o = 0; o < l.cost.length; o++) {
        rho = Math.max(rho, l.value[o]! - this.mu * l.cost[o]! - this.nu * steps(ch.cost, l.cost[o]!));
        size = Math.max(size, Math.abs(l.value[o]!) + this.mu * Math.abs(l.cost[o]!));
      }
      const b = start[j]!;
      if (b !== l.current) this.back[j] = steps(ch.cost, l.cost[l.current]!);
      this.psi[j] = rho - l.value[b]! + this.mu * l.cost[b]!;
      this.shed[j] = l.cost[b]! - ch.cost[0]!;
      this.sumPsi += this.psi[j]!;
      this.sumShed += this.shed[j]!;
    });
    this.widen = WIDEN * (k * size + this.nu * dc.length) + 1e-6;
  }

  get active(): boolean {
    return this.on;
  }

  /**
   * Switches the bound off unless it is below `upper` for the start state (v, c) within
   * capacity x. Else fixes θ, the segment at which the start's count breaks, for `reverts`.
   */
  keepIfBelow(v: number, c: number, x: number, upper: number): void {
    if (this.on && !(this.reach(v, c, x) < upper)) this.on = false;
    this.exact = this.on ? this.integral(v, c, x) : undefined;
    if (!this.on || !(this.nu > 0)) return;
    this.theta = this.segments.breaking(x - c + this.sumShed);
    const k = this.back.length;
    const loss = new Float64Array(k);
    this.under = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      for (let s = this.first[j]!; s < this.first[j + 1]!; s++) {
        const d = this.dc[s]! / this.theta;
        this.under[j] = this.under[j]! + Math.max(0, 1 - d);
        if (s < this.first[j]! + this.back[j]!) loss[j] = loss[j]! + Math.max(0, d - 1);
      }
      this.sumUnder += this.under[j]!;
      if (this.back[j]! < 0) loss[j] = Infinity;
    }
    this.reverts = new SmallestFirst(loss, (j) => loss[j]! < Infinity);
  }

  /**
   * The most levers outside that a completion within x worth at least `target` can have
   * back at their current option (Infinity when the bound is off). By LP duality, for any
   * θ > 0 the steps taken number at most budget/θ + Σ max(0, 1 − segment/θ); a lever at
   * its current option takes its own segments, so it gives up Σ max(0, segment/θ − 1) of
   * that sum over those; and reaching `target` needs at least q steps.
   */
  revertible(v: number, c: number, x: number, target: number): number {
    if (!this.on || !(this.theta < Infinity)) return Infinity;
    const budget = x - c + this.sumShed;
    const dual = budget / this.theta + this.sumUnder;
    const q = Math.ceil((target - v - this.mu * (x - c) - this.sumPsi - this.widen) / this.nu);
    const left = dual - q + 1e-9 * (Math.abs(dual) + this.back.length) + 1e-9;
    return budget < 0 || left < 0 ? 0 : this.reverts.most(left);
  }

  /**
   * The bound for the start state in integers, when μ and ν are integers (as fitted to
   * strongly correlated levers) and every term is a safe integer: then no float rounding
   * enters, and a report may state it as proven. Undefined otherwise.
   */
  private integral(v: number, c: number, x: number): number | undefined {
    if (!Number.isInteger(this.mu) || !Number.isInteger(this.nu)) return undefined;
    let size = 0; // every partial sum of ψ is within ±size
    for (const p of this.psi) size = Number.isInteger(p) ? size + Math.abs(p) : Infinity;
    const terms = [v, this.mu * (x - c), this.nu * this.segments.most(x - c + this.sumShed), this.sumPsi, size];
    if (!terms.every(Number.isSafeInteger)) return undefined;
    const sum = v + terms[1]! + terms[2]! + this.sumPsi;
    return Number.isSafeInteger(sum) ? sum : undefined;
  }

  /** The lever is added to the programme: it no longer counts as outside. */
  remove(j: number): void {
    if (!this.on) return;
    for (let s = this.first[j]!; s < this.first[j + 1]!; s++) this.segments.remove(s);
    this.sumPsi -= this.psi[j]!;
    this.sumUnder -= this.under[j] ?? 0;
    this.reverts.remove(j);
    this.sumShed -= this.shed[j]!;
  }

  /** The most a state (value v, cost c) can be worth as a package of cost ≤ x once the levers outside are added; safe for `≥`. */
  reach(v: number, c: number, x: number): number {
    if (!this.on) return Infinity;
    const budget = x - c + this.sumShed;
    if (budget < 0) return -Infinity;
    return v + this.mu * (x - c) + this.nu * this.segments.most(budget) + this.sumPsi + this.widen;
  }
}

/**
 * Do most options lie on their lever's hull (as on a strongly correlated one)? Only then
 * can steps be few enough to bound anything; elsewhere the bound is not built at all.
 */
function steep(levers: readonly KnapsackLever[], onHull: number): boolean {
  let options = 0;
  for (const l of levers) options += l.cost.length;
  return 2 * onHull >= options;
}

/** A lever's distinct costs, ascending, each with the most value at that cost. */
function chain(l: KnapsackLever): { cost: Float64Array; value: Float64Array } {
  const order = Array.from({ length: l.cost.length }, (_, o) => o).sort((a, b) => l.cost[a]! - l.cost[b]! || l.value[b]! - l.value[a]!);
  const cost: number[] = [];
  const value: number[] = [];
  for (const o of order) {
    if (cost.length > 0 && cost[cost.length - 1] === l.cost[o]) continue;
    cost.push(l.cost[o]!);
    value.push(l.value[o]!);
  }
  return { cost: Float64Array.from(cost), value: Float64Array.from(value) };
}

/** The steps to `cost` (one of the chain's): its rank among the lever's distinct costs. */
function steps(chain: Float64Array, cost: number): number {
  let [lo, hi] = [0, chain.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chain[mid]! <= cost) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Least squares for dv ≈ μ·dc + ν over the segments (NaN when they do not determine it). */
function fit(dc: Float64Array, dv: Float64Array): [number, number] {
  const n = dc.length;
  let [sx, sy] = [0, 0];
  for (let s = 0; s < n; s++) [sx, sy] = [sx + dc[s]!, sy + dv[s]!];
  const [mx, my] = [sx / n, sy / n];
  let [sxx, sxy] = [0, 0];
  for (let s = 0; s < n; s++) {
    sxx += (dc[s]! - mx) ** 2;
    sxy += (dc[s]! - mx) * (dv[s]! - my);
  }
  const mu = sxy / sxx;
  return [mu, my - mu * mx];
}
