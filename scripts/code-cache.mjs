/**
 * The V8 code cache of dist/cli.cjs, made after running the commands people run most on
 * the bundled fixtures, so that it holds the functions they compile and not only the
 * bundle's top level. Written atomically, behind the stamp
 * bin/valuepack.cjs checks before it offers the cache to V8.
 */
import { createRequire } from 'node:module';
import { renameSync, writeFileSync } from 'node:fs';

const { loadCli, stamp, CACHE } = createRequire(import.meta.url)('../bin/valuepack.cjs');
const TELECOM = 'fixtures/telecom-switching.yaml';
const RUNS = [
  ['counter', TELECOM, '--discount', '20%'],
  ['counter', TELECOM, '--discount', '20%', '--json'],
];

const { cli, script } = loadCli(undefined);
const sink = { write: () => true };
for (const argv of RUNS) {
  const code = await cli.main(argv, { stdout: sink, stderr: sink, env: { ...process.env, NO_COLOR: '1' } });
  if (code !== 0) throw new Error(`code cache: valuepack ${argv.join(' ')} exited ${code}`);
}
writeFileSync(`${CACHE}.tmp`, Buffer.concat([stamp(), script.createCachedData()]));
renameSync(`${CACHE}.tmp`, CACHE);
