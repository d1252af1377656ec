import { describe, expect, it } from 'vitest';
import { excessOf } from '../../src/proposal/bounds.js';
import { parseYaml } from '../../src/proposal/yaml.js';

const codes = (src: string) => parseYaml(src).findings.map((f) => f.code);

describe('parseYaml', () => {
  it('keeps numbers exactly as written', () => {
    expect(parseYaml('a: 1234.50\nb: 1e3\nc: 0x1F\nd: -0.10\n').data).toEqual({ a: 1234.5, b: 1000, c: 31, d: -0.1 });
  });

  it.each([
    ['a: 12345678901234567890', 'number-inexact'],
    ['a: 9007199254740993', 'number-inexact'],
    ['a: 0.1000000000000000055511151231257827', 'number-inexact'],
    ['a: .inf', 'number-not-finite'],
    ['a: -.inf', 'number-not-finite'],
    ['a: .nan', 'number-not-finite'],
    ['a: 1e309', 'number-not-finite'],
    ['a: !!js/function "x"', 'yaml-tag'],
    ['a: !custom 1', 'yaml-tag'],
    ['? [1, 2]\n: 3', 'yaml-key-type'],
    ['1: x', 'yaml-key-type'],
    ['a: 1\na: 2', 'yaml-duplicate-key'],
    ['a: 1\n---\nb: 2\n', 'yaml-multiple-documents'],
    ['a: [1\n', 'yaml-syntax'],
  ])('refuses %j as %s', (src, code) => {
    expect(codes(src)).toContain(code);
    expect(parseYaml(src).data).toBeUndefined();
  });

  it('keeps __proto__ an ordinary key, never a prototype', () => {
    const data = parseYaml('__proto__: { polluted: true }\nconstructor: 1\n').data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops an alias bomb at the first alias past the limit', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    expect(codes(levels.join('\n'))).toEqual(['yaml-alias-limit']);
  });

  it('reads a few aliases as their anchors', () => {
    expect(parseYaml('a: &x { k: 1 }\nb: *x\n').data).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });
});

describe('nesting depth, measured before parsing', () => {
  it.each([
    ['flow', '['.repeat(5000) + ']'.repeat(5000)],
    ['compact sequences', '- '.repeat(3000) + 'x'],
    ['block mappings', Array.from({ length: 600 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')],
    ['flow after an apostrophe', "a: Customer's crews\nb: " + '['.repeat(200)],
  ])('refuses deep %s', (_, src) => {
    expect(excessOf(src)?.limit).toBe('depth');
    expect(codes(src)).toEqual(['yaml-depth']);
  });

  it('survives many deep documents in one process', () => {
    for (let i = 0; i < 20; i++) expect(codes('['.repeat(20_000))).toEqual(['yaml-depth']);
  });

  it.each([
    ['brackets in quotes', 'a: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["'],
    ['brackets in comments', 'a: 1 # ' + '['.repeat(500)],
    ['an ordinary proposal shape', 'items:\n  - id: a\n    levers:\n      - id: b\n        options:\n          - { name: x, cost: 1 }\n'],
  ])('accepts %s', (_, src) => {
    expect(excessOf(src)).toBeUndefined();
  });
});
