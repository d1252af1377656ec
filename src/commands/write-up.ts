import type { Document } from 'yaml';
import type { CounterResult } from '../engine/counter.js';
import { writeFileAtomic } from '../api/files.js';
import { reviseForPick } from '../proposal/revise.js';
import { renderLetter, type LetterOptions } from '../report/letter.js';
import { printableData } from '../report/printable.js';
import type { Output } from './output.js';

/**
 * A counter-offer written up: the revised proposal and the cover letter. counter and
 * negotiate plan their files here and write them here, every target settled before the
 * first is written, so that the command negotiate prints writes the very same bytes.
 */
export interface PlannedFile {
  /** A path, or `-` for standard output. */
  readonly path: string;
  readonly content: string;
  /** Replace an existing file (--force, or the user said yes). */
  readonly replace: boolean;
  readonly what: string;
}

export interface WriteUpTargets {
  readonly out?: { readonly path: string; readonly replace: boolean };
  readonly letter?: { readonly path: string; readonly replace: boolean };
}

/** The proposal as read: its text, and the parsed document (built on first use: parsing costs). */
export interface ReadProposal {
  readonly source: string;
  readonly doc?: Document.Parsed | undefined;
}

/** The files for alternative `pick` of a request that was met; undefined when there is no such alternative. */
export function planWriteUp(read: ReadProposal, r: CounterResult, pick: number, targets: WriteUpTargets,
  letter: LetterOptions): PlannedFile[] | undefined {
  const files: PlannedFile[] = [];
  if (targets.out) {
    const text = reviseForPick(read.source, read.doc!, r, pick);
    if (text === undefined) return undefined;
    files.push({ ...targets.out, content: text, what: `the revised proposal (alternative ${pick})` });
  }
  // Names from the file may hold control characters: the letter shows them, never runs them.
  if (targets.letter) files.push({ ...targets.letter, content: renderLetter(printableData(r), letter)!, what: 'the cover letter' });
  return files;
}

/** The file name that means standard output, as for most command-line tools. */
export const STDOUT = '-';

/** Write what was planned: each file atomically, `-` to stdout; say what went where on stderr. */
export function writePlanned(files: readonly PlannedFile[], out: Output): void {
  for (const f of files) {
    if (f.path === STDOUT) {
      out.data(f.content);
      continue;
    }
    writeFileAtomic(f.path, f.content, f.replace);
    out.info(`wrote ${f.what} to ${f.path}`);
  }
}
