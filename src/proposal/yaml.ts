import { Composer, Document, isAlias, isMap, isScalar, isSeq, parseDocument, Parser, YAMLParseError, type CST, type Node, type Pair } from 'yaml';
import { error, type Finding, type Path, type Position } from './findings.js';
import { DEFAULT_LIMITS, Exceeded, excessOf, Measure, measuredLexemes, type Excess, type Limits } from './bounds.js';
import { sameDecimal } from './decimal.js';
import { yamlErrorFindings } from './yaml-errors.js';
import { readYamlSubset } from './yaml-subset.js';

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

// Duplicate keys are found while converting, in linear time: the yaml package's own check
// compares every key with every earlier one, over a minute for a mapping of 100,000 keys.
const OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/**
 * Read once, into plain data with every number checked to be exactly what was written:
 * by the fast reader when the file keeps to the usual subset, else by the yaml package.
 */
export function parseYaml(source: string, limits: Limits = DEFAULT_LIMITS): ParsedYaml {
  // A source shorter than the token limit cannot pass it, and the fast reader bounds its own depth.
  // A longer one is measured as the fast reader reads it; if the reader gives up (at a limit,
  // or at anything else), the lexer's pass measures it before the yaml package builds anything.
  const long = source.length > limits.tokens;
  const fast = readYamlSubset(source, limits.nodes, long ? new Measure(limits) : undefined);
  if (fast !== undefined) {
    let doc: Document.Parsed | undefined;
    return { get doc() { return (doc ??= parseDocument(source, OPTIONS)); }, data: fast, findings: [] };
  }
  const excess = long ? excessOf(source, limits) : undefined;
  if (excess !== undefined) return refused(excess, limits);
  return parseWithYamlPackage(source, long, limits);
}

/**
 * The careful path: the yaml package, every problem a finding (also what the fast reader
 * is tested against). The source is measured first unless the caller has done it.
 */
export function parseWithYamlPackage(source: string, measured = false, limits: Limits = DEFAULT_LIMITS): ParsedYaml {
  const doc = withoutStacks(() => (measured ? parseDocument(source, OPTIONS) : parseMeasured(source, limits)));
  if (!(doc instanceof Document)) return refused(doc, limits);
  const findings: Finding[] = yamlErrorFindings(source, doc.errors);
  if (findings.length > 0) return { doc, data: undefined, findings };
  const converter = new Converter(doc, findings, limits.nodes);
  const data = converter.convert(doc.contents, []);
  return { doc, data: findings.length > 0 ? undefined : data, findings };
}

/**
 * parseDocument with the source measured in the same pass of the lexer: the syntax tree
 * is built from the measured tokens, and the document only once all of them are within
 * the limits. As parseDocument, the first document, and an error for a second one.
 */
function parseMeasured(source: string, limits: Limits): Document.Parsed | Excess {
  const parser = new Parser();
  function* tree(): Generator<CST.Token, void> {
    for (const lexeme of measuredLexemes(source, new Measure(limits))) yield* parser.next(lexeme);
    yield* parser.end();
  }
  try {
    let first: Document.Parsed | undefined;
    for (const doc of new Composer(OPTIONS).compose(tree(), true, source.length)) {
      if (first === undefined) {
        first = doc;
      } else {
        first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
    return first!; // compose always gives a document, if only an empty one
  } catch (e) {
    if (e instanceof Exceeded) return e.excess;
    throw e;
  }
}

/**
 * The yaml package makes an Error for each problem, and broken input within the token
 * limit can hold hundreds of thousands: without their stack traces (unused: findings
 * keep only the message and offset) they cost a tenth of the memory and time.
 */
function withoutStacks<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function refused(excess: Excess, limits: Limits): ParsedYaml {
  const finding = excess.limit === 'depth' ? error('yaml-depth', [], { limit: limits.depth }) : error('yaml-too-many-tokens', [], { limit: limits.tokens });
  return { doc: undefined, data: undefined, findings: [{ ...finding, offset: excess.offset }] };
}

class Converter {
  private nodes = 0;
  private aliases = 0;
  private stopped = false; // past a size limit: one finding says it, nothing more is read
  constructor(private readonly doc: Document.Parsed, private readonly findings: Finding[], private readonly maxNodes: number) {}

  convert(node: unknown, path: Path): unknown {
    if (this.stopped) return undefined;
    if (++this.nodes > this.maxNodes) return this.stop('yaml-too-many-nodes', path, this.maxNodes);
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
    if (isMap(node)) return this.map(node.items, path);
    if (isSeq(node)) return node.items.map((item, i) => this.convert(item, [...path, i]));
    if (isScalar(node)) return this.scalar(node.value, node.source, path);
    return undefined;
  }

  private map(pairs: readonly Pair[], path: Path): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const pair of pairs) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') {
        this.fail(error('yaml-key-type', path, { key: String(isScalar(pair.key) ? pair.key.value : 'a collection') }));
        continue;
      }
      if (Object.hasOwn(out, key)) {
        this.findings.push({ ...error('yaml-duplicate-key', [...path, key]), atKey: true, offset: (pair.key as Node).range?.[0] ?? 0 });
        continue;
      }
      // defineProperty keeps "__proto__" an ordinary (and unknown) key, never a prototype.
      Object.defineProperty(out, key, {
        value: this.convert(pair.value, [...path, key]), enumerable: true, writable: true, configurable: true,
      });
    }
    return out;
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

/** 1-based line and column of each source offset, in one pass over the lines, computed only when findings are reported. */
export function positionsOf(source: string, offsets: readonly number[]): Position[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out: Position[] = new Array(offsets.length);
  let line = 1;
  let lineStart = 0;
  let nl = source.indexOf('\n');
  for (const i of order) {
    const end = Math.min(offsets[i]!, source.length);
    while (nl !== -1 && nl < end) {
      line++;
      lineStart = nl + 1;
      nl = source.indexOf('\n', lineStart);
    }
    out[i] = { line, col: end - lineStart + 1 };
  }
  return out;
}

export function offsetOf(doc: Document.Parsed, path: Path, atKey = false): number {
  return nodeAt(doc, path, atKey)?.range?.[0] ?? 0;
}
