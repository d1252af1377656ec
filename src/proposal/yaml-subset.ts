import { MAX_DEPTH, type Measure } from './bounds.js';
import { give, INDICATOR, MAX_IMPLICIT_KEY, NOT_A_STRING, plainScalar, quotedScalar, SPACE } from './yaml-scalars.js';

/**
 * A fast reader for the YAML proposals are written in: block mappings and sequences,
 * one-line flow mappings and sequences, plain and quoted one-line scalars, comments.
 * The yaml package reads about 1 MB a second and costs ~20 ms cold even on a small
 * file; this reads the same files over ten times faster, with little code to warm up.
 *
 * It is a shortcut, never a second opinion: at the first thing it does not fully
 * understand (anchors, tags, block scalars, multi-line scalars, escapes, unusual
 * numbers, duplicate keys, long keys, anything odd) it gives up and returns undefined,
 * and the yaml package reads the file and reports what is wrong; it never throws. What
 * it returns equals what the yaml package gives (test/proposal/yaml-subset.test.ts and
 * yaml-suite.test.ts). Positions are found through the yaml document, when needed.
 *
 * Given a Measure, it tells it every significant token the lexer would find (each
 * scalar, indicator and bracket, where it starts) and gives up past its limits: a long
 * file it reads is measured as exactly as by bounds.ts's pass of the lexer, without one.
 */

/** Characters that make YAML subtle (tabs, stray CRs, BOM, controls, Unicode breaks). */
const SUBTLE = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** Keys the yaml package or JavaScript objects treat specially: left to the careful path. */
const SPECIAL_KEYS = new Set(['__proto__', '<<']);

/** Any text that is not an indicator: what a scalar is to the Measure. */
const SCALAR = 'scalar';

export function readYamlSubset(source: string, maxNodes: number, measure?: Measure): unknown {
  if (SUBTLE.test(source)) return undefined;
  try {
    return new Reader(source, maxNodes, measure).document();
  } catch {
    return undefined; // gave up, or a fault of its own (never to escape): it costs speed, never an answer
  }
}

class Reader {
  /** Per content line (blank and comment-only lines left out): start of line, indent, end. */
  private readonly starts: number[] = [];
  private readonly indents: number[] = [];
  private readonly ends: number[] = [];
  private line = 0;
  private pos = 0; // read position in the source, within the current line
  private nodes = 0;
  private depth = 0; // nested collections, bounded here: parseYaml measures only long files first

  constructor(private readonly s: string, private readonly maxNodes: number, private readonly measure?: Measure) {
    // Every content line holds a node and a token: past either limit in lines, give up before reading any.
    const maxLines = Math.min(maxNodes, measure?.limits.tokens ?? Infinity);
    for (let start = 0; start < s.length;) {
      let end = s.indexOf('\n', start);
      if (end === -1) end = s.length;
      const next = end + 1;
      if (end > start && s.charCodeAt(end - 1) === 13) end--;
      let i = start;
      while (i < end && s.charCodeAt(i) === SPACE) i++;
      if (i === start && (s.startsWith('---', i) || s.startsWith('...', i))) {
        // Only an opening marker alone is read here; further documents are the yaml package's to refuse.
        if (this.starts.length > 0 || !/^---(?: +(?:#.*)?)?$/.test(s.slice(start, end))) give();
        this.measure?.line(start);
        this.measure?.token('---', start);
      } else if (i < end && s[i] !== '#') {
        if (this.starts.push(start) > maxLines) give();
        this.indents.push(i - start);
        this.ends.push(end);
      }
      start = next;
    }
  }

  document(): unknown {
    if (this.starts.length === 0 || this.indents[0] !== 0) give();
    this.pos = this.starts[0]!;
    this.measure?.line(this.pos);
    const root = this.map(0);
    this.count();
    if (this.line < this.starts.length) give();
    return root;
  }

  private onlyCommentFrom(i: number): boolean {
    const end = this.ends[this.line]!;
    if (i === end) return true;
    if (this.s.charCodeAt(i) !== SPACE) return false;
    while (i < end && this.s.charCodeAt(i) === SPACE) i++;
    return i === end || this.s[i] === '#';
  }

  /** Move to the next content line; false at the end of the file. */
  private nextLine(): boolean {
    this.line++;
    if (this.line >= this.starts.length) return false;
    this.measure?.line(this.starts[this.line]!);
    this.pos = this.starts[this.line]! + this.indents[this.line]!;
    return true;
  }

  private count(): void {
    if (++this.nodes > this.maxNodes) give();
  }

  private nest<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) give();
    const v = read();
    this.depth--;
    return v;
  }

  private isSeqEntry(at: number): boolean {
    return this.s[at] === '-' && (at + 1 === this.ends[this.line] || this.s.charCodeAt(at + 1) === SPACE);
  }

  /** A block mapping whose keys sit at column `col`; the first key starts at `pos`. */
  private map(col: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const at = this.pos;
      const key = this.key();
      if (key === undefined || SPECIAL_KEYS.has(key) || Object.hasOwn(out, key)) give();
      this.measure?.token(SCALAR, at);
      this.measure?.token(':', this.pos - 1);
      out[key] = this.value(col);
      this.count();
      if (this.line >= this.starts.length || this.indents[this.line]! < col) return out;
      if (this.indents[this.line]! > col) give();
    }
  }

