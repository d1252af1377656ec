import type { Finding, Severity } from './findings.js';

/** Findings listed per file; one more finding says how many were left out. */
export const MAX_FINDINGS = 100;

const TRUNCATED = 'findings-truncated';

/** How many findings a list stands for, counting those a truncation finding left out. */
export function findingCount(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) n += f.code === TRUNCATED ? f.args.count : 1;
  return n;
}

/**
 * The first MAX_FINDINGS findings and, when there were more, one that counts the rest
 * (an error when any of them is), placed at the end of the file. A file can hold
 * hundreds of thousands of mistakes; listing, locating and printing them all would cost
 * far more than they tell. `place` gives the truncation finding the form of the others.
 */
export function capFindings<T extends Finding>(findings: readonly T[], place: (f: Finding) => T): T[] {
  const kept = findings.filter((f) => f.code !== TRUNCATED);
  const total = findingCount(findings);
  if (total <= MAX_FINDINGS && kept.length === findings.length) return [...findings];
  const shown = kept.slice(0, MAX_FINDINGS);
  const rest = [...kept.slice(MAX_FINDINGS), ...findings.filter((f) => f.code === TRUNCATED)];
  const severity = rest.some((f) => f.severity === 'error') ? 'error' : 'warning';
  const count = total - shown.length;
  return count === 0 ? shown : [...shown, place(truncation(count, severity))];
}

/** The finding that stands for `count` findings left out, placed at the end of the file. */
export function truncation(count: number, severity: Severity = 'error'): Finding {
  return { code: TRUNCATED, severity, path: [], args: { count, limit: MAX_FINDINGS }, offset: Number.MAX_SAFE_INTEGER };
}
