import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { UsageError } from '../api/errors.js';
import { isInput, writeFileAtomic } from '../api/files.js';
import type { Output } from './output.js';
import { terminalPrompter } from './negotiate/prompts.js';
import { Interrupted, negotiate, type PathStatus, type Prompter } from './negotiate/session.js';
import { loadOrThrow, today, type GlobalOptions } from './shared.js';

export interface NegotiateCommandOptions {
  /** False with --no-input. */
  readonly input?: boolean;
}

/** What differs between a terminal and a test. */
export interface NegotiateDeps {
  readonly prompter: Prompter;
  readonly terminal: boolean;
  /** Where proposals are offered from when no FILE is given. */
  readonly cwd: string;
}

/**
 * `valuepack negotiate [FILE]`: 0 when the session ends (written or quit), 130 on
 * Ctrl-C with nothing written; off a terminal it refuses at once rather than wait.
 */
export async function negotiateCommand(file: string | undefined, opts: NegotiateCommandOptions, global: GlobalOptions,
  out: Output, deps: Partial<NegotiateDeps> = {}): Promise<number> {
  // stderr too: the questions are drawn there, and unseen questions would leave the user waiting.
  const terminal = deps.terminal ?? [process.stdin, process.stdout, process.stderr].every((s) => s.isTTY === true);
  if (opts.input === false || !terminal) {
    throw new UsageError(`negotiate asks questions and needs a terminal${opts.input === false ? '' : ' (stdin, stdout and stderr)'}; ` +
      'to script it, use valuepack counter FILE --discount 20% [--keep item.lever] --out FILE --letter FILE');
  }
  const cwd = deps.cwd ?? process.cwd();
  let outcome;
  try {
    outcome = await negotiate(file, {
      prompter: deps.prompter ?? terminalPrompter(),
      color: global.color,
      date: today(),
      proposals: () => proposalsIn(cwd),
      load: (f) => {
        const loaded = loadOrThrow(f, global);
        return { doc: loaded.doc!, deal: loaded.deal }; // a loaded deal always has its document
      },
      status: pathStatus,
    });
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    out.info('interrupted: nothing written');
    return 130;
  }
  if (outcome.kind === 'quit') {
    out.info('nothing written');
    return 0;
  }
  for (const f of outcome.files) writeFileAtomic(f.path, f.content, f.replace);
  out.data(outcome.files.map((f) => `wrote ${f.what} to ${f.path}\n`).join('') +
    `the same result without questions:\n  ${outcome.command}\n`);
  return 0;
}

function proposalsIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.ya?ml$/i.test(e.name))
    .map((e) => relative(process.cwd(), join(dir, e.name)))
    .sort();
}

/** Whether an output may go to `path`; the input is recognised as writeFileAtomic recognises it. */
function pathStatus(path: string): PathStatus {
  let st;
  try {
    st = statSync(path);
  } catch {
    try {
      return statSync(dirname(path)).isDirectory() ? 'free' : 'no-directory';
    } catch {
      return 'no-directory';
    }
  }
  if (st.isDirectory()) return 'directory';
  return isInput(st) ? 'input' : 'exists';
}
