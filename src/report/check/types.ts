import type { FileResult } from '../../api/check.js';

export type { FileResult };

/** One output format of `check`: results in, text out (colour only where the format has it). */
export type Reporter = (results: readonly FileResult[], color: boolean) => string;

export interface Tally {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly errors: number;
  readonly warnings: number;
}

export function tally(results: readonly FileResult[]): Tally {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: results.length, filesWithFindings: results.filter((r) => r.findings.length > 0).length, errors, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 problems (1 error, 1 warning) in 1 of 3 files", or "3 files checked, no problems". */
export function summaryLine(t: Tally): string {
  if (t.errors + t.warnings === 0) return `${plural(t.files, 'file')} checked, no problems`;
  return `${plural(t.errors + t.warnings, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})` +
    ` in ${t.filesWithFindings} of ${plural(t.files, 'file')}`;
}
