import { palette } from '../format.js';
import { summaryLine, tally, type Reporter } from './types.js';

/**
 * The default, for people: findings grouped by file in aligned columns
 * (line:col, severity, message, code), then a summary line. Clean files are not listed.
 */
export const stylish: Reporter = (results, color) => {
  const c = palette(color);
  const lines: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const rows = r.findings.map((f) => ({
      at: `${f.line}:${f.col}`, severity: f.severity, message: f.message, code: f.code,
    }));
    const atWidth = Math.max(...rows.map((row) => row.at.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    lines.push(c.underline(r.file));
    for (const row of rows) {
      const severity = row.severity.padEnd(7);
      lines.push(`  ${c.dim(row.at.padStart(atWidth))}  ${row.severity === 'error' ? c.red(severity) : c.yellow(severity)}` +
        `  ${row.message.padEnd(messageWidth)}  ${c.dim(row.code)}`);
    }
    lines.push('');
  }
  const t = tally(results);
  const summary = summaryLine(t);
  lines.push(t.errors > 0 ? c.red.bold(`✖ ${summary}`) : t.warnings > 0 ? c.yellow.bold(`⚠ ${summary}`) : c.green(`✔ ${summary}`));
  return lines.join('\n') + '\n';
};
