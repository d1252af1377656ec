import { main } from '../../src/cli.js';
import { outputFor, type Io, type Output } from '../../src/commands/output.js';
import type { Run } from './run.js';

export interface CaptureOptions {
  /** Added to the environment (colour is off unless FORCE_COLOR is given here). */
  readonly env?: Record<string, string>;
  /** Pretend stdout (and stderr) are terminals of this many columns. */
  readonly columns?: number;
}

export interface Captured {
  readonly io: Io;
  readonly out: Output;
  stdout(): string;
  stderr(): string;
}

/** Streams that record what is written to them, for main() and commands run in-process. */
export function capture(opts: CaptureOptions = {}): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const tty = opts.columns === undefined ? {} : { isTTY: true, columns: opts.columns };
  const io: Io = {
    stdout: { write: (t: string) => stdout.push(t), ...tty },
    stderr: { write: (t: string) => stderr.push(t), ...tty },
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...opts.env },
  };
  return { io, out: outputFor(io), stdout: () => stdout.join(''), stderr: () => stderr.join('') };
}

/** valuepack run in-process, as `main(argv, io)`: what a user would see, without a process. */
export async function cli(args: readonly string[], opts: CaptureOptions = {}): Promise<Run> {
  const c = capture(opts);
  const code = await main(args, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}
