import { tally, type Reporter } from './types.js';

/**
 * The stable machine format (documented in docs/check.md): one object per file, in
 * the order checked, clean files included. Fields are only ever added, never renamed.
 */
export const json: Reporter = (results) => JSON.stringify(results.map((r) => {
  const t = tally([r]);
  return {
    file: r.file,
    errorCount: t.errors,
    warningCount: t.warnings,
    findings: r.findings.map((f) => ({
      code: f.code, severity: f.severity, line: f.line, col: f.col, message: f.message, path: f.path,
    })),
  };
}), null, 2) + '\n';
