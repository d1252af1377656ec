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
