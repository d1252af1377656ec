import { absorptionFindings, ruleFindings, rulesRun } from '../engine/rules.js';
import type { Ratio } from '../engine/ratio.js';
import { UsageError } from '../errors.js';
import { capFindings } from '../findings/cap.js';
import type { LocatedFinding } from '../findings/types.js';
import { expandRequired } from '../io/expand.js';
import { readProposalFile } from '../io/files.js';
import type { Output } from '../io/output.js';
import { loadProposalText, locate } from '../proposal/load.js';
import { suggest } from '../proposal/suggest.js';
import { DEFAULT_FORMAT, REPORTERS } from '../report/check/registry.js';
import { tally, type FileResult } from '../report/check/types.js';
import { parseCount, parseDiscountOption, type GlobalOptions } from './shared.js';

export interface CheckCommandOptions {
  /** Each may hold several, comma-separated. */
  readonly discount?: readonly string[];
  readonly format?: string;
  readonly maxWarnings?: string;
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

  const results = files.map((file) => checkFile(file, discounts, global.maxFileSize));
  out.data(reporter(results, global.color));
  const t = tally(results);
  if (t.errors > 0) return 1;
  if (t.warnings > maxWarnings) {
    out.warn(`valuepack: ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows`);
    return 1;
  }
  return 0;
}

/** Like a linter, a pattern or directory that finds nothing is a mistake in the call, not a pass. */

/**
 * Everything `check` says about one file. Nothing here throws on bad input: an
 * unreadable or invalid file comes back with the findings that stopped it.
 */
export function checkFile(file: string, discounts: readonly Ratio[], maxFileSize: number): FileResult {
  const read = readProposalFile(file, maxFileSize);
  if ('finding' in read) return { file, findings: locate([read.finding], file, ''), rules: [] };
  const loaded = loadProposalText(read.source, file);
  const { proposal, deal } = loaded;
  if (!proposal) return { file, findings: loaded.findings, rules: [] };
  const absorbing = deal !== undefined && discounts.length > 0;
  const found = [...ruleFindings(proposal, deal), ...(absorbing ? absorptionFindings(proposal, deal, discounts) : [])];
  return {
    file,
    // loaded.doc parses the file again with the yaml package: only when a finding needs a position.
    findings: capFindings([...loaded.findings, ...(found.length === 0 ? [] : locate(found, file, read.source, loaded.doc))].sort(byPosition),
      (f) => locate([f], file, read.source)[0]!),
    // "schema" stands for the structure the file has passed; the rest are the rules run on it.
    rules: ['schema', ...rulesRun(deal !== undefined), ...(absorbing ? ['discount-not-absorbed'] : [])],
  };
}

function byPosition(a: LocatedFinding, b: LocatedFinding): number {
  return a.line - b.line || a.col - b.col;
}
