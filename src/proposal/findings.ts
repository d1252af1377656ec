/**
 * Findings are data: a code, a severity, the path of the YAML node they concern and
 * the arguments of their message. Message text lives in messages.ts, positions are
 * added by whoever holds the source; the engine never formats anything.
 */
import type { Path } from '../engine/deal.js';
import type { ArgsOf, FindingCode } from './messages.js';

export type { Path, FindingCode };
export type Severity = 'error' | 'warning';

/** What every finding has, whatever its code. */
interface FindingBase {
  readonly severity: Severity;
  /** Path of the node in the proposal; empty for the document or the file as a whole. */
  readonly path: Path;
  /** Point at the key of the last path segment rather than at its value. */
  readonly atKey?: boolean;
  /** Source offset where no path applies (a YAML syntax error). */
  readonly offset?: number;
}

/** A finding: one member per code, each with the arguments its message takes. */
export type Finding = { [C in FindingCode]: FindingBase & { readonly code: C; readonly args: ArgsOf<C> } }[FindingCode];

export interface Position {
  readonly line: number;
  readonly col: number;
}

export type LocatedFinding = Finding & Position & {
  readonly file: string;
  readonly message: string;
};

type Raise = <C extends FindingCode>(code: C, path: Path, ...args: {} extends ArgsOf<C> ? [args?: ArgsOf<C>] : [args: ArgsOf<C>]) => Finding;

const raise = (severity: Severity): Raise => (code, path, ...args) =>
  ({ code, severity, path, args: args[0] ?? {} }) as Finding;

export const error: Raise = raise('error');
export const warning: Raise = raise('warning');
