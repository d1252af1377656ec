/**
 * Generators of hostile inputs too large to commit: each class is a way to make the
 * parser or the validator crash, hang or run out of memory, sized just under the 10 MiB
 * file limit (or up to a limit of valuepack's own, where that is what bites).
 */

/** Just under the default --max-file-size of 10 MiB. */
export const NEAR_LIMIT = 10 * 1024 * 1024 - 4096;

/**
 * The classes the yaml package reads slowly come in a slice of their full size in
 * `npm test`; VALUEPACK_FULL_HOSTILE=1 runs them up to the limits (a few seconds each).
 */
const FULL = process.env.VALUEPACK_FULL_HOSTILE === '1';
const count = (full: number, slice: number) => (FULL ? full : slice);

const HEAD = 'customer: C\ncurrency: USD\nitems:\n  - { id: a, name: A, price: 100, cost: 50 }\n';

/** `prefix`, then `unit` repeated to fill `size` bytes, then `suffix`. */
function fill(prefix: string, unit: string, suffix = '\n', size = NEAR_LIMIT): string {
  return prefix + unit.repeat(Math.floor((size - prefix.length - suffix.length) / unit.length)) + suffix;
}

function lines(n: number, line: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';
}

export interface HostileClass {
  /** What each command must end with, and a text its output must hold. */
  readonly check: 0 | 1;
  readonly counter: 0 | 1 | 2;
  readonly text: RegExp;
  readonly make: () => string;
}

/** Every class, by name, with the exit codes it must end with: check 1 and counter 2 when refused. */
export const HOSTILE: Readonly<Record<string, HostileClass>> = {
  // A vendor of ten megabytes: the fast reader's scanner once overflowed its stack. (No levers: nothing to concede.)
  'long-plain-scalar': { check: 0, counter: 1, text: /No package meets|no problems/, make: () => `proposal: x\n${HEAD}${fill('vendor: ', 'a')}` },
  'long-flow-scalar': { check: 1, counter: 2, text: /expected string, received array/, make: () => HEAD + fill('proposal: [', 'a', ']\n') },
  'long-implicit-key': { check: 1, counter: 2, text: /at most 1024 chars/, make: () => HEAD + fill('proposal: x\n', 'k', ': 1\n') },
  // A quote the lexer does not take for one, then brackets: once past the depth guard.
  'quote-in-flow': { check: 1, counter: 2, text: /nesting deeper than 100 levels/, make: () => fill("a: [b '", '[') },
  'explicit-keys': { check: 1, counter: 2, text: /nesting deeper than 100 levels/, make: () => fill('', '? ') },
  'flat-flow-sequence': { check: 1, counter: 2, text: /more than 500000 YAML tokens/, make: () => HEAD + fill('proposal: x\nz: [', '1,', '1]\n') },
  'flat-block-sequence': { check: 1, counter: 2, text: /more than 500000 YAML tokens/, make: () => HEAD + fill('proposal: x\nz:\n', '- 1\n', '') },
  // As many keys as the token limit allows, read by the yaml package (the anchor) with a duplicate at the end.
  'many-keys': {
    check: 1, counter: 2, text: /duplicate key/,
    make: () => `proposal: x\n${HEAD}z:\n${lines(count(160_000, 30_000), (i) => `  k${i}: ${'v'.repeat(50)}`)}  k7: &a 1\n`,
  },
  // Three schema problems per item, a quarter of a million in all.
  'many-findings': {
    check: 1, counter: 2, text: /more findings, not listed/,
    make: () => `proposal: x\ncustomer: C\ncurrency: USD\nitems:\n${lines(count(80_000, 20_000), () => '  - { x: 1 }')}`,
  },
  // One syntax error per file, not the cascade after it.
  'many-syntax-errors': { check: 1, counter: 2, text: /^(valuepack: \S+: )?YAML syntax error: Unexpected , in flow sequence\n?$/, make: () => `${HEAD}proposal: x\nz: [${',,'.repeat(count(240_000, 40_000))}]\n` },
};
