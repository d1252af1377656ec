import { counter } from '../engine/counter.js';
import { curve } from '../engine/curve.js';
import { UsageError } from '../api/errors.js';
import { writeFileAtomic } from '../api/files.js';
import type { Output } from './output.js';
import { briefModel } from '../report/brief/model.js';
import { renderBrief } from '../report/brief/page.js';
import { checkKeep, loadOrThrow, parseCount, parseRequest, parseTimeLimit, type GlobalOptions } from './shared.js';

export interface BriefCommandOptions {
  readonly discount?: string;
  readonly price?: string;
  readonly alternatives?: string;
  readonly keep?: readonly string[];
  readonly distinct?: boolean;
  readonly ladder?: boolean;
  readonly output?: string;
  readonly force?: boolean;
  readonly timeLimit?: string;
}

/** Features the brief accepts on the command line that the engine does not provide yet. */
const NOT_YET = {
  distinct: 'Distinct alternatives (--distinct) are not available in this version: these are the best alternatives, and they may change the same levers.',
  ladder: 'The concession ladder (--ladder) is not available in this version: this brief leaves it out.',
};

/** `valuepack brief FILE -o brief.html`: exit 0 met, 1 none feasible (proven), 3 undecided. */
export function briefCommand(file: string, opts: BriefCommandOptions, global: GlobalOptions, out: Output): number {
  if (opts.output === undefined) throw new UsageError('give the file to write with -o brief.html (or -o - for standard output)');
  const { deal } = loadOrThrow(file, global);
  const request = parseRequest(opts, deal);
  const keep = opts.keep ?? [];
  checkKeep(deal, keep, file);
  const timeLimit = parseTimeLimit(opts.timeLimit);
  const alternatives = opts.alternatives === undefined ? 3 : parseCount(opts.alternatives, '--alternatives');
  const unavailable = [opts.distinct && NOT_YET.distinct, opts.ladder && NOT_YET.ladder].filter((u): u is string => !!u);
  for (const u of unavailable) out.warn(`valuepack: ${u}`);

  const result = counter(deal, request, { alternatives, keep, timeLimit });
  const model = briefModel(result, curve(deal, { keep, timeLimit }), unavailable);
  const page = renderBrief(model);
  if (opts.output === '-') out.data(page);
  else {
    writeFileAtomic(opts.output, page, opts.force ?? false);
    out.info(`wrote the brief to ${opts.output}`);
  }
  return model.status === 'met' ? 0 : model.status === 'unmet' ? 1 : 3;
}
