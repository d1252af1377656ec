import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ratio } from '../../src/engine/ratio.js';
import { MESSAGES, type FindingCode } from '../../src/proposal/messages.js';
import { ROOT } from '../helpers/run.js';

const codes = Object.keys(MESSAGES) as FindingCode[];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

test('every code raised anywhere in src has a message', () => {
  const raised = new Set(sources(join(ROOT, 'src')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\b(?:error|warning)\('([a-z-]+)'/g)].map((m) => m[1]!)));
  expect([...raised].filter((c) => !codes.includes(c as FindingCode))).toEqual([]);
});

test('every message says something, without falling back to its code', () => {
  for (const code of codes) {
    // Every argument a message may read: text, or an amount or a share where the message formats one.
    const amount = { units: 100, digits: 2, currency: 'USD' };
    const share = ratio(1, 4);
    const anything = new Proxy({}, {
      get: (_t, key) => (key === 'suggestion' || key === 'max' || key === 'timeLimited' ? undefined
        : ['cost', 'price', 'margin'].includes(String(key)) ? amount
          : ['percent', 'upTo', 'previous', 'maxDiscount', 'highest', 'ratio', 'floor', 'discount'].includes(String(key)) ? share : 'x'),
    });
    const text = (MESSAGES[code] as (a: unknown) => string)(anything);
    expect(text.length, code).toBeGreaterThan(0);
    expect(text, code).not.toBe(code);
  }
});

test('every code is documented in docs/check.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/check.md'), 'utf8');
  expect(codes.filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
});
