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
      at: `${f.line}:${f.col}`, severity: f.severity, message: printable(f.message), code: f.code,
    }));
    const atWidth = Math.max(...rows.map((row) => row.at.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    lines.push(c.underline(printable(r.file)));
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

/**
 * A message quoting the user's text may hold line breaks or terminal escapes; a row
 * must stay one line and print as written, so controls show as their Unicode pictures.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F]/g, (ch) => (ch === '\u007F' ? '\u2421' : String.fromCharCode(0x2400 + ch.charCodeAt(0))));
}
