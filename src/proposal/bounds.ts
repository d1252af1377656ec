import { Lexer } from 'yaml';

/**
 * The yaml package builds a syntax tree and then a document, both recursively and at a
 * few hundred bytes a token: input nested a thousand levels deep overflows its stack (a
 * second such document in one process can abort Node), and a flat list of millions of
 * scalars takes gigabytes. So before it builds anything, one pass of its own lexer
 * measures the input, and what passes a limit no proposal comes near is refused.
 *
 * The lexer decides what is a quote, a bracket or an indicator, so the measure follows
 * YAML's real rules (a quote inside a flow collection that starts no string, explicit
 * keys "? ? ?"). Depth is never undercounted: every block node starts at a line's
 * indentation or just after a "-", "?" or ":" indicator, and each such column still open
 * counts twice (a sequence may sit at its parent key's column); every open flow
 * collection counts once, and once more while it holds an implicit pair.
 */

/** Nesting a document may have (the format itself nests 6 deep). */
export const MAX_DEPTH = 100;
/** Tokens a document may have, spaces, line breaks and comments left out: keys, values and indicators. */
export const MAX_TOKENS = 500_000;

export interface Excess {
  readonly limit: 'depth' | 'tokens';
  /** Where the limit was passed. */
  readonly offset: number;
}

/** Nodes a document may expand to (aliases included), and the fast reader may build. */
export const MAX_NODES = 1_000_000;
/** The file size the token and node limits are set for (the default --max-file-size). */
export const LIMITS_FILE_BYTES = 10 * 1024 * 1024;

export interface Limits {
  readonly depth: number;
  readonly tokens: number;
  readonly nodes: number;
}

/**
 * The limits for files read under `maxBytes`: the defaults up to 10 MiB, and tokens and
 * nodes in proportion above, so that whoever raises --max-file-size for a larger
 * proposal can read it (the depth limit protects the stack, not the memory: it stays).
 */
export function limitsFor(maxBytes: number): Limits {
  const scale = Math.max(1, maxBytes / LIMITS_FILE_BYTES);
  return { depth: MAX_DEPTH, tokens: Math.floor(MAX_TOKENS * scale), nodes: Math.floor(MAX_NODES * scale) };
}

const DOCUMENT = '\x02';
const SCALAR = '\x1f';
const FLOW_END = '\x18'; // an unterminated flow collection: the lexer drops back to block context
const BOM = '\ufeff';

export const DEFAULT_LIMITS: Limits = limitsFor(LIMITS_FILE_BYTES);

/** Thrown by a Measure at the first token past a limit. */
export class Exceeded extends Error {
  constructor(readonly excess: Excess) {
    super(`past the ${excess.limit} limit`);
  }
}

/**
 * The lexer's tokens of `source`, measured on the way: the parser can build its syntax
 * tree from them as they come, and never gets the token that passes a limit (Exceeded
 * is thrown instead), so what it builds stays within the limits too.
 */
export function* measuredLexemes(source: string, measure = new Measure()): Generator<string, void> {
  let pos = 0;
  for (const token of new Lexer().lex(source)) {
    const at = pos;
    if (token !== DOCUMENT && token !== SCALAR && token !== FLOW_END) pos += token.length;
    measure.take(token, at, pos);
    yield token;
  }
}

/** Where `source` first passes a limit, or undefined when it stays within them. */
export function excessOf(source: string, limits = DEFAULT_LIMITS): Excess | undefined {
  try {
    for (const _ of measuredLexemes(source, new Measure(limits))) void _;
    return undefined;
  } catch (e) {
    if (e instanceof Exceeded) return e.excess;
    throw e;
  }
}

/**
 * Depth and tokens so far, from the significant tokens and the line starts: given them
 * by the lexer (`take`), or by a reader that finds them itself (`line`, `token`: the fast
 * reader measures what it reads for the price of a counter, not of a second pass).
 */
export class Measure {
  tokens = 0;
  /** The deepest nesting measured so far. */
  peak = 0;
  /** Columns of the block nodes still open, rising. */
  private readonly columns: number[] = [];
  /** Per open flow collection: whether it holds an implicit pair (a mapping one level deeper). */
  private readonly pairs: boolean[] = [];
  private paired = 0;
  /** Flow levels left open by an unterminated collection: the parser may keep them, so they keep counting. */
  private abandoned = 0;
  private lineStart = 0;
  private lineHasContent = false;

  constructor(readonly limits: Limits = DEFAULT_LIMITS) {}

  depth(): number {
    return 2 * this.columns.length + this.pairs.length + this.paired + this.abandoned;
  }

  /** Account for one lexer token spanning [at, end). */
  take(token: string, at: number, end: number): void {
    const c = token[0];
    if (token === FLOW_END) {
      this.abandoned += this.pairs.length + this.paired; // the depth stays as it is
      this.pairs.length = 0;
      this.paired = 0;
      return;
    }
    const significant = token !== DOCUMENT && token !== SCALAR && token !== BOM && c !== ' ' && c !== '\t' &&
      c !== '\n' && c !== '\r' && c !== '#';
    if (significant) this.token(token, at);
    const nl = token.lastIndexOf('\n');
    if (nl !== -1) {
      this.lineStart = end - (token.length - nl - 1);
      // A scalar running on past a line break fills the start of the new line.
      this.lineHasContent = significant && nl !== token.length - 1;
    }
  }

  /** A line starts at `start` (its first token, if any, opens a block node at its column). */
  line(start: number): void {
    this.lineStart = start;
    this.lineHasContent = false;
  }

  /** One significant token at `at`: an indicator as its text, any scalar as a text that is none. */
  token(token: string, at: number): void {
    if (++this.tokens > this.limits.tokens) throw new Exceeded({ limit: 'tokens', offset: at });
    this.nest(token, at);
    const depth = this.depth();
    if (depth > this.peak) this.peak = depth;
    if (depth > this.limits.depth) throw new Exceeded({ limit: 'depth', offset: at });
  }

  private nest(token: string, at: number): void {
    const flow = this.pairs.length > 0;
    if (!flow && !this.lineHasContent) {
      const indent = at - this.lineStart;
      while (this.columns.length > 0 && this.columns[this.columns.length - 1]! >= indent) this.columns.pop();
      this.columns.push(indent);
    }
    this.lineHasContent = true;
    if (token === '[' || token === '{') {
      this.pairs.push(false);
    } else if (token === ']' || token === '}' || token === ',') {
      if (flow) this.setPair(false);
      if (token !== ',') this.pairs.pop();
    } else if (token === '-' || token === '?' || token === ':') {
      if (flow) this.setPair(true);
      else this.columns.push(at - this.lineStart + 1);
    }
  }

  private setPair(open: boolean): void {
    const top = this.pairs.length - 1;
    if (this.pairs[top] === open) return;
    this.pairs[top] = open;
    this.paired += open ? 1 : -1;
  }
}
