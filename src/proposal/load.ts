import type { Document } from 'yaml';
import type { Deal } from '../engine/deal.js';
import { capFindings, truncation } from './cap.js';
import { messageFor } from './messages.js';
import { error, type Finding, type LocatedFinding, type Path } from './findings.js';
import { ratio } from '../engine/ratio.js';
import { CURRENCY_CODES } from './currencies.js';
import { parsePercent, ratioToPercentString } from './decimal.js';
import { buildDeal } from './model.js';
import { proposalSchema, type Proposal } from './schema.js';
import { validateProposal, type Issue } from './validate.js';
import { suggest } from './suggest.js';
import { offsetOf, parseYaml, positionsOf } from './yaml.js';
import type { Limits } from './bounds.js';

export interface LoadedProposal {
  readonly file: string;
  readonly source: string;
  /** The YAML document, kept for positions and for writing a revised copy. */
  readonly doc?: Document.Parsed | undefined;
  readonly proposal?: Proposal;
  readonly deal?: Deal;
  /** Errors that stopped loading (none when `deal` is set). */
  readonly findings: readonly LocatedFinding[];
}

/**
 * Parse, validate and convert proposal text; every problem comes back located. The
 * document is passed on lazily (a getter): a file without findings that is not revised
 * never needs one, and building it is most of the cost of reading a large file. `limits`
 * bound the YAML (see limitsFor: larger for a larger --max-file-size).
 */
export function loadProposalText(source: string, file: string, limits?: Limits): LoadedProposal {
  const parsed = parseYaml(source, limits);
  const place = (fs: readonly Finding[]) => (fs.length === 0 ? [] : locate(fs, file, source, parsed.doc));
  const loaded = (rest: Omit<LoadedProposal, 'file' | 'source' | 'doc'>): LoadedProposal => ({
    file, source, get doc() { return parsed.doc; }, ...rest,
  });
  if (parsed.findings.length > 0) return loaded({ findings: place(parsed.findings) });
  const result = validateProposal(parsed.data);
  if (!result.success) {
    const findings = result.issues.flatMap((issue) => schemaFindings(issue, parsed.data));
    if (result.more > 0) findings.push(truncation(result.more));
    return loaded({ findings: place(findings) });
  }
  const built = buildDeal(result.data);
  return loaded({ proposal: result.data, findings: place(built.findings), ...(built.deal ? { deal: built.deal } : {}) });
}

/** Attach file, line, column and message text to findings about one source, at most MAX_FINDINGS of them. */
export function locate(findings: readonly Finding[], file: string, source: string, doc?: Document.Parsed | undefined): LocatedFinding[] {
  const kept = capFindings(findings, (f) => f);
  const offsets = kept.map((f) => f.offset ?? (doc ? offsetOf(doc, f.path, f.atKey) : 0));
  const positions = positionsOf(source, offsets);
  return kept.map((f, i) => ({ ...f, file, ...positions[i]!, message: messageFor(f) }));
}

/** Keys whose values are percentages, written as strings ("30%"). */
const PERCENT_KEYS = new Set(['maxDiscount', 'upTo', 'discount']);

function schemaFindings(issue: Issue, data: unknown): Finding[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(path);
    return (issue.keys ?? []).map((key) => ({ ...error('unknown-key', [...path, key], { key, suggestion: suggest(key, known), ...commaInName(data, path, key) }), atKey: true }));
  }
  if (path.length === 1 && path[0] === 'currency' && typeof valueAt(data, path) === 'string') {
    const code = String(valueAt(data, path));
    return [error('currency-unknown', path, { code, suggestion: suggest(code, CURRENCY_CODES) })];
  }
  const value = valueAt(data, path);
  const parent = valueAt(data, path.slice(0, -1));
  if (value === undefined && path.length > 0 && parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
    return [error('missing-key', path.slice(0, -1), { key: String(path[path.length - 1]) })];
  }
  return [error('schema', path, { detail: inFormat(path, value, issue) })];
}

/** A schema message in the words of the format: what to write instead. */
function inFormat(path: Path, value: unknown, issue: Issue): string {
  const key = String(path[path.length - 1] ?? 'the proposal');
  if (typeof value === 'number' && PERCENT_KEYS.has(key)) {
    return `${key} is a percentage, written as a string: "${asPercent(value)}", not ${value}`;
  }
  const number = typeof value === 'string' ? /^\s*([-+]?[\d,]*\.?\d+)/.exec(value) : null;
  if (issue.expected === 'number' && typeof value === 'string') {
    return `${key} takes a number${number ? `: write ${number[1]!.replace(/,/g, '')}, not "${value}"` : `, not "${value}"`}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** 0.3 → "30%": a fraction as the percentage it stands for, exactly; other numbers as they are. */
function asPercent(value: number): string {
  const share = value > 0 && value < 1 ? parsePercent(String(value), true) : undefined; // value / 100
  return (share && ratioToPercentString(ratio(share.num * 100n, share.den))) ?? `${value}%`;
}

/**
 * An unknown key with no value next to a name, in a flow map, is most often the rest of
 * a name that holds a comma ({ name: Business hours, next day }): say to quote it.
 */
function commaInName(data: unknown, path: Path, key: string): { hint?: string } {
  const map = valueAt(data, path) as Record<string, unknown> | undefined;
  const name = map?.name;
  if (valueAt(data, [...path, key]) !== null || typeof name !== 'string') return {};
  return { hint: `if it is part of the name, quote the name: name: "${name}, ${key}"` };
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? Object.getOwnPropertyDescriptor(v, seg)?.value : undefined;
  return v;
}

interface SchemaDef {
  readonly _zod: { readonly def: { type: string; shape?: Record<string, SchemaDef>; element?: SchemaDef; innerType?: SchemaDef } };
}

/** The keys the schema allows at a path, for "did you mean" suggestions. */
function keysAt(path: Path): string[] {
  let s = proposalSchema as unknown as SchemaDef;
  const unwrap = () => {
    while (s._zod.def.type === 'optional') s = s._zod.def.innerType!;
  };
  for (const seg of path) {
    unwrap();
    const def = s._zod.def;
    const next = def.type === 'object' ? def.shape?.[seg] : def.type === 'array' ? def.element : undefined;
    if (!next) return [];
    s = next;
  }
  unwrap();
  return Object.keys(s._zod.def.shape ?? {});
}
