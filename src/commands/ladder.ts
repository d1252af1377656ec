import { ladder, taperedSchedule } from '../engine/ladder.js';
import { compareRatio, ratio, type Ratio } from '../engine/ratio.js';
import { UsageError } from '../api/errors.js';
import { checkWritable, writeFileAtomic } from '../api/files.js';
import type { Output } from './output.js';
import { renderLadderJson } from '../report/ladder-json.js';
import { renderLadderMemo } from '../report/ladder-memo.js';
import { renderLadderText } from '../report/ladder-text.js';
import {
  loadOrThrow, outputFormat, parseBasisPoints, parseCount, parseDiscountList, searchLimits, today, type GlobalOptions,
} from './shared.js';

export interface LadderCommandOptions {
  readonly to?: string;
  readonly steps?: string;
  readonly at?: string;
  readonly keep?: readonly string[];
  readonly approver?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly memo?: string;
  readonly force?: boolean;
  readonly timeLimit?: string;
}

export const DEFAULT_STEPS = 4;

/** `valuepack ladder FILE`: exit 0 when every step is met, 1 when one is not (proven), 3 undecided. */
export function ladderCommand(file: string, opts: LadderCommandOptions, global: GlobalOptions, out: Output): number {
  const steps = scheduleOf(opts);
  const force = opts.force ?? false;
  const loaded = loadOrThrow(file, global);
  if (opts.memo !== undefined) checkWritable(opts.memo, force);
  const deal = loaded.deal;
  const { limits, approver } = searchLimits(deal, opts, file);
  const result = ladder(deal, { steps, ...limits });
  if (opts.memo !== undefined) {
    writeFileAtomic(opts.memo, renderLadderMemo(result, today(), approver), force);
    out.info(`wrote the concession plan (internal) to ${opts.memo}`);
  }
  out.data(outputFormat(opts, ['text', 'json'] as const) === 'json' ? renderLadderJson(result, approver) : renderLadderText(result, global.color, approver, global.columns));
  if (!result.unmet) return 0;
  return result.unmet.reason === 'undecided' ? 3 : 1;
}

/** The discounts of the steps: tapered to --to in --steps, or --at as given (strictly rising). */
export function scheduleOf(opts: Pick<LadderCommandOptions, 'to' | 'steps' | 'at'>): Ratio[] {
  if ((opts.to === undefined) === (opts.at === undefined)) {
    throw new UsageError('give the plan as either --to 20% (with --steps N, default 4) or --at 5%,10%,15%,20%');
  }
  if (opts.at !== undefined) {
    if (opts.steps !== undefined) throw new UsageError('--steps goes with --to; --at lists every step itself');
    const at = parseDiscountList([opts.at], '--at');
    if (at.length === 0) throw new UsageError('--at takes at least one discount, as in --at 5%,10%,15%,20%');
    at.forEach((d, i) => {
      if (i > 0 && compareRatio(d, at[i - 1]!) <= 0) throw new UsageError(`--at takes discounts that rise strictly (got "${opts.at}")`);
    });
    return at;
  }
  const bp = parseBasisPoints(opts.to!, '--to');
  const n = opts.steps === undefined ? DEFAULT_STEPS : parseCount(opts.steps, '--steps');
  const schedule = taperedSchedule(bp, n);
  if (!schedule) throw new UsageError(`--to ${opts.to} is too small for ${n} steps of at least 0.01% each`);
  return schedule.map((b) => ratio(b, 10_000));
}
