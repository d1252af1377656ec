import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excessOf, Measure, measuredLexemes } from '../../src/proposal/bounds.js';
import { parseWithYamlPackage } from '../../src/proposal/yaml.js';
import { MAX_NODES } from '../../src/proposal/bounds.js';
import { readYamlSubset } from '../../src/proposal/yaml-subset.js';
import { ROOT } from '../helpers/run.js';
import { runs } from '../helpers/runs.js';

const UNLIMITED = { depth: Infinity, tokens: Infinity, nodes: MAX_NODES };

/**
 * The fast reader is a shortcut for the yaml package, never a second opinion: whenever
 * it returns data, the yaml package must read the same text without a finding and to
 * exactly the same data (-0 and 0 told apart, key order kept), and measure the same
 * tokens and depth as the lexer's pass it replaces on long files.
 */
function agrees(source: string): 'fast' | 'careful' {
  const measured = new Measure(UNLIMITED);
  const fast = readYamlSubset(source, MAX_NODES, measured);
  if (fast === undefined) return 'careful';
  expect(excessOf(source), 'what the fast reader reads is within the bounds').toBeUndefined();
  const lexed = new Measure(UNLIMITED);
  for (const _ of measuredLexemes(source, lexed)) void _;
  expect([measured.tokens, measured.peak], `the fast reader measures as the lexer does:\n${source}`).toEqual([lexed.tokens, lexed.peak]);
  const careful = parseWithYamlPackage(source);
  expect(careful.findings, source).toEqual([]);
  expect(isDeepStrictEqual(fast, careful.data), `fast reader disagrees on:\n${source}\n${JSON.stringify(fast)}`).toBe(true);
  expect(Object.keys(fast as object)).toEqual(Object.keys(careful.data as object));
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Generated documents per property; VALUEPACK_FUZZ_RUNS=100000 (or VALUEPACK_DEEP=30) for a long run (minutes). */
const RUNS = Number(process.env.VALUEPACK_FUZZ_RUNS ?? runs(1000));
/** Each run parses twice, in a few milliseconds at worst: a long run needs a longer timeout than the default. */
const TIMEOUT = Math.max(180_000, RUNS * 20);

const TELECOM = readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8');

describe('readYamlSubset', () => {
  it('reads the example, and agrees with the yaml package on every fixture', () => {
    expect(agrees(TELECOM)).toBe('fast');
    for (const file of yamlFiles(join(ROOT, 'fixtures'))) {
      let source: string;
      try {
        source = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
      } catch {
        continue; // not UTF-8: refused before parsing
      }
      agrees(source);
    }
  });

  it.each([
    ['---\na: 1 # c\n\n# c\nb:\n  - x\n  -\n  - { k: v, "q": \'it\'\'s\' }\nc:\n- 1\n- [2, -3.50, "x y"]\n', 'fast'],
    ['a: 1\r\nb: two words\r\n', 'fast'],
    ['a: -0\nb: 0.10\nc: C#\nd: x,[y]{z}\ne: 30% off\nf: ~\ng: True\nh:\n', 'careful'],
    ['a: 1_000\nb: +5\nc: 007\nd: 1e3\ne: .5\nf: 0x1F\ng: .inf\nh: yes\ni: null\nj: false\n', 'careful'],
    ['a: &x 1\nb: *x\n', 'careful'],
    ['a: !t 1\n', 'careful'],
    ['a: |\n  text\n', 'careful'],
    ['a: "esc\\n"\n', 'careful'],
    ['a: two\n  lines\n', 'careful'],
    ['a: 1\na: 2\n', 'careful'],
    ['__proto__: 1\n', 'careful'],
    ['a: { b: 1\n  }\n', 'careful'],
    ['a: b: c\n', 'careful'],
    ['- a\n', 'careful'],
    ['a:\n\tb: 1\n', 'careful'],
    ['a: 1\n---\nb: 2\n', 'careful'],
    ['  a: 1\n', 'careful'],
    ['a:\n  b: 1\n c: 2\n', 'careful'],
    ['a: 12345678901234567890\n', 'careful'],
    ['1: x\n', 'careful'],
  ])('%j: agrees (read by the %s path)', (source, expected) => {
    const path = agrees(source);
    if (expected === 'fast') expect(path).toBe('fast');
  });

  // Documents shaped like proposals, with pieces chosen to sit on the subset's edges.
  const scalar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('1', '-1', '0.5', '1.50', 'x', 'two words', '30%', 'C#', '-x', '"q"', "'it''s'", 'x # note') },
    { weight: 1, arbitrary: fc.constantFrom('-0', '007', '1_0', '+1', '1e3', '.5', '0x1F', '~', 'null', 'Null', 'true', 'yes', 'no',
      'a#b', 'a #b', 'a:b', 'a: b', '- x', '"a\\"b"', '&a x', '*a', '!t x', '|', '>', '%x', '@x', '`x', '?', ':', ',', '[]', '{}',
      '[1, x]', '{ a: 1 }', '{ a: 1, }', '[ a, [b] ]', '{ a: { b: c } }', '{a: 1}', '{ a:1 }', '', '# c', '"unclosed', "'", 'é', '<<',
      'x  ', '9007199254740993', '0.1000000000000000055511151231257827', 'x:y#z'.repeat(5000), 'x :y'.repeat(300)) },
  );
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'id', 'name', 'two words', '"q"', "'s'") },
    { weight: 1, arbitrary: fc.constantFrom('1', 'true', '-a', '?a', 'a ', '<<', 'a#b', '__proto__', '"a\\"b"', '',
      'k'.repeat(1024), 'k'.repeat(1025), `"${'q'.repeat(1022)}"`, `"${'q'.repeat(1023)}"`) },
  );
  type Tree = string | { map: [string, Tree][]; flow: boolean } | { seq: Tree[]; flow: boolean };
  const { tree } = fc.letrec<{ tree: Tree }>((t) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar,
      fc.record({ map: fc.array(fc.tuple(key, t('tree')), { minLength: 1, maxLength: 3 }), flow: fc.boolean() }),
      fc.record({ seq: fc.array(t('tree'), { minLength: 1, maxLength: 3 }), flow: fc.boolean() })),
  }));
  const inline = (t: Tree): string => typeof t === 'string' ? t
    : 'map' in t ? `{ ${t.map.map(([k, v]) => `${k}: ${inline(v)}`).join(', ')} }` : `[${t.seq.map(inline).join(', ')}]`;
  /** Lines of a block node at `indent`; sequences under a key sometimes sit at the key's own column. */
  const block = (t: Tree, indent: number): string[] => {
    const pad = ' '.repeat(indent);
    if (typeof t === 'string' || t.flow) return [pad + inline(t)];
    if ('map' in t) {
      return t.map.flatMap(([k, v]) => (typeof v === 'string' || v.flow ? [`${pad}${k}: ${inline(v)}`]
        : [`${pad}${k}:`, ...block(v, 'seq' in v && k.length % 2 === 0 ? indent : indent + 2)]));
    }
    return t.seq.flatMap((v) => {
      if (typeof v === 'string' || v.flow) return [`${pad}- ${inline(v)}`];
      const [first, ...rest] = block(v, indent + 2);
      return 'map' in v ? [`${pad}- ${first!.trimStart()}`, ...rest] : [`${pad}-`, first!, ...rest];
    });
  };
  const root = fc.record({ map: fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }), flow: fc.constant(false) });

  it('agrees on generated documents', () => {
    let fast = 0;
    fc.assert(fc.property(root, fc.nat(), (doc, comment) => {
      const lines = block(doc, 0);
      lines.splice(comment % (lines.length + 1), 0, comment % 3 === 0 ? '' : '  # a comment');
      if (agrees(lines.join('\n') + '\n') === 'fast') fast++;
    }), { numRuns: RUNS });
    expect(fast, 'the generator must exercise the fast reader').toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);

  it('agrees on damaged copies of the example', () => {
    const damage = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 6, unit: fc.constantFrom(...' -:#,{}[]"\'\n&*!|>.0123456789ax') }));
    fc.assert(fc.property(damage, ([at, cut, insert]) => {
      const i = at % (TELECOM.length + 1);
      agrees(TELECOM.slice(0, i) + insert + TELECOM.slice(i + cut));
    }), { numRuns: RUNS });
  }, TIMEOUT);
});
