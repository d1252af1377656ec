import { statSync } from 'node:fs';
import { isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../api/errors.js';
import { expandRequired } from '../api/expand.js';
import { checkFile } from '../api/check.js';
import type { Output } from './output.js';
import { suggest } from '../proposal/suggest.js';
import { DEFAULT_FORMAT, REPORTERS } from '../report/check/registry.js';
import { tally } from '../report/check/types.js';
import { parseCount, parseDiscountList, parseTimeLimit, type GlobalOptions } from './shared.js';

export interface CheckCommandOptions {
  /** Each may hold several, comma-separated. */
  readonly discount?: readonly string[];
  readonly format?: string;
  readonly maxWarnings?: string;
  readonly timeLimit?: string;
}

/** `valuepack check FILES…`: exit 0 clean, 1 errors or too many warnings (usage errors throw: 2). */
export async function checkCommand(inputs: readonly string[], opts: CheckCommandOptions, global: GlobalOptions, out: Output): Promise<number> {
  const format = opts.format ?? DEFAULT_FORMAT;
  const reporter = REPORTERS[format];
  if (!reporter) {
    const s = suggest(format, Object.keys(REPORTERS));
    throw new UsageError(`--format ${format}: unknown format${s ? ` (did you mean ${s}?)` : ''}; formats are ${Object.keys(REPORTERS).join(', ')}`);
  }
  const discounts = parseDiscountList(opts.discount);
  const maxWarnings = opts.maxWarnings === undefined ? Infinity : parseCount(opts.maxWarnings, '--max-warnings', 0);
  for (const input of inputs) requireExisting(input);
  const files = await expandRequired(inputs);

  const timeLimit = parseTimeLimit(opts.timeLimit);
  const results = files.map((file) => checkFile(file, discounts, global.maxFileSize, { timeLimit }));
  out.data(reporter(results, global.color));
  const t = tally(results);
  if (t.errors > 0) return 1;
  if (t.warnings > maxWarnings) {
    out.warn(`valuepack: ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows`);
    return 1;
  }
  return 0;
}

/** Like a linter, a path, pattern or directory that finds nothing is a mistake in the call (exit 2), not a finding. */
function requireExisting(input: string): void {
  if (input === '-' || isDynamicPattern(input)) return;
  try {
    statSync(input);
  } catch (e) {
    // Only absence is the call's mistake; a file it may not read is reported as a finding.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new UsageError(`${input}: no such file or directory`);
    }
  }
}