  /** A block sequence whose dashes sit at column `col`, the first at `pos`. */
  private seq(col: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      this.measure?.token('-', this.pos);
      let at = this.pos + 1;
      while (at < this.ends[this.line]! && this.s.charCodeAt(at) === SPACE) at++;
      this.pos = at;
      if (at === this.ends[this.line] || this.s[at] === '#') {
        out.push(this.nextLine() && this.indents[this.line]! > col ? this.block() : null);
      } else if (this.isSeqEntry(at)) {
        give();
      } else {
        const compactMap = this.key() !== undefined; // "- id: x" starts a mapping at the column of "id"
        this.pos = at;
        if (compactMap) {
          out.push(this.nest(() => this.map(at - this.starts[this.line]!)));
        } else {
          out.push(this.inline(false));
          this.endOfLine();
        }
      }
      this.count();
      if (this.line >= this.starts.length || this.indents[this.line]! < col) return out;
      if (this.indents[this.line]! > col) give();
      if (!this.isSeqEntry(this.pos)) return out;
    }
  }

  /** The block node starting the current line. */
  private block(): unknown {
    const col = this.indents[this.line]!;
    return this.nest(() => (this.isSeqEntry(this.pos) ? this.seq(col) : this.map(col)));
  }

  /** A mapping key and its ": " at `pos`, leaving `pos` after them; undefined (`pos` anywhere) if none is there. */
  private key(): string | undefined {
    const s = this.s;
    const end = this.ends[this.line]!;
    const c = s[this.pos]!;
    let key: string;
    if (c === '"' || c === "'") {
      key = this.quoted();
    } else {
      if (INDICATOR.has(c)) return undefined;
      let i = this.pos;
      while (i < end && !(s[i] === ':' && (i + 1 === end || s.charCodeAt(i + 1) === SPACE))) {
        if (s[i] === '#' && s.charCodeAt(i - 1) === SPACE) return undefined;
        i++;
      }
      if (i === end || s.charCodeAt(i - 1) === SPACE) return undefined;
      key = s.slice(this.pos, i);
      if (NOT_A_STRING.test(key)) give();
      this.pos = i;
    }
    if (s[this.pos] !== ':' || (this.pos + 1 < end && s.charCodeAt(this.pos + 1) !== SPACE)) return undefined;
    // Over 1,024 characters is refused, counted from the line break after an empty value: so from the line's start.
    if (this.pos + 1 - this.starts[this.line]! > MAX_IMPLICIT_KEY) give();
    this.pos++;
    return key;
  }

  /** The value after a key: on the same line, or the block below (a sequence may sit at `col`). */
  private value(col: number): unknown {
    this.spaces();
    if (this.pos < this.ends[this.line]! && this.s[this.pos] !== '#') {
      const v = this.inline(false);
      this.endOfLine();
      return v;
    }
    if (!this.nextLine()) return null;
    const indent = this.indents[this.line]!;
    if (indent > col || (indent === col && this.isSeqEntry(this.pos))) return this.block();
    return null;
  }

  /** After a value: nothing but a comment, then the next line. */
  private endOfLine(): void {
    if (!this.onlyCommentFrom(this.pos)) give();
    this.nextLine();
  }

  /** A scalar or flow collection on one line. */
  private inline(inFlow: boolean): unknown {
    const c = this.s[this.pos];
    if (c === '{' || c === '[') return this.nest(() => this.flow());
    this.measure?.token(SCALAR, this.pos);
    if (c === '"' || c === "'") return this.quoted();
    return this.plain(inFlow);
  }

  private flow(): unknown {
    const s = this.s;
    const close = s[this.pos] === '{' ? '}' : ']';
    const out: Record<string, unknown> | unknown[] = close === '}' ? {} : [];
    this.measure?.token(s[this.pos]!, this.pos);
    this.pos++;
    this.spaces();
    if (s[this.pos] === close) {
      this.measure?.token(close, this.pos);
      this.pos++;
      return out;
    }
    for (;;) {
      if (Array.isArray(out)) {
        out.push(this.inline(true));
      } else {
        const key = this.inline(true);
        if (typeof key !== 'string' || SPECIAL_KEYS.has(key) || Object.hasOwn(out, key)) give();
        if (s[this.pos] !== ':' || s.charCodeAt(this.pos + 1) !== SPACE) give();
        this.measure?.token(':', this.pos);
        this.pos++;
        this.spaces();
        out[key] = this.inline(true);
      }
      this.count();
      this.spaces();
      const c = s[this.pos];
      if (c !== close && c !== ',') give();
      this.measure?.token(c, this.pos);
      this.pos++;
      if (c === close) return out;
      this.spaces();
    }
  }

  private spaces(): void {
    while (this.pos < this.ends[this.line]! && this.s.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  private quoted(): string {
    const [text, next] = quotedScalar(this.s, this.pos, this.ends[this.line]!);
    this.pos = next;
    return text;
  }

  private plain(inFlow: boolean): unknown {
    const [value, next] = plainScalar(this.s, this.pos, this.ends[this.line]!, inFlow);
    this.pos = next;
    return value;
  }
}
