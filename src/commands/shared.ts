import { DEFAULT_TIME_LIMIT_MS, originalMetrics, type Request } from '../engine/counter.js';
import { InputError, UsageError } from '../api/errors.js';
import { bareFraction, parsePercent } from '../proposal/decimal.js';
import { formatMoney } from '../report/format.js';
import { parsePriceOption } from './price.js';
import { suggest } from '../proposal/suggest.js';
import { isUsable, loadProposal, type UsableProposal } from '../api/proposal-file.js';
import type { Deal } from '../engine/deal.js';
import type { Ratio } from '../engine/ratio.js';
import type { ApproverLimit } from '../report/approver.js';
import { wallClock } from '../api/clock.js';

export interface GlobalOptions {
  readonly color: boolean;
  readonly maxFileSize: number;
  /** Terminal columns tables fit in (COLUMNS, else the terminal's); none when piped. */
  readonly columns?: number | undefined;
}

/** Read and load one proposal as the library does; any problem becomes an InputError (exit 2). */
export function loadOrThrow(file: string, opts: GlobalOptions): UsableProposal {
  const loaded = loadProposal(file, { maxFileSize: opts.maxFileSize });
  if (!isUsable(loaded)) throw new InputError(loaded.findings);
  return loaded;
}

/**
 * "20%", "20" or "12.5%" → an exact ratio in [0, 1]. A bare number below 1 with decimals
 * ("0.2") is refused: it reads as a fraction (20%) as easily as a percentage (0.2%).
 */
export function parseDiscountOption(text: string, flag = '--discount'): Ratio {
  const ambiguous = bareFraction(text);
  if (ambiguous) throw new UsageError(`${flag} ${text.trim()}: ${ambiguous} Write the % sign`);
  const r = parsePercent(text, true);
  if (!r || r.num < 0n || r.num > r.den) throw new UsageError(`${flag} takes a percentage from 0% to 100%, such as 20% (got "${text}")`);
  return r;
}

/**
 * Every --discount given, each possibly a comma-separated list ("-d 10%,15% -d 20%"),
 * as ratios in the order given; empty items (a trailing comma) are skipped.
 */
export function parseDiscountList(values: readonly string[] | undefined, flag = '--discount'): Ratio[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
    .map((v) => parseDiscountOption(v, flag));
}

/** --format of a command that prints data, with --json kept as its older spelling. */
export function outputFormat<F extends string>(opts: { readonly format?: string; readonly json?: boolean }, formats: readonly F[]): F {
  const name = opts.json ? (opts.format === undefined || opts.format === 'json' ? 'json' : undefined) : opts.format ?? formats[0];
  if (name === undefined) throw new UsageError(`--json is --format json; it cannot go with --format ${opts.format}`);
  if (!(formats as readonly string[]).includes(name)) throw new UsageError(`--format takes ${formats.join(' or ')} (got "${name}")`);
  return name as F;
}

/** A discount on the 0.01% grid, in basis points: "20%" → 2000. */
export function parseBasisPoints(text: string, flag: string): number {
  const r = parseDiscountOption(text, flag);
  const bp = (r.num * 10_000n) / r.den;
  if (bp * r.den !== r.num * 10_000n) throw new UsageError(`${flag} takes a discount in steps of 0.01% (got "${text}")`);
  return Number(bp);
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

/** Today's date, YYYY-MM-DD, in the local time zone: the date a letter is written on. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** --valid-until: a real calendar date, YYYY-MM-DD, not before today. */
export function parseValidUntil(text: string | undefined, from: string): string | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.toISOString().slice(0, 10) !== m[0]) {
    throw new UsageError(`--valid-until takes a date as YYYY-MM-DD, such as 2026-12-31 (got "${text}")`);
  }
  if (m[0] < from) throw new UsageError(`--valid-until ${m[0]} is before today (${from})`);
  return m[0];
}

interface RequestOptions {
  readonly discount?: string;
  readonly price?: string;
}

/** Exactly one of --discount and --price: checked before any file is read. */
export function requireOneRequest(opts: RequestOptions): void {
  if ((opts.discount === undefined) === (opts.price === undefined)) {
    throw new UsageError('give the request as either --discount 20% or --price 8000000');
  }
}

/** The request of `counter` and `brief`; a target price must lie at or below the offer. */
export function parseRequest(opts: RequestOptions, deal: Deal): Request {
  requireOneRequest(opts);
  if (opts.discount !== undefined) {
    const [discount, ...more] = parseDiscountList([opts.discount]);
    if (!discount || more.length > 0) throw new UsageError(`--discount ${opts.discount}: one request at a time; batch evaluates several (valuepack batch FILE -d ${opts.discount})`);
    return { discount };
  }
  const units = parsePriceOption(opts.price!, deal);
  const offer = originalMetrics(deal).price;
  if (units > BigInt(offer)) {
    throw new UsageError(`--price ${opts.price} is above the offer price of ${deal.currency} ${formatMoney(offer, deal.digits)}: a counter-offer only lowers the price`);
  }
  return { price: Number(units) };
}

/** --approver NAME: who is to sign, and the discount off list their band reaches (exit 2 for a name not in the file). */
export function parseApprover(deal: Deal, name: string | undefined, file: string): ApproverLimit | undefined {
  if (name === undefined) return undefined;
  const names = deal.policy.approvals.map((a) => a.approver);
  if (names.length === 0) throw new UsageError(`--approver ${name}: ${file} has no approval bands (policy.approvals)`);
  const wanted = name.trim().toLowerCase();
  const band = deal.policy.approvals.find((a) => a.approver.toLowerCase() === wanted);
  if (!band) throw new UsageError(`--approver ${name}: no such approver in ${file}; approvers are ${names.map((n) => `"${n}"`).join(', ')}`);
  return { name: band.approver, upTo: band.upTo };
}

/** --keep item.lever: every path must name a lever of the file. */
export function checkKeep(deal: Deal, keep: readonly string[], file: string): void {
  const paths = deal.levers.map((l) => l.path);
  for (const k of keep) {
    if (!paths.includes(k)) {
      const s = suggest(k, paths);
      throw new UsageError(`--keep ${k}: no such lever in ${file}${s ? ` (did you mean ${s}?)` : ''}; levers are ${paths.join(', ')}`);
    }
  }
}

/** The flags that bound every search a command runs: what to keep, who signs, scope, time. */
export interface SearchFlags {
  readonly keep?: readonly string[];
  readonly approver?: string;
  readonly addScope?: boolean;
  readonly timeLimit?: string;
}

/**
 * --keep (checked against the file), --approver, --add-scope and --time-limit as the
 * engine's options, on the wall clock; the approver also comes back for the renderers.
 */
export function searchLimits(deal: Deal, opts: SearchFlags, file: string) {
  const keep = opts.keep ?? [];
  checkKeep(deal, keep, file);
  const approver = parseApprover(deal, opts.approver, file);
  const limits = {
    keep, addScope: opts.addScope ?? false, timeLimit: parseTimeLimit(opts.timeLimit), clock: wallClock,
    ...(approver ? { approverCap: approver.upTo } : {}),
  };
  return { limits, approver };
}
