import { UsageError } from '../api/errors.js';
import { expandRequired } from '../api/expand.js';
import { checkFile } from '../api/check.js';
import type { Output } from './output.js';
import { suggest } from '../proposal/suggest.js';
import { DEFAULT_FORMAT, REPORTERS } from '../report/check/registry.js';
import { tally } from '../report/check/types.js';
import { parseCount, parseDiscountOption, parseTimeLimit, type GlobalOptions } from './shared.js';

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
  const discounts = (opts.discount ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter((d) => d !== '')
    .map((d) => parseDiscountOption(d));
  const maxWarnings = opts.maxWarnings === undefined ? Infinity : parseCount(opts.maxWarnings, '--max-warnings', 0);
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

