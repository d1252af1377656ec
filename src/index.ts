/**
 * The library API: what the CLI is built on, for scripts.
 */
import { checkFile, type FileResult } from './api/check.js';
import { DEFAULT_MAX_FILE_BYTES } from './api/files.js';
import type { Ratio } from './engine/ratio.js';

export { loadProposal, isUsable, type LoadOptions, type UsableProposal } from './api/proposal-file.js';
export { loadProposalText, type LoadedProposal } from './proposal/load.js';
export {
  counter, originalMetrics, type CounterResult, type CounterOptions, type Request, type Answer, type Alternative, type Change, type Metrics,
} from './engine/counter.js';
export { ladder, taperedSchedule, type Ladder, type LadderOptions, type LadderStep, type Unmet } from './engine/ladder.js';
export { curve, type Curve, type CurveOptions, type CurveSegment } from './engine/curve.js';
export { counterDistinct, type DistinctNote, type DistinctResult } from './engine/distinct.js';
export { ratio, compareRatio, ratioToNumber, type Ratio } from './engine/ratio.js';
export { wallClock } from './api/clock.js';
export type { Clock } from './engine/clock.js';
export { parsePercent, minorToNumber, minorToDecimal } from './proposal/decimal.js';
export { formatMoney, formatPercent } from './report/format.js';
export { renderCounterJson } from './report/counter-json.js';
export { proposalJsonSchema, type Proposal } from './proposal/schema.js';
export type { Deal } from './engine/deal.js';
export type { LocatedFinding, Finding, FindingCode } from './proposal/findings.js';
export type { ArgsOf } from './proposal/messages.js';

export type { FileResult as CheckResult };

export interface CheckOptions {
  /** Also require the file to absorb each of these discounts within its policy (`check --discount`). */
  readonly discounts?: readonly Ratio[];
  /** Refuse files larger than this many bytes (default 10 MiB, as the CLI). */
  readonly maxFileSize?: number;
  /** Milliseconds each `discounts` search may take (default 10 s), and the clock it is measured by. */
  readonly timeLimit?: number;
  readonly clock?: () => number;
}

/**
 * `valuepack check` on one file: every finding (schema, rules, discounts), located and
 * in source order, and the rules it was checked against. Never throws for a bad file.
 */
export function check(file: string, options: CheckOptions = {}): FileResult {
  const { timeLimit, clock } = options;
  return checkFile(file, options.discounts ?? [], options.maxFileSize ?? DEFAULT_MAX_FILE_BYTES,
    { ...(timeLimit !== undefined ? { timeLimit } : {}), ...(clock ? { clock } : {}) });
}
