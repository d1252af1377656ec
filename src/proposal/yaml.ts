import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { error, type Finding, type Path, type Position } from './findings.js';
import { sameDecimal } from './decimal.js';
import { MAX_DEPTH, tooDeepAt } from './depth.js';
import { readYamlSubset } from './yaml-subset.js';

/** Nodes one document may expand to, aliases included: a bound on alias bombs. */
export const MAX_NODES = 1_000_000;
/** Aliases one document may use (the yaml package's own default). */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
  /**
   * The YAML document, for positions and revised copies: undefined when the source was
   * refused before parsing; parsed on first use when the fast reader read the data.
   */
  readonly doc: Document.Parsed | undefined;
  /** The plain data, or undefined when findings stop conversion. */
  readonly data: unknown;
  readonly findings: Finding[];
}

const STANDARD_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

const OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

/**
 * Read once, into plain data with every number checked to be exactly what was written:
 * by the fast reader when the file keeps to the usual subset, else by the yaml package.
 */
export function parseYaml(source: string): ParsedYaml {
  const deep = tooDeepAt(source);
  if (deep !== undefined) {
    return { doc: undefined, data: undefined, findings: [{ ...error('yaml-depth', [], { limit: MAX_DEPTH }), offset: deep }] };
  }
  const fast = readYamlSubset(source, MAX_NODES);
  if (fast !== undefined) {
    let doc: Document.Parsed | undefined;
    return { get doc() { return (doc ??= parseDocument(source, OPTIONS)); }, data: fast, findings: [] };
  }
  return parseWithYamlPackage(source);
}

/** The careful path: the yaml package, every problem a finding (also what the fast reader is tested against). */
export function parseWithYamlPackage(source: string): ParsedYaml {
  const doc = parseDocument(source, OPTIONS);
  const findings: Finding[] = [];
  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'MULTIPLE_DOCS' ? 'yaml-multiple-documents' : 'yaml-syntax';
    findings.push({ ...error(code, [], { detail: firstLine(e.message) }), offset: e.pos[0] });
  }
  if (findings.length > 0) return { doc, data: undefined, findings };
  const converter = new Converter(doc, findings);
  const data = converter.convert(doc.contents, []);
  return { doc, data: findings.length > 0 ? undefined : data, findings };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class Converter {
  private nodes = 0;
  private aliases = 0;
  private stopped = false; // past a size limit: one finding says it, nothing more is read
  constructor(private readonly doc: Document.Parsed, private readonly findings: Finding[]) {}

  convert(node: unknown, path: Path): unknown {
    if (this.stopped) return undefined;
    if (++this.nodes > MAX_NODES) return this.stop('yaml-too-many-nodes', path, MAX_NODES);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) return this.stop('yaml-alias-limit', path, MAX_ALIASES);
      return this.convert(node.resolve(this.doc), path);
    }
    if (node === null || node === undefined) return null;
    const tag = (node as Node).tag;
    if (tag !== undefined && !STANDARD_TAGS.has(tag)) {
      this.fail(error('yaml-tag', path, { tag }));
      return undefined;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string') {
          this.fail(error('yaml-key-type', path, { key: String(isScalar(pair.key) ? pair.key.value : 'a collection') }));
          continue;
        }
        // defineProperty keeps "__proto__" an ordinary (and unknown) key, never a prototype.
        Object.defineProperty(out, key, {
          value: this.convert(pair.value, [...path, key]), enumerable: true, writable: true, configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item, i) => this.convert(item, [...path, i]));
    if (isScalar(node)) return this.scalar(node.value, node.source, path);
    return undefined;
  }

  private scalar(value: unknown, source: string | undefined, path: Path): unknown {
    if (typeof value === 'bigint') {
      this.fail(error('number-inexact', path, { text: String(value) }));
      return undefined;
    }
    if (typeof value !== 'number') return value;
    if (!Number.isFinite(value)) {
      this.fail(error('number-not-finite', path, { text: source ?? String(value) }));
      return undefined;
    }
    if (source !== undefined && !sameDecimal(source, value)) {
      this.fail(error('number-inexact', path, { text: source }));
      return undefined;
    }
    return value;
  }

  private stop(code: 'yaml-alias-limit' | 'yaml-too-many-nodes', path: Path, limit: number): undefined {
    this.fail(error(code, path, { limit }));
    this.stopped = true;
    return undefined;
  }

  private fail(finding: Finding): void {
    this.findings.push(finding);
  }
}

/** The node a path leads to (through aliases), and the key node when asked for. */
export function nodeAt(doc: Document.Parsed, path: Path, atKey = false): Node | undefined {
  let node: unknown = doc.contents;
  let key: unknown;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) return (node as Node);
      key = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      key = undefined;
      node = node.items[seg];
    } else {
      break;
    }
  }
  return ((atKey && key) ? key : node) as Node | undefined;
}

/** 1-based line and column of a source offset, computed only when a finding is reported. */
export function positionOf(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = source.indexOf('\n'); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}

export function offsetOf(doc: Document.Parsed, path: Path, atKey = false): number {
  return nodeAt(doc, path, atKey)?.range?.[0] ?? 0;
}
