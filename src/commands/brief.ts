import { counter, type CounterResult } from '../engine/counter.js';
import { curve } from '../engine/curve.js';
import { counterDistinct } from '../engine/distinct.js';
import { ladder, taperedSchedule, type Ladder, type LadderOptions } from '../engine/ladder.js';
import { ratio } from '../engine/ratio.js';
import { UsageError } from '../api/errors.js';
import { writeFileAtomic } from '../api/files.js';
import type { Output } from './output.js';
import { briefModel } from '../report/brief/model.js';
import { renderBrief } from '../report/brief/page.js';
import { loadOrThrow, parseCount, parseRequest, searchLimits, type GlobalOptions } from './shared.js';

export interface BriefCommandOptions {
  readonly discount?: string;
  readonly price?: string;
  readonly alternatives?: string;
  readonly keep?: readonly string[];
  readonly addScope?: boolean;
  readonly approver?: string;
  readonly distinct?: boolean;
  readonly ladder?: boolean;
  readonly output?: string;
  readonly force?: boolean;
  readonly timeLimit?: string;
}

/** Steps of the plan that --ladder adds, as `ladder --steps` by default. */
const LADDER_STEPS = 4;

/** `valuepack brief FILE -o brief.html`: exit 0 met, 1 none feasible (proven), 3 undecided. */
export function briefCommand(file: string, opts: BriefCommandOptions, global: GlobalOptions, out: Output): number {
  if (opts.output === undefined) throw new UsageError('give the file to write with -o brief.html (or -o - for standard output)');
  if (opts.addScope && opts.ladder) throw new UsageError('--add-scope cannot go with --ladder: a concession plan only ever gives scope up');
  const { deal } = loadOrThrow(file, global);
  const request = parseRequest(opts, deal);
  // One set of limits for every search on the page: the answer, the curve and the plan.
  const { limits, approver } = searchLimits(deal, opts, file);
  const alternatives = opts.alternatives === undefined ? 3 : parseCount(opts.alternatives, '--alternatives');
  const distinct = opts.distinct ? counterDistinct(deal, request, { alternatives, ...limits }) : undefined;
  const result = distinct ?? counter(deal, request, { alternatives, ...limits });
  const plan = opts.ladder ? planTo(result, limits) : undefined;
  const model = briefModel(result, curve(deal, limits), {
    ...(plan ? { ladder: plan } : {}), ...(distinct ? { distinct: distinct.distinct } : {}), ...(approver ? { approver } : {}),
  });
  const page = renderBrief(model);
  if (opts.output === '-') out.data(page);
  else {
    writeFileAtomic(opts.output, page, opts.force ?? false);
    out.info(`wrote the brief to ${opts.output}`);
  }
  return model.status === 'met' ? 0 : model.status === 'unmet' ? 1 : 3;
}

/**
 * The plan --ladder adds: tapered steps up to the request, or up to the largest discount
 * that can be met when the request is beyond it; none when there is nothing to concede.
 */
function planTo(r: CounterResult, limits: Omit<LadderOptions, 'steps'>): Ladder | undefined {
  const d = r.request.discount;
  const asked = Number((d.num * 10_000n) / d.den);
  const toBp = Math.min(asked, r.maxDiscountBp ?? 0);
  const schedule = taperedSchedule(toBp, Math.min(LADDER_STEPS, toBp));
  if (!schedule) return undefined;
  return ladder(r.deal, { ...limits, steps: schedule.map((bp) => ratio(bp, 10_000)) });
}
