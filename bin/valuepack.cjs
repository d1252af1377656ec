#!/usr/bin/env node
'use strict';
/*
 * The command is one CommonJS bundle, dist/cli.cjs, compiled with the V8 code cache that
 * `npm run build` writes beside it (scripts/code-cache.mjs): most of a cold start is
 * compiling JavaScript, and CommonJS skips the ES module loader. The cache is stamped
 * with what V8 checks (its version, the flags node was given) and the bundle's size and
 * mtime; when the stamp does not match, the ES module build (dist/cli.js) runs instead,
 * which compiles only the chunks a command needs.
 */
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CACHE = join(DIST, 'cli.cjs.cache');

/** One line that a cache made here and now would start with. */
function stamp() {
  const { size, mtimeMs } = statSync(BUNDLE);
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  return Buffer.from(`${JSON.stringify({ size, mtimeMs, v8: process.versions.v8, flags })}\n`);
}

/** The cache, if it was made from this very bundle under this V8 and these flags. */
function cachedData() {
  try {
    const data = readFileSync(CACHE);
    const head = stamp();
    return data.subarray(0, head.length).equals(head) ? data.subarray(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Compile and run the bundle; `script` can then make a cache, or say whether it took one. */
function loadCli(data) {
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData: data });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, DIST);
  return { cli: mod.exports, script };
}

module.exports = { loadCli, cachedData, stamp, CACHE };

if (require.main === module) {
  const data = cachedData();
  if (data) loadCli(data).cli.runProcess();
  else import('../dist/cli.js').then((cli) => cli.runProcess());
}
