import { isMap, isScalar, parse, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Alternative, CounterResult } from '../engine/counter.js';
import type { Deal } from '../engine/deal.js';
import { floorDiv } from '../engine/ratio.js';
import { minorToDecimal } from './decimal.js';

/**
 * The revised proposal for alternative `pick` of a counter-offer that meets its request;
 * undefined when there is no such alternative (a request that cannot be met is never
 * written up).
 */
export function reviseForPick(source: string, doc: Document.Parsed, r: CounterResult, pick: number): string | undefined {
  const alt = r.feasible ? r.alternatives[pick - 1] : undefined;
  if (!alt) return undefined;
  // The shortest percentage that gives the target price: exactly what was asked, never six decimals of noise.
  return reviseProposal(source, doc, r.deal, alt, `valuepack: ${discountFor(r.original.price, r.request.price)} off, alternative ${pick}`);
}

/** One change to the source text: replace [from, to) with text. */
interface Edit { readonly from: number; readonly to: number; readonly text: string }

/**
 * The revised proposal for one alternative, made by editing the source text where the
 * changes are, so that every other line (comments, alignment, flow maps, key order)
 * stays byte for byte: each changed lever's `current` is set (added after its `name`),
 * and the agreed discount recorded (added after `currency`), so that valuepack reads the
 * file back at exactly the alternative's price. Each changed line says in a comment
 * what it was and which request it answers (`why`).
 */
export function reviseProposal(source: string, doc: Document.Parsed, deal: Deal, alt: Alternative, why: string): string {
  const edits: Edit[] = [];
  deal.levers.forEach((l, j) => {
    if (alt.choice[j] === l.current) return;
    const lever = doc.getIn(l.source, true);
    if (isMap(lever)) edits.push(setKey(source, lever, 'current', 'name', scalarText(l.options[alt.choice[j]!]!.name), `was ${l.options[l.current]!.name}; ${why}`));
  });
  const discount = discountFor(alt.list, alt.price);
  const top = doc.contents;
  if (isMap(top) && (discount !== '0%' || pair(top, 'discount'))) {
    edits.push(setKey(source, top, 'discount', 'currency', discount, why));
  }
  return applyEdits(source, edits);
}

/** The source with non-overlapping edits applied, in one pass (a proposal may change thousands of levers). */
function applyEdits(source: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    parts.push(source.slice(at, e.from), e.text);
    at = e.to;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

function pair(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<unknown, unknown> | undefined;
}

/**
 * Set `key` in a map: its value replaced in place when it is there (the comment after
 * it kept in its column), else a new entry after the `after` key (on the next line of a
 * block map, after the value in a flow map), with the comment.
 */
function setKey(source: string, map: YAMLMap, key: string, after: string, value: string, comment: string): Edit {
  const existing = pair(map, key)?.value as Node | undefined;
  if (existing?.range) {
    const [from, to] = existing.range;
    const quote = isScalar(existing) && existing.type === Scalar.QUOTE_DOUBLE && !value.startsWith('"') ? JSON.stringify(value)
      : isScalar(existing) && existing.type === Scalar.QUOTE_SINGLE && !value.startsWith('"') ? `'${value.replace(/'/g, "''")}'` : value;
    return replaceKeepingComment(source, from, to, quote, map.flow ? undefined : comment);
  }
  const anchor = (pair(map, after) ?? map.items[map.items.length - 1])!;
  const end = (anchor.value as Node | null)?.range?.[1] ?? (anchor.key as Node).range![1];
  if (map.flow) return { from: end, to: end, text: `, ${key}: ${value}` };
  const keyStart = (anchor.key as Node).range![0];
  const indent = ' '.repeat(keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1));
  const line = `${indent}${key}: ${value}  # ${comment}`;
  const nl = source.includes('\r\n') ? '\r\n' : '\n';
  const next = source.indexOf('\n', end) + 1; // the start of the line after the anchor's value
  return next > 0 ? { from: next, to: next, text: line + nl } : { from: source.length, to: source.length, text: nl + line };
}

/** Replace a value; a comment after it on its line stays in its column, else `comment` is added. */
function replaceKeepingComment(source: string, from: number, to: number, text: string, comment: string | undefined): Edit {
  const eol = lineEnd(source, to);
  const rest = source.slice(to, eol);
  const m = /^([ \t]*)(#.*)?$/.exec(rest);
  if (!m) return { from, to, text }; // more on the line (a flow map): only the value changes
  if (m[2] !== undefined) {
    const gap = Math.max(1, m[1]!.length + (to - from) - text.length);
    return { from, to: to + m[1]!.length, text: text + ' '.repeat(gap) };
  }
  return { from, to: eol, text: comment === undefined ? text : `${text}  # ${comment}` };
}

function lineEnd(source: string, at: number): number {
  const i = source.indexOf('\n', at);
  const end = i < 0 ? source.length : i;
  return source[end - 1] === '\r' ? end - 1 : end;
}

/** An option name as YAML reads it back: plain when that is unambiguous, else double-quoted. */
export function scalarText(name: string): string {
  if (/^[^\s,[\]{}#&*!|>'"%@`-][^,[\]{}\n]*$/.test(name) && !/\s$|: | #/.test(name)) {
    try {
      if (parse(name) === name) return name;
    } catch {
      // not a plain scalar: quoted below
    }
  }
  return JSON.stringify(name);
}

/**
 * The shortest percentage d with ⌊list × (1 − d)⌋ = price. It always exists: the
 * interval of such d has width 1/list, so enough decimals always land in it.
 */
export function discountFor(list: number, price: number): string {
  const L = BigInt(list);
  const P = BigInt(price);
  if (L <= 0n) return '0%';
  for (let k = 0; ; k++) {
    const scale = 100n * 10n ** BigInt(k); // d = n / scale
    const n = floorDiv((L - P) * scale, L); // largest d with L(1 − d) ≥ P
    if (floorDiv(L * (scale - n), scale) === P) return `${minorToDecimal(n, k)}%`;
  }
}
