import { counter, type CounterResult, type Request } from '../engine/counter.js';
import { UsageError } from '../errors.js';
import { toMinorUnits } from '../proposal/decimal.js';
import { reviseForPick } from '../proposal/revise.js';
import { suggest } from '../proposal/suggest.js';
import { writeFileAtomic } from '../io/files.js';
import { renderCounterJson } from '../report/counter-json.js';
import { renderCounterText } from '../report/counter-text.js';
import { renderLetter } from '../report/letter.js';
import { printableData } from '../report/printable.js';
import { loadOrThrow, parseCount, parseDiscountOption, parseTimeLimit, type GlobalOptions } from './shared.js';
import type { Output } from '../io/output.js';

export interface CounterCommandOptions {
  readonly discount?: string;
  readonly price?: string;
  readonly alternatives?: string;
  readonly keep?: readonly string[];
  readonly json?: boolean;
  readonly letter?: string;
  readonly out?: string;
  readonly pick?: string;
  readonly force?: boolean;
  readonly timeLimit?: string;
}

/** `valuepack counter FILE`: exit 0 when a package meets the request, 1 when none does. */
export function counterCommand(file: string, opts: CounterCommandOptions, global: GlobalOptions, out: Output): number {
  if ((opts.discount === undefined) === (opts.price === undefined)) {
    throw new UsageError('give the request as either --discount 20% or --price 8000000');
  }
  const loaded = loadOrThrow(file, global);
  const deal = loaded.deal;
  let request: Request;
  if (opts.price !== undefined) {
    const units = toMinorUnits(opts.price.trim().replace(/,/g, ''), deal.digits);
    if (typeof units !== 'bigint' || units < 0n || units > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new UsageError(`--price takes an amount in ${deal.currency} with at most ${deal.digits} decimals (got "${opts.price}")`);
    }
    request = { price: Number(units) };
  } else {
    request = { discount: parseDiscountOption(opts.discount!) };
  }
  const paths = deal.levers.map((l) => l.path);
  for (const k of opts.keep ?? []) {
    if (!paths.includes(k)) {
      const s = suggest(k, paths);
      throw new UsageError(`--keep ${k}: no such lever in ${file}${s ? ` (did you mean ${s}?)` : ''}; levers are ${paths.join(', ')}`);
    }
  }
  const timeLimit = parseTimeLimit(opts.timeLimit);
  const result = counter(deal, request, {
    alternatives: opts.alternatives === undefined ? 3 : parseCount(opts.alternatives, '--alternatives'),
    keep: opts.keep ?? [],
    timeLimit,
  });

  const pick = opts.pick === undefined ? 1 : parseCount(opts.pick, '--pick');
  if (opts.out !== undefined) writeRevised(loaded, result, pick, opts.out, opts.force ?? false, out);
  if (opts.letter !== undefined) {
    writeFileAtomic(opts.letter, renderLetter(printableData(result)), opts.force ?? false);
    out.info(`wrote the cover letter to ${opts.letter}`);
  }
  out.data(opts.json ? renderCounterJson(result) : renderCounterText(printableData(result), global.color));
  return result.feasible ? 0 : 1;
}

function writeRevised(loaded: ReturnType<typeof loadOrThrow>, r: CounterResult, pick: number, path: string, force: boolean, out: Output): void {
  const text = reviseForPick(loaded.doc!, r, pick);
  if (text === undefined) {
    const n = (r.feasible ? r : r.atMaxDiscount)?.alternatives.length ?? 0;
    throw new UsageError(`--pick ${pick}: there ${n === 1 ? 'is 1 alternative' : `are ${n} alternatives`}`);
  }
  writeFileAtomic(path, text, force);
  out.info(`wrote the revised proposal (alternative ${pick}) to ${path}`);
}
