#!/usr/bin/env node
'use strict';
/*
 * The command is one CommonJS bundle, dist/cli.cjs, compiled with the V8 code cache that
 * `npm run build` writes beside it (scripts/code-cache.mjs): most of a cold start is
 * compiling JavaScript, and CommonJS skips the ES module loader. A cache V8 rejects
 * (another Node, other V8 flags) or one older than the bundle only costs that compile.
 */
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CACHE = join(DIST, 'cli.cjs.cache');

/** The bundle's size and modification time, which a cache is stamped with: 16 bytes. */
function stamp() {
  const s = statSync(BUNDLE);
  const b = Buffer.alloc(16);
  b.writeDoubleLE(s.size, 0);
  b.writeDoubleLE(s.mtimeMs, 8);
  return b;
}

/** The cache, if it was made from this very bundle. */
function cachedData() {
  try {
    const data = readFileSync(CACHE);
    return data.subarray(0, 16).equals(stamp()) ? data.subarray(16) : undefined;
  } catch {
    return undefined;
  }
}

/** Compile and run the bundle; `script` can then make or say whether it took a cache. */
function loadCli(data) {
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData: data });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, DIST);
  return { cli: mod.exports, script };
}

module.exports = { loadCli, cachedData, stamp, CACHE };

if (require.main === module) loadCli(cachedData()).cli.runProcess();
