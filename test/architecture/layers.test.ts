import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/run.js';

/**
 * Dependencies point inward (docs/architecture.md): engine ← proposal ← api ← report ←
 * commands ← cli. A module may import its own layer and those inside it, never one
 * further out, so that the pure core can be tested, reused and reasoned about alone.
 */
const LAYERS = ['engine', 'proposal', 'api', 'report', 'commands', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** The layer of a file under src/, by its folder; the three top-level files by name. */
function layerOf(file: string): Layer {
  const [top] = file.split('/');
  if (file === 'version.ts') return 'engine'; // a constant the build defines: no imports
  if (file === 'index.ts') return 'cli'; // the library entry: an outer layer like the CLI
  if (file === 'cli.ts') return 'cli';
  if ((LAYERS as readonly string[]).includes(top!)) return top as Layer;
  throw new Error(`${file} is in no layer: put it in one of ${LAYERS.join(', ')}`);
}

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Relative imports and re-exports, static and dynamic, type-only included. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
}

test('no module imports a layer further out than its own', () => {
  const src = join(ROOT, 'src');
  const wrong: string[] = [];
  for (const path of sources()) {
    const file = relative(src, path);
    const own = LAYERS.indexOf(layerOf(file));
    for (const spec of importsOf(readFileSync(path, 'utf8'))) {
      const target = relative(src, normalize(join(dirname(path), spec))).replace(/\.js$/, '.ts');
      const theirs = LAYERS.indexOf(layerOf(target));
      if (theirs > own) wrong.push(`${file} (${LAYERS[own]}) imports ${target} (${LAYERS[theirs]})`);
    }
  }
  expect(wrong).toEqual([]);
});

test('the engine is pure: no fs, process, clock, chalk or text formatting', () => {
  const engine = sources(join(ROOT, 'src', 'engine'));
  const impure = engine.filter((path) => /from 'node:|from 'chalk'|\bprocess\.|Intl\.|Date\.now|performance\.now/.test(readFileSync(path, 'utf8')));
  expect(impure.map((p) => relative(ROOT, p))).toEqual([]);
});

test('the library entry re-exports no command and not the CLI', () => {
  const entry = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  expect(importsOf(entry).filter((spec) => /^\.\/(commands\/|cli\.js)/.test(spec))).toEqual([]);
});
