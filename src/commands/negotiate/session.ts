import type { Document } from 'yaml';
import { counter, DEFAULT_ALTERNATIVES, originalMetrics, type CounterResult } from '../../engine/counter.js';
import { counterDistinct } from '../../engine/distinct.js';
import { ladder, taperedSchedule } from '../../engine/ladder.js';
import { ratio, type Ratio } from '../../engine/ratio.js';
import { ratioToPercentString } from '../../proposal/decimal.js';
import type { Deal } from '../../engine/deal.js';
import { UsageError } from '../../api/errors.js';
import { renderCounterText, renderMoreAlternatives } from '../../report/counter-text.js';
import { renderLadderText } from '../../report/ladder-text.js';
import { renderGlance, takeLabel } from './display.js';
import { printable, printableData } from '../../report/printable.js';
import { planOutputs, reproduceCommand, type PlannedFile, type Taken } from './outputs.js';
import { parseRequest, type AskedRequest, type Parsed } from './request.js';
import { wallClock } from '../../api/clock.js';

export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  /** How the answer reads once chosen (default: the name). */
  readonly short?: string;
  /** Why the choice cannot be made now; a disabled choice is shown but not selectable. */
  readonly disabled?: string;
  readonly checked?: boolean;
}

/**
 * What the session needs from a terminal. src/commands/negotiate/prompts.ts is the real one;
 * tests script a fake. Every method rejects with Interrupted on Ctrl-C.
 */
export interface Prompter {
  /** Display for the person at the terminal (never the command's output). */
  show(text: string): void;
  /** The first enabled choice is the default. */
  select<T>(message: string, choices: readonly Choice<T>[]): Promise<T>;
  /** Re-asks, showing the reason, until `parse` accepts the text. */
  input<T>(message: string, parse: (text: string) => Parsed<T>, initial?: string): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[]): Promise<T[]>;
  confirm(message: string, initial: boolean): Promise<boolean>;
}

/** The user pressed Ctrl-C: the session ends, nothing is written (exit 130). */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

export type PathStatus = 'free' | 'exists' | 'input' | 'directory' | 'no-directory';

/** Everything outside the session: the prompts, and the few questions about files. */
export interface SessionEnv {
  readonly prompter: Prompter;
  readonly color: boolean;
  /** Terminal columns the tables fit in; none: their natural width. */
  readonly columns?: number | undefined;
  /** Today, YYYY-MM-DD: the date of the cover letter. */
  readonly date: string;
  /** Proposal files in the working directory, offered when no FILE is given. */
  proposals(): readonly string[];
  load(file: string): { readonly source: string; readonly doc: Document.Parsed; readonly deal: Deal };
  status(path: string, input: string): PathStatus;
}

export type Outcome =
  | { readonly kind: 'quit' }
  | { readonly kind: 'take'; readonly files: readonly PlannedFile[]; readonly command: string };

type Action =
  | { readonly kind: 'take'; readonly pick: number }
  | { readonly kind: 'largest'; readonly text: string }
  | { readonly kind: 'request' | 'keep' | 'more' | 'distinct' | 'ladder' | 'quit' };

/**
 * The preparation session: the offer at a glance, the customer's request and what they
 * keep, then the alternatives, round and round until the user takes one or quits.
 * It returns what to write; the caller writes it.
 */
