import { counter, type CounterOptions, type CounterResult } from '../engine/counter.js';
import { counterDistinct } from '../engine/distinct.js';
import { UsageError } from '../api/errors.js';
import { checkWritable } from '../api/files.js';
import { renderCounterJson } from '../report/counter-json.js';
import { renderCounterText, UNDECIDED, type CounterExtras } from '../report/counter-text.js';
import type { LetterOptions } from '../report/letter.js';
import { printableData } from '../report/printable.js';
import {
  loadOrThrow, outputFormat, parseCount, parseRequest, parseValidUntil, requireOneRequest, searchLimits, today, type GlobalOptions,
} from './shared.js';
import type { UsableProposal } from '../api/proposal-file.js';
import type { Output } from './output.js';
import { planWriteUp, STDOUT, writePlanned, type PlannedFile } from './write-up.js';

export interface CounterCommandOptions {
  readonly discount?: string;
  readonly price?: string;
  readonly alternatives?: string;
  readonly keep?: readonly string[];
  readonly addScope?: boolean;
  readonly json?: boolean;
  readonly format?: string;
  readonly letter?: string;
  readonly validUntil?: string;
  readonly out?: string;
  readonly pick?: string;
  readonly force?: boolean;
  readonly timeLimit?: string;
  readonly distinct?: boolean;
  readonly approver?: string;
}

/** `valuepack counter FILE`: exit 0 when a package meets the request, 1 when none does. */
export function counterCommand(file: string, opts: CounterCommandOptions, global: GlobalOptions, out: Output): number {
  requireOneRequest(opts);
  if (opts.pick !== undefined && opts.out === undefined) throw new UsageError('--pick chooses the alternative --out writes; give --out FILE too');
  if (opts.validUntil !== undefined && opts.letter === undefined) throw new UsageError('--valid-until dates the cover letter; give --letter FILE too');
  const date = today();
  const validUntil = parseValidUntil(opts.validUntil, date);
  const pick = opts.pick === undefined ? 1 : parseCount(opts.pick, '--pick');
  const force = opts.force ?? false;
  if (opts.out !== undefined && opts.out === opts.letter) {
    throw new UsageError(opts.out === STDOUT ? '--out - and --letter - cannot both write to stdout' : '--out and --letter name the same file');
  }
  const format = outputFormat(opts, ['text', 'json'] as const);
  const fileOnStdout = opts.out === STDOUT || opts.letter === STDOUT;
  if (fileOnStdout && format === 'json') {
    throw new UsageError(`--${opts.out === STDOUT ? 'out' : 'letter'} - writes to stdout, where --format json would go too; write one of them to a file`);
  }

  const loaded = loadOrThrow(file, global);
  for (const target of [opts.out, opts.letter]) if (target !== undefined && target !== STDOUT) checkWritable(target, force);
  const deal = loaded.deal;
  const request = parseRequest(opts, deal);
  const { limits, approver } = searchLimits(deal, opts, file);
  const wanted = opts.alternatives === undefined ? 3 : parseCount(opts.alternatives, '--alternatives');
  const options: CounterOptions = { alternatives: wanted, ...limits };
  const distinct = opts.distinct ? counterDistinct(deal, request, options) : undefined;
  const result = distinct ?? counter(deal, request, options);
  const extras: CounterExtras = { ...(approver ? { approver } : {}), ...(distinct ? { distinct: distinct.distinct } : {}) };

  const found = result.alternatives.length;
  if (opts.alternatives !== undefined && !distinct && result.feasible && result.optimal && found < wanted) { // asked for more than exist
    out.warn(`valuepack: only ${found} minimal package${found === 1 ? '' : 's'} meet${found === 1 ? 's' : ''} the request within policy; all are shown`);
  }
  // Plan every file before writing any, so that a refused target leaves nothing half done.
  if (result.feasible) writePlanned(plan(loaded, result, pick, opts, { date, ...(validUntil ? { validUntil } : {}) }), out);
  if (!result.feasible && (opts.out !== undefined || opts.letter !== undefined)) {
    const why = result.feasible === null ? `undecided: ${UNDECIDED}` : 'no package meets the request within policy';
    out.info(`${why}, so nothing was written to ${[opts.out, opts.letter].filter(Boolean).join(' or ')}`);
  }
  // A letter or proposal on stdout keeps stdout to itself: the tables go to stderr, as messages do.
  const report = format === 'json' ? renderCounterJson(result, { ...extras, asked: request })
    : renderCounterText(printableData(result), global.color, { ...extras, width: global.columns });
  if (fileOnStdout) out.info(report);
  else out.data(report);
  // 3: undecided, the time limit stopped the search before any package was found.
  return result.feasible === null ? 3 : result.feasible ? 0 : 1;
}

function plan(loaded: UsableProposal, r: CounterResult, pick: number, opts: CounterCommandOptions, letter: LetterOptions): PlannedFile[] {
  const replace = opts.force ?? false;
  const files = planWriteUp(loaded, r, pick, {
    ...(opts.out !== undefined ? { out: { path: opts.out, replace } } : {}),
    ...(opts.letter !== undefined ? { letter: { path: opts.letter, replace } } : {}),
  }, letter);
  if (files) return files;
  const n = r.alternatives.length;
  throw new UsageError(`--pick ${pick}: there ${n === 1 ? 'is 1 alternative' : `are ${n} alternatives`}`);
}
