import { counter } from '../../engine/counter.js';
import type { Ratio } from '../../engine/ratio.js';
import { findingCount } from '../../proposal/cap.js';
import type { LocatedFinding } from '../../proposal/findings.js';
import { isUsable, loadProposal } from '../proposal-file.js';
import { wallClock } from '../clock.js';

/** What every evaluation of a batch shares; plain data, so that it can go to a worker. */
export interface BatchConfig {
  readonly discounts: readonly Ratio[];
  readonly maxFileSize: number;
  /** Milliseconds each counter search may take, as `counter --time-limit`. */
  readonly timeLimit: number;
}

/** Why a file gave no rows: its first finding, positioned when it is about the content. */
export interface RowError {
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
  /** How many further findings the file has (`valuepack check` lists them all). */
  readonly more: number;
}

/** The best counter-offer for one discount, or its absence. Money in minor units. */
export interface RowOffer {
  readonly proposal: string;
  readonly customer: string;
  readonly currency: string;
  readonly digits: number;
  /** null: undecided, the time limit stopped the search before any package was found. */
  readonly feasible: boolean | null;
  /** False when the time limit stopped the search: the best found, not proven best. */
  readonly optimal: boolean;
  readonly price?: number;
  /** The package's own list total; policy applies to the discount off it. */
  readonly list?: number;
  readonly margin?: number;
  readonly valueLoss?: number;
  readonly approver?: string;
  readonly changes: readonly { readonly lever: string; readonly from: string; readonly to: string }[];
  /** Largest discount the file can absorb, in basis points; null: none at all. */
  readonly maxDiscountBp: number | null;
}

/** One row of a batch: a file × a discount, or a file that could not be evaluated. */
export type BatchRow =
  | { readonly file: string; readonly discount: Ratio; readonly offer: RowOffer }
  | { readonly file: string; readonly error: RowError };

/**
 * Every row of one file, in the order of the discounts: the one evaluation shared by
 * the main thread and the workers. Reads the file, so it is pure but for that read.
 */
export function evaluateFile(file: string, config: BatchConfig): BatchRow[] {
  const loaded = loadProposal(file, { maxFileSize: config.maxFileSize });
  // A file that could not be read has no source, so no position worth giving.
  if (!isUsable(loaded)) return [{ file, error: rowError(loaded.findings, loaded.source !== '') }];
  const deal = loaded.deal;
  return config.discounts.map((discount) => {
    const r = counter(deal, { discount }, { alternatives: 1, timeLimit: config.timeLimit, clock: wallClock });
    const best = r.alternatives[0];
    const offer: RowOffer = {
      proposal: deal.title, customer: deal.customer, currency: deal.currency, digits: deal.digits,
      feasible: r.feasible, optimal: r.optimal, maxDiscountBp: r.maxDiscountBp,
      changes: best ? best.changes.map((c) => ({ lever: c.lever, from: c.from, to: c.to })) : [],
      ...(best ? { price: best.price, list: best.list, margin: best.margin, valueLoss: best.valueLoss } : {}),
      ...(best?.approver !== undefined ? { approver: best.approver } : {}),
    };
    return { file, discount, offer };
  });
}

/**
 * As evaluateFile, but an unforeseen failure (a bug, a stack overflow) becomes the file's
 * error row: one file must never stop the others of a batch.
 */
export function evaluateSafely(file: string, config: BatchConfig): BatchRow[] {
  try {
    return evaluateFile(file, config);
  } catch (e) {
    return [failedRow(file, `internal error while evaluating this file: ${(e as Error)?.message ?? e}`)];
  }
}

/** The row of a file whose evaluation failed without a finding. */
export function failedRow(file: string, message: string): BatchRow {
  return { file, error: { message, more: 0 } };
}

function rowError(findings: readonly LocatedFinding[], positioned: boolean): RowError {
  const first = findings[0]!; // a proposal is unusable only with a finding
  return { message: first.message, ...(positioned ? { line: first.line, col: first.col } : {}), more: findingCount(findings) - 1 };
}