export async function negotiate(file: string | undefined, env: SessionEnv): Promise<Outcome> {
  const { prompter } = env;
  const input = file ?? (await chooseFile(env));
  const { source, doc, deal } = env.load(input);
  const original = originalMetrics(deal);
  prompter.show(renderGlance(printableData(deal), original, env.color));
  const askRequest = (initial?: string): Promise<AskedRequest> => prompter.input(
    'What does the customer ask for? A discount (20 or 20%) or a target price with its currency',
    (text) => parseRequest(text, deal, original.price), initial);

  let request = await askRequest();
  let keep = await askKeep(prompter, deal, []);
  let alternatives = DEFAULT_ALTERNATIVES;
  let distinct = false;
  let onScreen = 0; // alternatives of this request already shown: "more" shows only the rest
  for (;;) {
    const found = distinct ? counterDistinct(deal, request.request, { alternatives, keep, clock: wallClock }) : undefined;
    const result = found ?? counter(deal, request.request, { alternatives, keep, clock: wallClock });
    const shown = printableData(result); // names from the file never act on the terminal
    prompter.show('\n' + (onScreen > 0 ? renderMoreAlternatives(shown, onScreen, env.color, env.columns)
      : renderCounterText(shown, env.color, { ...(found ? { distinct: printableData(found.distinct) } : {}), width: env.columns })));
    onScreen = 0;
    const action = await prompter.select('What next?', menu(result, alternatives, distinct));
    switch (action.kind) {
      case 'take': {
        const taken: Taken = { input, source, doc, result, pick: action.pick, request, keep, alternatives, distinct, date: env.date };
        const files = await planOutputs(taken, prompter, (path) => env.status(path, input));
        return { kind: 'take', files, command: reproduceCommand(taken, files) };
      }
      case 'request':
        request = await askRequest(request.text);
        break;
      case 'largest': // a discount the engine just found, so it always parses
        request = (parseRequest(action.text, deal, original.price) as { value: AskedRequest }).value;
        break;
      case 'keep':
        keep = await askKeep(prompter, deal, keep);
        break;
      case 'more':
        onScreen = result.alternatives.length;
        alternatives += DEFAULT_ALTERNATIVES;
        break;
      case 'distinct':
        distinct = !distinct;
        break;
      case 'ladder':
        prompter.show('\n' + renderLadderText(printableData(ladder(deal, { steps: ladderSteps(result.request.discount)!, keep, clock: wallClock })), env.color, undefined, env.columns));
        break;
      case 'quit':
        return { kind: 'quit' };
    }
  }
}

async function chooseFile(env: SessionEnv): Promise<string> {
  const files = env.proposals();
  if (files.length === 0) {
    throw new UsageError('there is no proposal file (*.yaml, *.yml) in this directory; name one: valuepack negotiate FILE');
  }
  return env.prompter.select('Which proposal?', files.map((f) => ({ name: f, value: f })));
}

async function askKeep(prompter: Prompter, deal: Deal, kept: readonly string[]): Promise<string[]> {
  const movable = deal.levers.filter((l) => !l.locked);
  if (movable.length === 0) return [];
  return prompter.checkbox('Which levers will the customer not give up?', movable.map((l) => ({
    name: printable(`${l.name} (${l.path}): ${l.options[l.current]!.name}`), value: l.path, short: l.path, checked: kept.includes(l.path),
  })));
}

const LADDER_STEPS = 4;

/** The tapered ladder to the request: its discount is the last step, exactly. */
function ladderSteps(discount: Ratio): Ratio[] | undefined {
  const bp = Number((discount.num * 10_000n) / discount.den);
  const schedule = taperedSchedule(bp, LADDER_STEPS);
  return schedule && [...schedule.slice(0, -1).map((b) => ratio(b, 10_000)), discount];
}

function menu(result: CounterResult, alternatives: number, distinct: boolean): Choice<Action>[] {
  // Only a request that can be met is ever written up; otherwise the largest that can is offered.
  const shown = result.feasible ? result.alternatives : [];
  const largest = !result.feasible && result.maxDiscountBp !== null ? ratioToPercentString(ratio(result.maxDiscountBp, 10_000))! : undefined;
  const movable = result.deal.levers.some((l) => !l.locked);
  return [
    ...shown.map((alt) => ({ name: takeLabel(printableData(alt), printableData(result.deal)), value: { kind: 'take', pick: alt.rank } as const })),
    ...(largest ? [{ name: `Ask for the largest discount that can be met (${largest})`, value: { kind: 'largest', text: largest } as const }] : []),
    { name: 'Change the request', value: { kind: 'request' } },
    { name: 'Change what the customer keeps', value: { kind: 'keep' }, ...(movable ? {} : { disabled: '(every lever is locked)' }) },
    { name: 'Show more alternatives', value: { kind: 'more' }, ...(shown.length < alternatives ? { disabled: '(no more to show)' } : {}) },
    distinct ? { name: 'Show the best alternatives, whatever levers they share', value: { kind: 'distinct' } }
      : { name: 'Show distinct alternatives (each changes other levers)', value: { kind: 'distinct' }, ...(movable ? {} : { disabled: '(every lever is locked)' }) },
    { name: `Plan concessions: a nested ladder of ${LADDER_STEPS} steps up to this discount`, value: { kind: 'ladder' },
      ...(ladderSteps(result.request.discount) ? {} : { disabled: '(the request is too small to plan in steps)' }) },
    { name: 'Quit without writing anything', value: { kind: 'quit' } },
  ];
}
