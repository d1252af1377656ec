import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProposalText } from '../../src/proposal/load.js';
import type { Parsed } from '../../src/commands/negotiate/request.js';
import { Interrupted, type Choice, type PathStatus, type Prompter, type SessionEnv } from '../../src/commands/negotiate/session.js';
import { ROOT } from '../helpers/run.js';

/**
 * One scripted answer. `pick` selects the choice whose name contains the text;
 * `enter` takes the default; an input answer that its parser refuses is recorded
 * with the reason, and the next step answers the same question again.
 */
export type Step =
  | { readonly pick: string }
  | { readonly type: string }
  | { readonly check: readonly string[] }
  | { readonly confirm: boolean }
  | 'enter'
  | 'ctrl-c';

export interface Asked {
  readonly kind: 'select' | 'input' | 'checkbox' | 'confirm';
  readonly message: string;
  readonly choices?: readonly Choice<unknown>[];
  readonly initial?: string | boolean;
}

/** A Prompter that answers from a script and records every question, reason and display. */
export class ScriptedPrompter implements Prompter {
  readonly shown: string[] = [];
  readonly asked: Asked[] = [];
  readonly reasons: string[] = [];

  constructor(private readonly steps: Step[]) {}

  get done(): boolean {
    return this.steps.length === 0;
  }

  show(text: string): void {
    this.shown.push(text);
  }

  async select<T>(message: string, choices: readonly Choice<T>[]): Promise<T> {
    this.asked.push({ kind: 'select', message, choices });
    const step = this.next();
    const enabled = choices.filter((c) => c.disabled === undefined);
    const choice = step === 'enter' ? enabled[0] : 'pick' in step ? choices.find((c) => c.name.includes(step.pick)) : undefined;
    if (!choice) throw new Error(`no choice for ${JSON.stringify(step)} in "${message}": ${choices.map((c) => c.name).join(' | ')}`);
    if (choice.disabled !== undefined) throw new Error(`"${choice.name}" is disabled: ${choice.disabled}`);
    return choice.value;
  }

  async input<T>(message: string, parse: (text: string) => Parsed<T>, initial?: string): Promise<T> {
    this.asked.push({ kind: 'input', message, ...(initial !== undefined ? { initial } : {}) });
    for (;;) {
      const step = this.next();
      const text = step === 'enter' ? initial ?? '' : 'type' in step ? step.type : this.mismatch(step, message);
      const r = parse(text);
      if ('value' in r) return r.value;
      this.reasons.push(r.reason);
    }
  }

  async checkbox<T>(message: string, choices: readonly Choice<T>[]): Promise<T[]> {
    this.asked.push({ kind: 'checkbox', message, choices });
    const step = this.next();
    if (step === 'enter') return choices.filter((c) => c.checked === true).map((c) => c.value);
    if (!('check' in step)) return this.mismatch(step, message);
    return choices.filter((c) => step.check.includes(String(c.value))).map((c) => c.value);
  }

  async confirm(message: string, initial: boolean): Promise<boolean> {
    this.asked.push({ kind: 'confirm', message, initial });
    const step = this.next();
    if (step === 'enter') return initial;
    return 'confirm' in step ? step.confirm : this.mismatch(step, message);
  }

  private next(): Exclude<Step, 'ctrl-c'> {
    const step = this.steps.shift();
    if (step === undefined) throw new Error('the script ran out of answers');
    if (step === 'ctrl-c') throw new Interrupted('interrupted');
    return step;
  }

  private mismatch(step: Step, message: string): never {
    throw new Error(`script step ${JSON.stringify(step)} does not answer "${message}"`);
  }
}

export const INPUT = 'deals/telecom-switching.yaml';

/** A session environment around the telecom example; `files` gives path statuses (default free). */
export function telecomEnv(prompter: Prompter, files: Record<string, PathStatus> = {}, proposals: string[] = [INPUT]): SessionEnv {
  const source = readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8');
  return {
    prompter,
    color: false,
    date: '2026-11-29',
    proposals: () => proposals,
    load: (file) => {
      const loaded = loadProposalText(source, file);
      return { doc: loaded.doc!, deal: loaded.deal! };
    },
    status: (path, input) => (path === input ? 'input' : files[path] ?? 'free'),
  };
}
