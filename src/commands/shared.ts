import { DEFAULT_TIME_LIMIT_MS } from '../engine/counter.js';
import { InputError, UsageError } from '../api/errors.js';
import { parsePercent } from '../proposal/decimal.js';
import { suggest } from '../proposal/suggest.js';
import { isUsable, loadProposal, type UsableProposal } from '../api/proposal-file.js';
import type { Deal } from '../engine/deal.js';
import type { Ratio } from '../engine/ratio.js';
import type { ApproverLimit } from '../report/approver.js';

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
