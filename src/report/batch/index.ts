import type { BatchRow } from '../../api/batch/evaluate.js';
import { csvFormat } from './csv.js';
import { jsonFormat } from './json.js';
import { jsonlFormat } from './jsonl.js';
import { tableFormat } from './table.js';

/**
 * One output of `batch`, made fresh for each run. Rows arrive in input order; a
 * streaming format returns each row's text at once, so memory stays flat, while the
 * table, which needs every row to size its columns, returns it all from `end`.
 */
export interface BatchRenderer {
  start(): string;
  row(row: BatchRow): string;
  end(): string;
}

export interface BatchRenderOptions {
  readonly color: boolean;
  /** Width of the terminal stdout is, if it is one: the table fits itself to it. */
  readonly columns?: number;
}

export type BatchFormat = (options: BatchRenderOptions) => BatchRenderer;

/** `--format` names and their renderers. */
export const BATCH_FORMATS: Readonly<Record<string, BatchFormat>> = {
  table: tableFormat,
  csv: csvFormat,
  json: jsonFormat,
  jsonl: jsonlFormat,
};
