/**
 * What valuepack sees of its process: the two output streams and the environment.
 * `main` takes one, so that it runs in-process with captured streams as well as in a
 * real terminal; nothing else reads process.stdout, process.stderr or process.env.
 */
export interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Io {
  readonly stdout: Stream;
  readonly stderr: Stream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * The one place output is written: data to stdout, messages and progress to stderr.
 * Commands receive an Output so that tests can capture what they print.
 */
export interface Output {
  data(text: string): void;
  info(text: string): void;
  warn(text: string): void;
  /** The streams themselves, for what must know the terminal (widths, a progress line). */
  readonly io: Io;
}

export function outputFor(io: Io): Output {
  const line = (text: string) => (text.endsWith('\n') ? text : text + '\n');
  return {
    data: (text) => void io.stdout.write(text),
    info: (text) => void io.stderr.write(line(text)),
    warn: (text) => void io.stderr.write(line(text)),
    io,
  };
}
