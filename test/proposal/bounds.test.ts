import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { excessOf, limitsFor, LIMITS_FILE_BYTES, MAX_DEPTH, MAX_NODES, MAX_TOKENS, Measure } from '../../src/proposal/bounds.js';
import { parseWithYamlPackage, parseYaml } from '../../src/proposal/yaml.js';
import { readYamlSubset } from '../../src/proposal/yaml-subset.js';

const codes = (src: string) => parseWithYamlPackage(src).findings.map((f) => f.code);
const UNLIMITED_TOKENS = { depth: MAX_DEPTH, tokens: Infinity, nodes: MAX_NODES };

/** Collections nested in data: what the yaml package recurses through. */
function depthOf(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(v).map(depthOf));
}

describe('the bounds measured before the yaml package builds anything', () => {
  it('scale tokens and nodes with the byte limit above 10 MiB, never below the defaults, and keep the depth', () => {
    expect(limitsFor(LIMITS_FILE_BYTES)).toEqual({ depth: MAX_DEPTH, tokens: MAX_TOKENS, nodes: MAX_NODES });
    expect(limitsFor(1_000)).toEqual(limitsFor(LIMITS_FILE_BYTES));
    expect(limitsFor(3 * LIMITS_FILE_BYTES)).toEqual({ depth: MAX_DEPTH, tokens: 3 * MAX_TOKENS, nodes: 3 * MAX_NODES });
  });

  it.each([
    ['a quote the lexer takes as part of a plain scalar, in flow', "a: [b '" + '['.repeat(200)],
    ['a quote after a flow indicator', "a: ['x', b '" + '['.repeat(200)],
    ['explicit keys', '? '.repeat(200)],
    ['explicit keys and entries', '- ? '.repeat(100)],
    ['implicit pairs in flow, across lines', Array.from({ length: 60 }, (_, i) => `${' '.repeat(i + 1)}[k${i}: `).join('\n')],
    ['flow left open, then more flow', `a: ${'['.repeat(60)}\nb: ${'['.repeat(60)}`],
    ['compact sequences continued on the next lines', `${Array.from({ length: 30 }, (_, i) => `${' '.repeat(8 * i)}- - - -`).join('\n')} x`],
    ['a quoted scalar over two lines, then deep block nodes', `a: "x\n  y": ${'- '.repeat(120)}x`],
  ])('refuses nesting through %s', (_, src) => {
    expect(excessOf(src)?.limit).toBe('depth');
    expect(codes(src)).toEqual(['yaml-depth']);
  });

  it('counts tokens, not bytes, and refuses past the limit before parsing', () => {
    const flat = `z: [${'1,'.repeat(MAX_TOKENS / 2)}1]\n`;
    expect(excessOf(flat)?.limit).toBe('tokens');
    expect(codes(flat)).toEqual(['yaml-too-many-tokens']);
    expect(excessOf(`z: "${'x'.repeat(MAX_TOKENS * 2)}"\n`)).toBeUndefined();
  });

  it('never measures less nesting than the data has', () => {
    const { tree } = fc.letrec<{ tree: unknown }>((t) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom('x', 1, 'a b', "it's", '[x]', '"q"', null),
        fc.array(t('tree'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'k k', '?', '-'), t('tree'), { maxKeys: 3 })),
    }));
    fc.assert(fc.property(tree, fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>, (data, style) => {
      const src = stringify(data, { collectionStyle: style });
      const real = depthOf(data);
      if (real === 0) return;
      expect(excessOf(src, { ...UNLIMITED_TOKENS, depth: real - 1 }), src).toBeDefined();
    }), { numRuns: 2000 });
  });

  it('accepts what a proposal looks like, however long', () => {
    const lever = (i: number) => [`      - id: l${i}`, `        name: "Lever ${i}: it's [x]"`, '        options:',
      '          - { name: full, cost: 10, value: 20 }', '          - name: none', '            cost: 0'].join('\n');
    const src = `proposal: x\nitems:\n  - id: a\n    levers:\n${Array.from({ length: 2000 }, (_, i) => lever(i)).join('\n')}\n`;
    expect(excessOf(src)).toBeUndefined();
  });

  it('refuses a long file the fast reader could read as the lexer pass does, at the same offset', () => {
    const nested = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    const pad = `pad: "${'x'.repeat(MAX_TOKENS)}"\n`;
    const deep = `${pad}${nested(60)} 1\n`; // 60 mappings: within the reader's own bound, past the measured one
    const flat = `z: [${'1, '.repeat(MAX_TOKENS / 2)}1]\n`; // one line, as the reader reads flow
    for (const [src, limit, code] of [[deep, 'depth', 'yaml-depth'], [flat, 'tokens', 'yaml-too-many-tokens']] as const) {
      expect(readYamlSubset(src, MAX_NODES, new Measure({ depth: Infinity, tokens: Infinity, nodes: MAX_NODES }))).toBeDefined();
      const excess = excessOf(src)!;
      expect(excess.limit).toBe(limit);
      expect(parseYaml(src).findings.map((f) => [f.code, f.offset])).toEqual([[code, excess.offset]]);
    }
  });
});

describe('duplicate keys, found in linear time', () => {
  it('finds the second of two equal keys, quoted or not, at any depth', () => {
    const r = parseWithYamlPackage('a: 1\nb:\n  c: 1\n  "c": 2\n');
    expect(r.findings.map((f) => [f.code, f.path, f.offset])).toEqual([['yaml-duplicate-key', ['b', 'c'], 17]]);
    expect(r.data).toBeUndefined();
  });

  it('reads a mapping of 150,000 keys and finds the duplicate at its end', () => {
    const keys = Array.from({ length: 150_000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(codes(`${keys}\nk5: &a 2\n`)).toEqual(['yaml-duplicate-key']);
  });
});
