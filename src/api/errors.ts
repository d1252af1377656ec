import type { LocatedFinding } from '../proposal/findings.js';

/** A mistake in how valuepack was called: exit 2, message only. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that cannot be used: exit 2 with every finding located as file:line:col. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly findings: readonly LocatedFinding[]) {
    super(findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.message}`).join('\n'));
  }
}
