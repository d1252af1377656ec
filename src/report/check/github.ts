import { summaryLine, tally, type Reporter } from './types.js';

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull
 * request at its line, then a plain summary line for the log.
 */
export const github: Reporter = (results) => {
  const lines = results.flatMap((r) => r.findings.map((f) =>
    `::${f.severity} file=${property(r.file)},line=${f.line},col=${f.col},title=${property(`valuepack ${f.code}`)}::${data(f.message)}`));
  lines.push(summaryLine(tally(results)));
  return lines.join('\n') + '\n';
};

/** The message part: "%" first, so that the escapes it introduces are not escaped again. */
export function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value, where ":" and "," would end the property early. */
export function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
