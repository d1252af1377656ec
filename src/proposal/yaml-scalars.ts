import { sameDecimal } from './decimal.js';

/**
 * The scalars of the fast YAML reader (yaml-subset.ts): one-line plain and quoted
 * scalars, resolved as the YAML 1.2 core schema resolves them, and the way out — every
 * function here gives up (throws OUTSIDE) at anything it does not read exactly as the
 * yaml package would, so that the yaml package reads the file instead.
 */
const OUTSIDE = new Error('outside the subset'); // thrown to give up; never escapes the reader

export function give(): never {
  throw OUTSIDE;
}

export const SPACE = 32;
/** How far the ":" of an implicit key may be from the key's start (YAML 1.2, as the yaml package checks). */
export const MAX_IMPLICIT_KEY = 1024;
const COLON = 58;
/** Characters that cannot start a plain scalar here (YAML indicators). */
export const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`');
/** Everything the core schema reads as something other than a string. */
export const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\d+|0o[0-7]+|0x[\da-fA-F]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** First characters of everything NOT_A_STRING matches. */
const MAY_NOT_BE_STRING = '0123456789+-.~nNtTfF';
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/**
 * Runs of a plain scalar's ordinary characters. A plain scalar ends at ": ", " #" or the
 * end of the line (in flow, also at ,[]{}" and any colon); the few characters that may or
 * may not end it are looked at one by one between runs. A single pattern with those
 * cases as alternatives backtracks per character and overflows the stack on a long line.
 */
const BLOCK_RUN = /[^\n\r#:]*/y;
const FLOW_RUN = /[^\n\r#:,[\]{}"]*/y;

/** A one-line quoted scalar at `at` without escapes ('' in single quotes is a quote); its text and end. */
export function quotedScalar(s: string, at: number, end: number): [string, number] {
  const q = s[at]!;
  let out = '';
  let from = at + 1;
  for (let i = from; i < end; i++) {
    if (q === '"' && s[i] === '\\') give();
    if (s[i] !== q) continue;
    out += s.slice(from, i);
    if (q === "'" && s[i + 1] === "'") {
      out += "'";
      from = ++i + 1;
      continue;
    }
    return [out, i + 1];
  }
  return give();
}

/**
 * A one-line plain scalar at `at` and where it ends (trailing spaces left out): strings,
 * null, true, false and plain decimals; every other core-schema form gives up.
 */
export function plainScalar(s: string, at: number, end: number, inFlow: boolean): [unknown, number] {
  const dashed = s[at] === '-' && at + 1 < end && !' ,[]{}'.includes(s[at + 1]!); // -5, -abc
  if (at === end || (INDICATOR.has(s[at]!) && !dashed)) give();
  let last = plainEnd(s, at, end, inFlow);
  if (!inFlow && last < end && s.charCodeAt(last) === COLON) give(); // "a: b: c"
  while (last > at && s.charCodeAt(last - 1) === SPACE) last--;
  const text = s.slice(at, last);
  return [resolve(text), last];
}

/** Where the plain scalar at `at` ends: native scanning of runs, far faster than a loop while still cold. */
function plainEnd(s: string, at: number, end: number, inFlow: boolean): number {
  const run = inFlow ? FLOW_RUN : BLOCK_RUN;
  let i = at;
  for (;;) {
    run.lastIndex = i;
    run.test(s);
    i = Math.min(run.lastIndex, end);
    const c = s[i];
    const more = i < end && ((c === '#' && s.charCodeAt(i - 1) !== SPACE) ||
      (!inFlow && c === ':' && i + 1 < end && s.charCodeAt(i + 1) !== SPACE));
    if (!more) return i;
    i++;
  }
}

function resolve(text: string): unknown {
  if (!MAY_NOT_BE_STRING.includes(text[0]!)) return text; // most scalars are words
  if (NUMBER.test(text)) {
    const n = Number(text);
    // A double holds every decimal of up to 15 significant digits exactly; past that, check.
    return text.length <= 15 || sameDecimal(text, n) ? n : give();
  }
  if (text === 'null') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return NOT_A_STRING.test(text) ? give() : text;
}
