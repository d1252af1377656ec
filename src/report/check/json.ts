import { SCHEMA_VERSION } from '../schema-version.js';
import { tally, type Reporter } from './types.js';

/**
 * The stable machine format (documented in docs/check.md): one object per file, in
 * the order checked, clean files included; each finding with its code and arguments,
 * so that scripts never parse message text. Arguments are raw: an exact ratio's BigInt
 * numerator and denominator are written as decimal strings, which no JSON reader rounds.
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
}) }, exactBigInt, 2) + '\n';

function exactBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
