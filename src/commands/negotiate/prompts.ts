import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Parsed } from './request.js';
import { Interrupted, type Choice, type Prompter } from './session.js';

/**
 * The Prompter on a real terminal: the one module that knows inquirer. Prompts and the
 * session's display draw on stderr, so stdout carries only the summary at the end.
 */
export function terminalPrompter(output: NodeJS.WritableStream = process.stderr): Prompter {
  const context = { output };
  const choices = <T>(list: readonly Choice<T>[]) => list.map((c) => ({
    name: c.name, value: c.value,
    ...(c.short !== undefined ? { short: c.short } : {}),
    ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
    ...(c.checked !== undefined ? { checked: c.checked } : {}),
  }));
  return {
    show: (text) => void output.write(text.endsWith('\n') ? text : text + '\n'),
    select: (message, list) => interruptible(select({ message, choices: choices(list), pageSize: 15, loop: false }, context)),
    checkbox: (message, list) => interruptible(checkbox({ message, choices: choices(list), pageSize: 15, loop: false }, context)),
    confirm: (message, initial) => interruptible(confirm({ message, default: initial }, context)),
    input: async <T>(message: string, parse: (text: string) => Parsed<T>, initial?: string) => {
      const text = await interruptible(input({
        message,
        ...(initial !== undefined ? { default: initial } : {}),
        validate: (t) => {
          const r = parse(t);
          return 'reason' in r ? r.reason : true;
        },
      }, context));
      const r = parse(text);
      if ('reason' in r) throw new Error(`inquirer returned text its validation refused: ${text}`);
      return r.value;
    },
  };
}

/** inquirer rejects with ExitPromptError on Ctrl-C (it is not exported: match its name). */
async function interruptible<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') throw new Interrupted('interrupted');
    throw e;
  }
}
