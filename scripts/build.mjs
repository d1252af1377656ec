/**
 * The build: ES modules with shared chunks for the library (dist/index.js), the batch
 * worker and the command (dist/cli.js), and the command again as one CommonJS file
 * (dist/cli.cjs) that bin/valuepack.cjs compiles from a V8 code cache when it can (see
 * scripts/code-cache.mjs). The yaml package is bundled from
 * its browser build, which is plain ES modules without Node's `process` lookups.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli.ts', 'src/index.ts', 'src/api/batch/worker.ts'],
    format: 'esm',
    splitting: true,
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['src/cli.ts'],
    format: 'cjs',
    outfile: 'dist/cli.cjs',
    // The batch pool finds its worker next to the bundle, as it does next to dist/index.js.
    define: { ...common.define, 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
]);
await import('./code-cache.mjs');
