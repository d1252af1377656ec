import type { Ratio } from '../engine/ratio.js';
import { capFindings } from '../proposal/cap.js';
import type { LocatedFinding } from '../proposal/findings.js';
import { locate } from '../proposal/load.js';
import { absorptionFindings, ruleFindings, rulesRun, type SearchLimit } from '../proposal/rules.js';
import { readProposal } from './proposal-file.js';
import { wallClock } from './clock.js';

/** What `check` found in one file: the data every reporter renders. */
export interface FileResult {
  readonly file: string;
  /** In source order (line, then column). */
  readonly findings: readonly LocatedFinding[];
  /**
   * Codes of the rules the file was checked against. A file that could not be read or
   * parsed was checked against none: its findings say what stopped it.
   */
  readonly rules: readonly string[];
}

/**
 * Everything `check` says about one file. Nothing here throws on bad input: an
 * unreadable or invalid file comes back with the findings that stopped it.
 */
export function checkFile(file: string, discounts: readonly Ratio[], maxFileSize: number, search: SearchLimit = {}): FileResult {
  const loaded = readProposal(file, maxFileSize);
  const { proposal, deal } = loaded;
  if (!proposal) return { file, findings: loaded.findings, rules: [] };
  const absorbing = deal !== undefined && discounts.length > 0;
  const found = [...ruleFindings(proposal, deal), ...(absorbing ? absorptionFindings(proposal, deal, discounts, { clock: wallClock, ...search }) : [])];
  return {
    file,
    // loaded.doc parses the file again with the yaml package: only when a finding needs a position.
    findings: capFindings([...loaded.findings, ...(found.length === 0 ? [] : locate(found, file, loaded.source, loaded.doc))].sort(byPosition),
      (f) => locate([f], file, loaded.source)[0]!),
    // "schema" stands for the structure the file has passed; the rest are the rules run on it.
    rules: ['schema', ...rulesRun(deal !== undefined), ...(absorbing ? ['discount-not-absorbed'] : [])],
  };
}

function byPosition(a: LocatedFinding, b: LocatedFinding): number {
  return a.line - b.line || a.col - b.col;
}
