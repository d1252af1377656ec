import { statSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.js';

const PROPOSAL_GLOB = '**/*.{yaml,yml}';
const PROPOSAL_NAME = /\.ya?ml$/i;

/**
 * FILES… arguments as proposal paths, in a stable order: a file as given, a directory
 * as every .yaml/.yml below it (sorted), a glob pattern as its sorted matches. A path
 * that does not exist is kept, so that the reader reports it with the others.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isDirectory(arg)) {
      // The name test matters: a directory called x.yaml makes the glob return what is inside it.
      const found = await glob(PROPOSAL_GLOB, { cwd: arg, dot: false, onlyFiles: true });
      out.push(...found.filter((f) => PROPOSAL_NAME.test(f)).sort().map((f) => joinPath(arg, f)));
    } else if (isDynamicPattern(arg) && !exists(arg)) {
      out.push(...(await glob(arg, { onlyFiles: true, dot: false })).sort());
    } else {
      out.push(arg);
    }
  }
  return [...new Set(out)];
}

/**
 * As expandInputs, for commands that take many files (check, batch): an argument that
 * finds no proposal is a usage error, so that a mistyped pattern in CI cannot pass silently.
 */
export async function expandRequired(args: readonly string[]): Promise<string[]> {
  if (args.length === 0) throw new UsageError('give the proposal files, directories or glob patterns');
  const files = new Set<string>();
  for (const arg of args) {
    const found = await expandInputs([arg]);
    if (found.length === 0) throw new UsageError(`${arg}: no .yaml or .yml files match`);
    for (const f of found) files.add(f);
  }
  return [...files];
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
