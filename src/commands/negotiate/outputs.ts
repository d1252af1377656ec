import { basename, dirname, extname, join } from 'node:path';
import type { Document } from 'yaml';
import { DEFAULT_ALTERNATIVES, type CounterResult } from '../../engine/counter.js';
import { planWriteUp, type PlannedFile } from '../write-up.js';
import type { AskedRequest, Parsed } from './request.js';
import type { PathStatus, Prompter } from './session.js';

export type { PlannedFile };

/** The alternative the user took, with everything that led to it. */
export interface Taken {
  readonly input: string;
  readonly source: string;
  readonly doc: Document.Parsed;
  readonly result: CounterResult;
  readonly pick: number;
  readonly request: AskedRequest;
  readonly keep: readonly string[];
  readonly alternatives: number;
  /** Were the alternatives distinct (counter --distinct)? */
  readonly distinct: boolean;
  /** The letter's date, as `counter --letter` would write it today. */
  readonly date: string;
}

/**
 * Ask where the revised proposal and the letter go (defaults next to the input), and
 * build both. Nothing is written here: an interrupted session must leave no file.
 */
export async function planOutputs(t: Taken, prompter: Prompter, status: (path: string) => PathStatus): Promise<PlannedFile[]> {
  const ext = extname(t.input);
  const stem = join(dirname(t.input), basename(t.input, ext));
  const revised = await askPath(prompter, status, 'Write the revised proposal to', `${stem}.revised${ext}`, []);
  const letter = await askPath(prompter, status, 'Write the cover letter to', `${stem}.letter.md`, [revised.path]);
  // Planned as `counter --out --letter` plans them, so that the printed command reproduces the files.
  return planWriteUp(t, t.result, t.pick, { out: revised, letter }, { date: t.date })!;
}

async function askPath(prompter: Prompter, status: (path: string) => PathStatus, message: string, initial: string,
  taken: readonly string[]): Promise<{ path: string; replace: boolean }> {
  for (;;) {
    const path = await prompter.input(message, (text) => checkPath(text.trim(), status, taken), initial);
    if (status(path) === 'free') return { path, replace: false };
    if (await prompter.confirm(`${path} already exists. Replace it?`, false)) return { path, replace: true };
  }
}

function checkPath(path: string, status: (path: string) => PathStatus, taken: readonly string[]): Parsed<string> {
  if (path === '') return { reason: 'type a file name' };
  if (taken.includes(path)) return { reason: 'the revised proposal goes there already; choose another name' };
  switch (status(path)) {
    case 'input': return { reason: 'that is the proposal being read: valuepack never writes over its input' };
    case 'directory': return { reason: 'that is a directory; type a file name' };
    case 'no-directory': return { reason: `there is no directory ${dirname(path)}` };
    default: return { value: path };
  }
}

/** The `valuepack counter` call that writes the same two files without a session. */
export function reproduceCommand(t: Taken, files: readonly PlannedFile[]): string {
  const [revised, letter] = files;
  const args = ['valuepack', 'counter', t.input, ...t.request.flag, ...t.keep.flatMap((k) => ['--keep', k])];
  if (t.alternatives !== DEFAULT_ALTERNATIVES) args.push('--alternatives', String(t.alternatives));
  if (t.distinct) args.push('--distinct');
  args.push('--out', revised!.path, '--letter', letter!.path, '--pick', String(t.pick));
  if (files.some((f) => f.replace)) args.push('--force');
  return args.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
