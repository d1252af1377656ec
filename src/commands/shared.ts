import { ruleFindings } from '../engine/rules.js';
import { InputError, UsageError } from '../errors.js';
import { parsePercent } from '../proposal/decimal.js';
import { locate, loadProposalText, type LoadedProposal } from '../proposal/load.js';
import { readProposalFile } from '../io/files.js';
import type { Ratio } from '../engine/ratio.js';

export interface GlobalOptions {
  readonly color: boolean;
  readonly maxFileSize: number;
}

/** Read and load one proposal; any problem becomes an InputError (exit 2). */
export function loadOrThrow(file: string, opts: GlobalOptions): LoadedProposal & { deal: NonNullable<LoadedProposal['deal']> } {
  const read = readProposalFile(file, opts.maxFileSize);
  if ('finding' in read) throw new InputError(locate([read.finding], file, ''));
  const loaded = loadProposalText(read.source, file);
  if (!loaded.deal || loaded.findings.length > 0) throw new InputError(loaded.findings);
  // Duplicate ids and a non-positive offer would make any answer ambiguous or undefined.
  const structural = ruleFindings(loaded.proposal!, loaded.deal, 'structural');
  if (structural.length > 0) throw new InputError(locate(structural, file, read.source, loaded.doc));
  return loaded as LoadedProposal & { deal: NonNullable<LoadedProposal['deal']> };
}

/** "20%", "20" or "12.5%" → an exact ratio in [0, 1]. */
export function parseDiscountOption(text: string, flag = '--discount'): Ratio {
  const r = parsePercent(text, true);
  if (!r || r.num < 0n || r.num > r.den) throw new UsageError(`${flag} takes a percentage from 0% to 100%, such as 20% (got "${text}")`);
  return r;
}

export function parseCount(text: string, flag: string, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min} (got "${text}")`);
  return n;
}
