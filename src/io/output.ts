/**
 * The one place output is written: data to stdout, messages and progress to stderr.
 * Commands receive an Output so that tests can capture what they print.
 */
export interface Output {
  data(text: string): void;
  info(text: string): void;
  warn(text: string): void;
}

export const processOutput: Output = {
  data: (text) => void process.stdout.write(text),
  info: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  warn: (text) => void process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};
