/**
 * The yaml package parses recursively: input nested about a thousand levels deep
 * overflows its stack, and a second such document in the same process can abort Node
 * with an uncatchable error. So nesting is measured before parsing, in one linear pass,
 * and refused above a limit no proposal comes near (the format itself nests 6 deep).
 *
 * The measure never undercounts: block levels are counted from the stack of rising
 * indentation (twice, since a sequence may sit at its parent key's indentation), plus
 * compact "- " entries on a line, plus open flow brackets outside quotes and comments.
 */
export const MAX_DEPTH = 100;

const SPACE = 32;
const DASH = 45;
const HASH = 35;
const NL = 10;

/** Offset of the line where nesting passes `limit`, or undefined when it never does. */
export function tooDeepAt(source: string, limit = MAX_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0; // the open quote character inside flow collections, or 0
  for (let start = 0; start < source.length;) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    let i = start;
    while (i < end && source.charCodeAt(i) === SPACE) i++;
    const blank = i === end || source.charCodeAt(i) === HASH || source.charCodeAt(i) === 13;
    if (!blank && flow === 0) {
      const indent = i - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let dashes = 0;
    while (i + 1 < end && source.charCodeAt(i) === DASH && source.charCodeAt(i + 1) === SPACE) {
      dashes++;
      i += 2;
      while (i < end && source.charCodeAt(i) === SPACE) i++;
    }
    for (; i < end; i++) {
      const ch = source[i]!;
      if (quote !== 0) {
        if (ch.charCodeAt(0) === quote) quote = 0;
      } else if ((ch === '"' || ch === "'") && (i === start || ' [{,:'.includes(source[i - 1]!))) {
        quote = ch.charCodeAt(0); // only where a scalar can start: "Customer's" is no quote
      } else if (ch === '#' && (i === start || source.charCodeAt(i - 1) === SPACE)) {
        break;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (2 * indents.length + dashes + flow > limit) return start;
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
      }
    }
    if (2 * indents.length + dashes + flow > limit) return start;
    if (flow === 0) quote = 0; // an unclosed quote in block context: count what follows, never hide it
    start = end + (source.charCodeAt(end) === NL ? 1 : 0);
    if (end === source.length) break;
  }
  return undefined;
}
