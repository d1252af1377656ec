import type { Knapsack, KnapsackLever } from '../../src/engine/mckp/knapsack.js';
import fc from 'fast-check';
import { prng } from './generate.js';

/**
 * The five instance classes of Pisinger's "A minimal algorithm for the multiple-choice
 * knapsack problem" (EJOR 83, 1995), k levers of n options with coefficients in [1, R]:
 * - uncorrelated: cost and value uniform in [1, R];
 * - weakly correlated: cost uniform in [1, R], value uniform in [cost − 10, cost + 10], at least 1;
 * - strongly correlated: increments c′ uniform in [1, R], v′ = c′ + 10, sorted by c′, and
 *   option i the running sums of the first i increments (every option on the hull);
 * - subset sum: value = cost, uniform in [1, R];
 * - zig-zag: costs and values uniform in [1, R], each sorted ascending and paired (value
 *   rises with cost, but not concavely).
 * The capacity is ½ Σ_j (min cost + max cost); the current option is the most valuable.
 */
export const CLASSES = ['uncorrelated', 'weakly', 'strongly', 'subset', 'zigzag'] as const;
export type InstanceClass = (typeof CLASSES)[number];

export interface ClassSpec {
  readonly kind: InstanceClass;
  readonly levers: number;
  readonly options: number;
  readonly range: number;
  readonly seed: number;
}

/** Seeded instances of every class, sizes drawn from the ranges given, for property tests. */
export function classSpecs(levers: [number, number], options: [number, number], ranges: number[]): fc.Arbitrary<ClassSpec> {
  return fc.record({
    kind: fc.constantFrom(...CLASSES),
    levers: fc.integer({ min: levers[0], max: levers[1] }),
    options: fc.integer({ min: options[0], max: options[1] }),
    range: fc.constantFrom(...ranges),
    seed: fc.integer(),
  });
}

export function classInstance(spec: ClassSpec): Knapsack {
  const random = prng(spec.seed);
  const draw = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const R = spec.range;
  let capacity = 0;
  const levers: KnapsackLever[] = Array.from({ length: spec.levers }, () => {
    const n = spec.options;
    const cost = new Float64Array(n);
    const value = new Float64Array(n);
    switch (spec.kind) {
      case 'uncorrelated':
        for (let i = 0; i < n; i++) [cost[i], value[i]] = [draw(1, R), draw(1, R)];
        break;
      case 'weakly':
        for (let i = 0; i < n; i++) {
          cost[i] = draw(1, R);
          value[i] = Math.max(1, draw(cost[i]! - 10, cost[i]! + 10));
        }
        break;
      case 'strongly': {
        const steps = Array.from({ length: n }, () => draw(1, R)).sort((a, b) => a - b);
        let [c, v] = [0, 0];
        steps.forEach((s, i) => {
          [c, v] = [c + s, v + s + 10];
          [cost[i], value[i]] = [c, v];
        });
        break;
      }
      case 'subset':
        for (let i = 0; i < n; i++) cost[i] = value[i] = draw(1, R);
        break;
      case 'zigzag': {
        const cs = Array.from({ length: n }, () => draw(1, R)).sort((a, b) => a - b);
        const vs = Array.from({ length: n }, () => draw(1, R)).sort((a, b) => a - b);
        cs.forEach((c, i) => [cost[i], value[i]] = [c, vs[i]!]);
        break;
      }
    }
    let [lo, hi, top] = [Infinity, -Infinity, 0];
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, cost[i]!);
      hi = Math.max(hi, cost[i]!);
      if (value[i]! > value[top]!) top = i;
    }
    capacity += (lo + hi) / 2;
    return { cost, value, current: top };
  });
  return { levers, capacity: Math.floor(capacity) };
}

/**
 * Tiny instances for checking a bound against every completion: a class instance, and
 * where to stand in it (a position, moves, a slack on the cost limit).
 */
export const smallCases = {
  kind: fc.constantFrom(...CLASSES),
  levers: fc.integer({ min: 1, max: 5 }),
  options: fc.integer({ min: 1, max: 4 }),
  range: fc.constantFrom(10, 100),
  seed: fc.integer(),
  at: fc.nat(),
  moves: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
  slack: fc.integer({ min: -300, max: 300 }),
};

/** Every completion of the levers from position t of `order` on, in `choice` (changed in place, restored after). */
export function* completions(levers: readonly KnapsackLever[], order: ArrayLike<number>, t: number, choice: Int32Array): Generator<Int32Array> {
  if (t === order.length) {
    yield choice;
    return;
  }
  const j = order[t]!;
  const keep = choice[j]!;
  for (let o = 0; o < levers[j]!.cost.length; o++) {
    choice[j] = o;
    yield* completions(levers, order, t + 1, choice);
  }
  choice[j] = keep;
}
