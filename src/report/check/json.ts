import { SCHEMA_VERSION } from '../schema-version.js';
import { tally, type Reporter } from './types.js';

/**
 * The stable machine format (documented in docs/check.md): one object per file, in
 * the order checked, clean files included; each finding with its code and arguments,
 * so that scripts never parse message text.
 */
export const json: Reporter = (results) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, files: results.map((r) => {
  const t = tally([r]);
  return {
    file: r.file,
    errorCount: t.errors,
    warningCount: t.warnings,
    findings: r.findings.map((f) => ({
      code: f.code, severity: f.severity, line: f.line, col: f.col, message: f.message, path: f.path, args: f.args,
    })),
  };
}) }, null, 2) + '\n';
