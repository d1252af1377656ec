import type { YAMLError } from 'yaml';
import { error, type Finding } from './findings.js';

/**
 * The yaml package's errors as findings, the way a linter reports a parse error: once
 * per file, at the place a person would fix. After the first syntax error the parser
 * is lost and what follows is a cascade (one tab can give seventy errors), so only the
 * first is kept; duplicate keys and extra documents are real, separate problems and
 * are all kept.
 */
export function yamlErrorFindings(source: string, errors: readonly YAMLError[]): Finding[] {
  const findings: Finding[] = [];
  let syntax: YAMLError | undefined;
  for (const e of errors) {
    if (e.code === 'DUPLICATE_KEY') findings.push({ ...error('yaml-duplicate-key', []), offset: e.pos[0] });
    else if (e.code === 'MULTIPLE_DOCS') findings.push({ ...error('yaml-multiple-documents', []), offset: e.pos[0] });
    else if (!syntax || e.pos[0] < syntax.pos[0]) syntax = e;
  }
  if (syntax) findings.push(placed(source, syntax));
  return findings.sort((a, b) => a.offset! - b.offset!);
}

/** A syntax error moved to where it is fixed, with a hint when the usual cause is known. */
function placed(source: string, e: YAMLError): Finding {
  const detail = firstLine(e.message);
  const unclosed = /end with a ([}\]])/.exec(detail) ?? (/^Missing closing ([}\]])/.exec(detail));
  if (unclosed) {
    const open = unclosedBracket(source, e.pos[0], unclosed[1] === '}' ? '{' : '[');
    if (open !== undefined) {
      return { ...error('yaml-syntax', [], { detail: `this ${source[open]} is never closed: end the line with ${unclosed[1]}` }), offset: lineEnd(source, open) };
    }
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    const next = deeperNextLine(source, e.pos[0]);
    if (next !== undefined) {
      return { ...error('yaml-syntax', [], { detail: 'this line is indented deeper than the keys above it; align it with them' }), offset: next };
    }
  }
  if (/^Implicit map keys need to be followed by map values/.test(detail)) {
    const line = source.slice(e.pos[0], lineEnd(source, e.pos[0])).trim();
    return { ...error('yaml-syntax', [], { detail: `"${line}" is not key: value (a colon and a space after the key)` }), offset: e.pos[0] };
  }
  return { ...error('yaml-syntax', [], { detail }), offset: e.pos[0] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The last `open` bracket before `at` that is still open there (quotes and comments skipped). */
function unclosedBracket(source: string, at: number, open: string): number | undefined {
  const close = open === '{' ? '}' : ']';
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(at + 1, source.length); i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (/[\s[{,:]/.test(source[i - 1] ?? ' ')) quote = ch;
    } else if (ch === '#' && /\s/.test(source[i - 1] ?? ' ')) {
      i = lineEnd(source, i) - 1;
    } else if (ch === open) stack.push(i);
    else if (ch === close) stack.pop();
  }
  return stack.at(-1);
}

/**
 * The start of the line after the one at `at` when it is indented deeper than that
 * line's key (the usual cause of a key spread over two lines); undefined otherwise.
 */
function deeperNextLine(source: string, at: number): number | undefined {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const key = /^[ ]*(?:- +)*/.exec(source.slice(start))![0].length;
  const next = source.indexOf('\n', at);
  if (next < 0) return undefined;
  const indent = /^[ ]*/.exec(source.slice(next + 1))![0].length;
  return indent > key ? next + 1 + indent : undefined;
}

function lineEnd(source: string, at: number): number {
  const i = source.indexOf('\n', at);
  const end = i < 0 ? source.length : i;
  return source[end - 1] === '\r' ? end - 1 : end;
}
