import { DEFAULT_TIME_LIMIT_MS, type Request } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { InputError, UsageError } from '../errors.js';
import { parsePercent, toMinorUnits } from '../proposal/decimal.js';
import { suggest } from '../proposal/suggest.js';
import { isUsable, loadProposal, type UsableProposal } from '../io/proposal-file.js';
import type { Ratio } from '../engine/ratio.js';

export interface GlobalOptions {
  readonly color: boolean;
  readonly maxFileSize: number;
}

/** Read and load one proposal as the library does; any problem becomes an InputError (exit 2). */
export function loadOrThrow(file: string, opts: GlobalOptions): UsableProposal {
  const loaded = loadProposal(file, { maxFileSize: opts.maxFileSize });
  if (!isUsable(loaded)) throw new InputError(loaded.findings);
  return loaded;
}

/** "20%", "20" or "12.5%" → an exact ratio in [0, 1]. */
export function parseDiscountOption(text: string, flag = '--discount'): Ratio {
  const r = parsePercent(text, true);
  if (!r || r.num < 0n || r.num > r.den) throw new UsageError(`${flag} takes a percentage from 0% to 100%, such as 20% (got "${text}")`);
  return r;
}

/** --time-limit SECONDS as milliseconds (default: the engine's). */
export function parseTimeLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIME_LIMIT_MS;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError(`--time-limit takes a number of seconds (got "${text}")`);
  return seconds * 1000;
}

export function parseCount(text: string, flag: string, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min} (got "${text}")`);
  return n;
}

/** The request of `counter` and `brief`: exactly one of --discount and --price. */
export function parseRequest(opts: { readonly discount?: string; readonly price?: string }, deal: Deal): Request {
  if ((opts.discount === undefined) === (opts.price === undefined)) {
    throw new UsageError('give the request as either --discount 20% or --price 8000000');
  }
  if (opts.discount !== undefined) return { discount: parseDiscountOption(opts.discount) };
  const units = toMinorUnits(opts.price!.trim().replace(/,/g, ''), deal.digits);
  if (typeof units !== 'bigint' || units < 0n || units > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new UsageError(`--price takes an amount in ${deal.currency} with at most ${deal.digits} decimals (got "${opts.price}")`);
  }
  return { price: Number(units) };
}

/** --keep item.lever, each naming a lever of the file. */
export function checkKeep(keep: readonly string[], deal: Deal, file: string): void {
  const paths = deal.levers.map((l) => l.path);
  for (const k of keep) {
    if (!paths.includes(k)) {
      const s = suggest(k, paths);
      throw new UsageError(`--keep ${k}: no such lever in ${file}${s ? ` (did you mean ${s}?)` : ''}; levers are ${paths.join(', ')}`);
    }
  }
}
