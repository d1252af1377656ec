import type { DealLever } from './deal.js';

/** A configuration with everything the ranking needs, all exact integers. */
export interface Candidate {
  readonly choice: readonly number[];
  readonly list: number;
  readonly price: number;
  readonly cost: number;
  readonly value: number;
  readonly margin: number;
  readonly changes: number;
}

/** The order alternatives come in; a total order, so every answer is reproducible. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.value !== b.value) return b.value - a.value;
  if (a.margin !== b.margin) return b.margin - a.margin;
  if (a.changes !== b.changes) return a.changes - b.changes;
  for (let j = 0; j < a.choice.length; j++) if (a.choice[j] !== b.choice[j]) return a.choice[j]! - b.choice[j]!;
  return 0;
}

/**
 * The cheapest step up in value from each option of a lever: a configuration is
 * minimal only if its slack is below every such step (for levers without prices).
 */
export function upgradeSteps(l: DealLever): Float64Array {
  return Float64Array.from(l.options, (o) => {
    let step = Infinity;
    for (const p of l.options) if (p.value > o.value && p.cost - o.cost < step) step = p.cost - o.cost;
    return step;
  });
}

