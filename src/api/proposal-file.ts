import { limitsFor } from '../proposal/bounds.js';
import type { Deal } from '../engine/deal.js';
import { ruleFindings } from '../proposal/rules.js';
import { loadProposalText, locate, type LoadedProposal } from '../proposal/load.js';
import { DEFAULT_MAX_FILE_BYTES, readProposalFile } from './files.js';

export interface LoadOptions {
  /** Refuse files larger than this many bytes (default 10 MiB, as the CLI). */
  readonly maxFileSize?: number;
}

/** A proposal that loaded without a finding: its deal is ready for the engine. */
export type UsableProposal = LoadedProposal & { readonly deal: Deal };

/**
 * Read and load one proposal file as every command does: read with the size limit,
 * parse and validate, and refuse what the structural rules refuse (duplicate ids, an
 * offer price that is not positive). It never throws for a bad file: the file comes
 * back without a `deal` and with its findings located as file:line:col, so that a
 * script (or `batch`) going through many files reports each and carries on.
 */
export function loadProposal(file: string, options: LoadOptions = {}): LoadedProposal {
  const loaded = readProposal(file, options.maxFileSize ?? DEFAULT_MAX_FILE_BYTES);
  if (!loaded.proposal || !loaded.deal || loaded.findings.length > 0) return loaded;
  const structural = ruleFindings(loaded.proposal, loaded.deal, 'structural');
  if (structural.length === 0) return loaded;
  const { deal: _refused, ...rest } = loaded;
  return { ...rest, findings: locate(structural, file, loaded.source, loaded.doc) };
}

/**
 * Read with the size limit and parse under the YAML limits that size allows (see
 * limitsFor): a file that cannot be read comes back with that one finding, located.
 */
export function readProposal(file: string, maxFileSize: number): LoadedProposal {
  const read = readProposalFile(file, maxFileSize);
  if ('finding' in read) return { file, source: '', findings: locate([read.finding], file, '') };
  return loadProposalText(read.source, file, limitsFor(maxFileSize));
}

/** True when the proposal loaded without a finding, so that its deal can be used. */
export function isUsable(loaded: LoadedProposal): loaded is UsableProposal {
  return loaded.deal !== undefined && loaded.findings.length === 0;
}
