import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { batchCommand } from '../../src/commands/batch.js';
import { checkCommand } from '../../src/commands/check.js';
import { counterCommand } from '../../src/commands/counter.js';
import { diffCommand } from '../../src/commands/diff.js';
import { InputError, UsageError } from '../../src/api/errors.js';
import type { Output } from '../../src/commands/output.js';
import { capture } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';
import { runs } from '../helpers/runs.js';

/**
 * Random damage to a valid proposal, structural (delete, duplicate, retype, insert) and
 * textual (insert or cut characters): every command must either answer or refuse with a
 * message naming the file — never crash, never hang.
 */
const TELECOM = readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8');
const DIR = mkdtempSync(join(tmpdir(), 'valuepack-mutate-'));
const FILE = join(DIR, 'mutant.yaml');
const quiet: Output = capture().out;
const GLOBALS = { color: false, maxFileSize: 1024 * 1024 };

type Tree = unknown;
type Mutation = (tree: Tree) => void;

function containers(tree: Tree, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (tree !== null && typeof tree === 'object') {
    out.push(tree as Record<string, unknown>);
    for (const v of Object.values(tree)) containers(v, out);
  }
  return out;
}

const garbage = fc.oneof(
  fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1),
  fc.constant(1e300), fc.constant(0.005), fc.constant(''), fc.constant([]), fc.constant({}),
  fc.constantFrom('20%', '-5%', '150%', 'preserve', 'USD', 'XXX', '__proto__', '4 years'),
  fc.dictionary(fc.constantFrom('id', 'name', 'price', 'cost', 'value', 'options', 'current', 'zzz'), fc.string(), { maxKeys: 3 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'retype', 'insert'), garbage)
  .map(([pick, key, op, value]) => (tree: Tree) => {
    const all = containers(tree);
    const target = all[pick % all.length]!;
    const keys = Object.keys(target);
    const k = keys.length > 0 ? keys[key % keys.length]! : undefined;
    if (Array.isArray(target)) {
      const i = key % Math.max(1, target.length);
      if (op === 'delete') target.splice(i, 1);
      else if (op === 'duplicate' && target.length > 0) target.splice(i, 0, structuredClone(target[i]));
      else if (op === 'retype') target[i] = value;
      else target.push(value);
    } else if (op === 'delete' && k !== undefined) {
      delete target[k];
    } else if (op === 'retype' && k !== undefined) {
      target[k] = value;
    } else if (op === 'insert' || op === 'duplicate') {
      target[op === 'insert' ? `x${key % 7}` : (k ?? 'k')] = value;
    }
  });

const textDamage = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12 }))
  .map(([at, cut, insert]) => (text: string) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + cut);
  });

/** Run a command on the file: an answer (exit 0, 1, or 2 for batch's error rows), or a refusal naming the file. */
async function survives(run: () => number | Promise<number>): Promise<void> {
  try {
    expect([0, 1, 2]).toContain(await run());
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.findings.length).toBeGreaterThan(0);
      for (const f of e.findings) expect(f.file).toBe(FILE);
      return;
    }
    if (e instanceof UsageError) return;
    throw e; // anything else is a crash
  }
}

const TELECOM_FILE = join(ROOT, 'fixtures/telecom-switching.yaml');
const COMMANDS: Record<string, () => number | Promise<number>> = {
  counter: () => counterCommand(FILE, { discount: '20%', alternatives: '2', timeLimit: '2' }, GLOBALS, quiet),
  check: () => checkCommand([FILE], { discount: ['20%'], format: 'json' }, GLOBALS, quiet),
  batch: () => batchCommand([FILE], { discount: ['10%,20%'], format: 'jsonl', jobs: '1', timeLimit: '2' }, GLOBALS, quiet),
  diff: () => diffCommand(TELECOM_FILE, FILE, { json: true }, GLOBALS, quiet),
};

describe('random damage to a valid proposal', () => {
  it.each(Object.entries(COMMANDS))('%s answers or refuses cleanly after structural damage', async (_, command) => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
      const tree = parse(TELECOM) as Tree;
      for (const m of mutations) m(tree);
      writeFileSync(FILE, stringify(tree));
      await survives(command);
    }), { seed: 8, numRuns: runs(60) });
  });

  it.each(Object.entries(COMMANDS))('%s answers or refuses cleanly after textual damage', async (_, command) => {
    await fc.assert(fc.asyncProperty(fc.array(textDamage, { minLength: 1, maxLength: 3 }), async (edits) => {
      writeFileSync(FILE, edits.reduce((text, edit) => edit(text), TELECOM));
      await survives(command);
    }), { seed: 88, numRuns: runs(60) });
  });
});
