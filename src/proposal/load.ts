import type { Document } from 'yaml';
import type { Deal } from '../engine/deal.js';
import { messageFor } from './messages.js';
import { error, type Finding, type LocatedFinding, type Path } from './findings.js';
import { CURRENCY_CODES } from './currencies.js';
import { buildDeal } from './model.js';
import { proposalSchema, type Proposal } from './schema.js';
import { suggest } from './suggest.js';
import { offsetOf, parseYaml, positionOf } from './yaml.js';

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
 * never needs one, and building it is most of the cost of reading a large file.
 */
export function loadProposalText(source: string, file: string): LoadedProposal {
  const parsed = parseYaml(source);
  const place = (fs: readonly Finding[]) => (fs.length === 0 ? [] : locate(fs, file, source, parsed.doc));
  const loaded = (rest: Omit<LoadedProposal, 'file' | 'source' | 'doc'>): LoadedProposal => ({
    file, source, get doc() { return parsed.doc; }, ...rest,
  });
  if (parsed.findings.length > 0) return loaded({ findings: place(parsed.findings) });
  const result = proposalSchema.safeParse(parsed.data);
  if (!result.success) {
    const findings = result.error.issues.flatMap((issue) => schemaFindings(issue, parsed.data));
    return loaded({ findings: place(findings) });
  }
  const built = buildDeal(result.data);
  return loaded({ proposal: result.data, findings: place(built.findings), ...(built.deal ? { deal: built.deal } : {}) });
}

/** Attach file, line, column and message text to findings about one source. */
export function locate(findings: readonly Finding[], file: string, source: string, doc?: Document.Parsed | undefined): LocatedFinding[] {
  return findings.map((f) => {
    const offset = f.offset ?? (doc ? offsetOf(doc, f.path, f.atKey) : 0);
    return { ...f, file, ...positionOf(source, offset), message: messageFor(f) };
  });
}

interface Issue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly keys?: string[];
}

function schemaFindings(issue: Issue, data: unknown): Finding[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(path);
    return (issue.keys ?? []).map((key) => ({ ...error('unknown-key', [...path, key], { key, suggestion: suggest(key, known) }), atKey: true }));
  }
  if (path.length === 1 && path[0] === 'currency' && typeof valueAt(data, path) === 'string') {
    const code = String(valueAt(data, path));
    return [error('currency-unknown', path, { code, suggestion: suggest(code, CURRENCY_CODES) })];
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    return [error('missing-key', path.slice(0, -1), { key: String(path[path.length - 1]) })];
  }
  return [error('schema', path, { detail: issue.message.replace(/^Invalid input: /, '') })];
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
