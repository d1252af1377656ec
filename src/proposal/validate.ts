import { MAX_FINDINGS } from './cap.js';
import { proposalSchema, type Proposal } from './schema.js';

/** A schema problem as zod reports it. */
export interface Issue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly keys?: string[];
  /** The type zod expected (invalid_type), for messages in the format's words. */
  readonly expected?: string;
}

export type Validation = { readonly success: true; readonly data: Proposal }
  | { readonly success: false; readonly issues: Issue[]; /** Issues found beyond those listed. */ readonly more: number };

/** Nodes zod validates in one go: a few issues each at most, far below what a spread can take. */
const PIECE = 10_000;

interface SchemaDef {
  readonly _zod: { readonly def: { type: string; shape?: Record<string, SchemaDef>; element?: SchemaDef; innerType?: SchemaDef } };
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
}

/**
 * The proposal schema applied to plain data. zod gathers every issue and hands a child's
 * issues to its parent as spread arguments, which overflows the stack past about
 * 120,000 of them. So data too large for that is taken apart along the schema (objects
 * key by key, arrays element by element) until each piece is small, and only the first
 * issues are kept: beyond them a file reports how many more there are, not what they are.
 */
export function validateProposal(data: unknown): Validation {
  if (!larger(data, PIECE)) {
    const r = proposalSchema.safeParse(data);
    return r.success ? r : { success: false, issues: r.error.issues as Issue[], more: 0 };
  }
  const found: Found = { issues: [], more: 0 };
  inPieces(proposalSchema as unknown as SchemaDef, data, [], found);
  // The schema only checks (it neither converts nor fills in defaults), so data that passed every piece is its own output.
  return found.issues.length === 0 ? { success: true, data: data as Proposal } : { success: false, ...found };
}

interface Found {
  readonly issues: Issue[];
  more: number;
}

function report(found: Found, issues: readonly Issue[]): void {
  const room = Math.max(0, MAX_FINDINGS - found.issues.length);
  for (const issue of issues.slice(0, room)) found.issues.push(issue);
  found.more += Math.max(0, issues.length - room);
}

function inPieces(schema: SchemaDef, data: unknown, path: PropertyKey[], found: Found): void {
  const def = schema._zod.def;
  if (def.type === 'optional' && data !== undefined) return inPieces(def.innerType!, data, path, found);
  if (larger(data, PIECE) && def.type === 'object' && isRecord(data)) {
    const shape = def.shape!;
    for (const [key, value] of Object.entries(shape)) {
      if (Object.hasOwn(data, key)) inPieces(value, data[key], [...path, key], found);
      else if (value._zod.def.type !== 'optional') report(found, [{ code: 'invalid_type', path: [...path, key], message: 'missing' }]);
    }
    const unknown = Object.keys(data).filter((k) => !Object.hasOwn(shape, k));
    if (unknown.length > 0) report(found, [{ code: 'unrecognized_keys', path, keys: unknown, message: 'unrecognized keys' }]);
    return;
  }
  // Arrays of the schema only require at least one element, which an array this large has.
  if (larger(data, PIECE) && def.type === 'array' && Array.isArray(data)) {
    data.forEach((element, i) => inPieces(def.element!, element, [...path, i], found));
    return;
  }
  const r = schema.safeParse(data);
  if (!r.success) report(found, r.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

/** Whether data holds more than `limit` nodes, counted only as far as needed. */
function larger(data: unknown, limit: number): boolean {
  const stack = [data];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++n > limit) return true;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return false;
}
