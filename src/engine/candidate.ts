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
 * By value descending with a running minimum of cost: O(n log n), not a scan per option.
 */
export function upgradeSteps(l: DealLever): Float64Array {
  const byValue = l.options.map((_, i) => i).sort((a, b) => l.options[b]!.value - l.options[a]!.value);
  const steps = new Float64Array(l.options.length);
  let cheapestAbove = Infinity; // least cost among options of strictly higher value
  for (let s = 0; s < byValue.length;) {
    let e = s;
    while (e < byValue.length && l.options[byValue[e]!]!.value === l.options[byValue[s]!]!.value) e++;
    for (let t = s; t < e; t++) steps[byValue[t]!] = cheapestAbove - l.options[byValue[t]!]!.cost;
    for (let t = s; t < e; t++) cheapestAbove = Math.min(cheapestAbove, l.options[byValue[t]!]!.cost);
    s = e;
  }
  return steps;
}
