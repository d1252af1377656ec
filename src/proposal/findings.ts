/**
 * Findings are data: a code, a severity, the path of the YAML node they concern and
 * the arguments of their message. Message text lives in messages.ts, positions are
 * added by whoever holds the source; the engine never formats anything.
 */
import type { Path } from '../engine/deal.js';

export type { Path };
export type Severity = 'error' | 'warning';
export type Args = Readonly<Record<string, string | number | undefined>>;

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** Path of the node in the proposal; empty for the document or the file as a whole. */
  readonly path: Path;
  /** Point at the key of the last path segment rather than at its value. */
  readonly atKey?: boolean;
  /** Source offset where no path applies (a YAML syntax error). */
  readonly offset?: number;
  readonly args: Args;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface LocatedFinding extends Finding, Position {
  readonly file: string;
  readonly message: string;
}

export function error(code: string, path: Path, args: Args = {}, atKey = false): Finding {
  return { code, severity: 'error', path, args, ...(atKey ? { atKey } : {}) };
}

export function warning(code: string, path: Path, args: Args = {}): Finding {
  return { code, severity: 'warning', path, args };
}
