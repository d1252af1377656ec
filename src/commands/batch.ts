import { availableParallelism } from 'node:os';
import { evaluateAll } from '../api/batch/pool.js';
import type { BatchConfig } from '../api/batch/evaluate.js';
import { UsageError } from '../api/errors.js';
import { expandRequired } from '../api/expand.js';
import type { Io, Output } from './output.js';
import { BATCH_FORMATS } from '../report/batch/index.js';
import { clearProgress, renderProgress } from '../report/batch/progress.js';
import { parseCount, parseDiscountOption, parseTimeLimit, type GlobalOptions } from './shared.js';

export interface BatchCommandOptions {
  /** Each occurrence of --discount, each possibly a comma-separated list. */
  readonly discount?: readonly string[];
  readonly format?: string;
  readonly jobs?: string;
  readonly timeLimit?: string;
}

/** What `batch` needs to know of the terminal: each stream, when it is one. */
export interface Terminal {
  readonly stdout?: { readonly columns: number };
  /** Raw writes for the progress line (Output's messages end lines; this must not). */
  readonly stderr?: { readonly columns: number; write(text: string): void };
}

const terminalOf = ({ stdout, stderr }: Io): Terminal => ({
  ...(stdout.isTTY ? { stdout: { columns: stdout.columns ?? 80 } } : {}),
  ...(stderr.isTTY ? { stderr: { columns: stderr.columns ?? 80, write: (t: string) => void stderr.write(t) } } : {}),
});

/**
 * `valuepack batch FILES… --discount 10%,20%`: one row per file × discount, streamed in
 * input order. Exit 2 when any file could not be evaluated (its row says why), else 0.
 */
export async function batchCommand(args: readonly string[], opts: BatchCommandOptions, global: GlobalOptions,
  out: Output, term: Terminal = terminalOf(out.io)): Promise<number> {
  const discounts = (opts.discount ?? []).flatMap((d) => d.split(',')).map((d) => parseDiscountOption(d.trim()));
  if (discounts.length === 0) throw new UsageError('give the discounts to evaluate, e.g. --discount 10%,15%,20%');
  const formatName = opts.format ?? (term.stdout ? 'table' : 'csv');
  const format = BATCH_FORMATS[formatName];
  if (!format) throw new UsageError(`--format takes ${Object.keys(BATCH_FORMATS).join(', ')} (got "${formatName}")`);
  const jobs = opts.jobs === undefined ? availableParallelism() : parseCount(opts.jobs, '--jobs');
  const timeLimit = parseTimeLimit(opts.timeLimit);
  const files = await expandRequired(args);

  const config: BatchConfig = { discounts, maxFileSize: global.maxFileSize, timeLimit };
  const renderer = format({ color: global.color, ...(term.stdout ? { columns: term.stdout.columns } : {}) });
  const bar = term.stderr ? progressLine(files.length, term.stderr) : undefined;
  const write = (text: string) => {
    if (text === '') return;
    if (term.stdout) bar?.hide(); // the same screen: keep the line off the data
    out.data(text);
  };
  let failed = false;
  let filesDone = 0;
  write(renderer.start());
  try {
    for await (const rows of evaluateAll(files, config, jobs)) {
      for (const row of rows) {
        if ('error' in row) failed = true;
        write(renderer.row(row));
      }
      bar?.update(++filesDone);
    }
  } finally {
    bar?.hide(); // also before an internal error's message
  }
  write(renderer.end());
  return failed ? 2 : 0;
}

/** As `check`: an argument that finds no file is a mistake in the call, not an empty batch. */

/** Redraws only when the whole percentage changes (or after being hidden): at most ~100 writes. */
function progressLine(total: number, stderr: NonNullable<Terminal['stderr']>) {
  let shown: number | undefined;
  return {
    update(done: number) {
      const pct = Math.floor((done * 100) / total);
      if (pct === shown) return;
      shown = pct;
      stderr.write(renderProgress(done, total, stderr.columns));
    },
    hide() {
      if (shown === undefined) return;
      shown = undefined;
      stderr.write(clearProgress());
    },
  };
}
