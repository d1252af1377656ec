import { describe, expect, it } from 'vitest';
import { pairUp } from '../../src/proposal/pair.js';

const el = (id: string, name: string) => ({ id, name });

describe('pairUp', () => {
  it('pairs by id first, then by name among what is left, in NEW order with removals last', () => {
    const olds = [el('a', 'X'), el('b', 'Y'), el('c', 'Z')];
    const news = [el('d', 'Z'), el('b', 'X'), el('e', 'W')];
    expect(pairUp(olds, news, (e) => e)).toEqual([
      { kind: 'both', old: olds[2], new: news[0], renamed: true },
      { kind: 'both', old: olds[1], new: news[1], renamed: false },
      { kind: 'added', new: news[2] },
      { kind: 'removed', old: olds[0] },
    ]);
  });

  it('lets an id match win over an earlier name match', () => {
    // New "a" (named Y) must take old "a", even though new "z" (named X) comes first and old "a" is named X.
    const olds = [el('a', 'X')];
    const news = [el('z', 'X'), el('a', 'Y')];
    expect(pairUp(olds, news, (e) => e)).toEqual([
      { kind: 'added', new: news[0] },
      { kind: 'both', old: olds[0], new: news[1], renamed: false },
    ]);
  });

  it('pairs duplicates first with first', () => {
    const olds = [el('a', 'X'), el('a', 'X')];
    const news = [el('a', 'X')];
    expect(pairUp(olds, news, (e) => e)).toEqual([
      { kind: 'both', old: olds[0], new: news[0], renamed: false },
      { kind: 'removed', old: olds[1] },
    ]);
  });
});
