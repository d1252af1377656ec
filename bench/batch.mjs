#!/usr/bin/env node
/**
 * Batch benchmark: N small proposals × a few discounts through the built CLI, reporting
 * throughput (evaluations per second) and the peak RSS of the whole process (workers
 * included: they are threads). Importable by the benchmark suite (`generateProposals`,
 * `measureBatch`), or run directly:
 *
 *   npm run build && node bench/batch.mjs [--files 10000] [--jobs 1,2] [--discounts 10%,15%,20%] [--dir DIR]
 *
 * Files are generated in a temporary directory outside the repository unless --dir is
 * given; it is removed afterwards unless --keep. Peak memory comes from /usr/bin/time
 * (GNU time) when present; otherwise it is reported as null.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BIN = fileURLToPath(new URL('../bin/valuepack.cjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** A small proposal whose amounts vary with `i`, so that the searches differ: 3 items, 4 levers. */
export function proposalText(i) {
  const units = 50 + (i % 37);
  const unitPrice = 3000 + 10 * (i % 101);
  const support = 20_000 + 500 * (i % 13);
  return `proposal: Benchmark deal ${i}
customer: Customer ${i % 997}
currency: USD
policy:
  marginFloor: preserve
  maxDiscount: 30%
  approvals:
    - { upTo: 10%, approver: Account manager }
    - { upTo: 30%, approver: Sales director }
items:
  - { id: units, name: Units, quantity: ${units}, unitPrice: ${unitPrice}, unitCost: ${Math.floor(unitPrice * 0.6)} }
  - id: support
    name: Support
    levers:
      - id: term
        name: Support term
        options:
          - { name: 3 years, cost: ${support}, value: ${Math.floor(support * 1.4)} }
          - { name: 2 years, cost: ${Math.floor(support * 0.66)}, value: ${Math.floor(support * 1.0)} }
          - { name: 1 year, cost: ${Math.floor(support * 0.33)}, value: ${Math.floor(support * 0.55)} }
      - id: response
        name: Response time
        options:
          - { name: 4 hours, cost: ${3000 + (i % 7) * 100}, value: 5000 }
          - { name: next day, cost: 1000, value: 2000 }
  - id: training
    name: Training
    levers:
      - id: days
        name: Training days
        options:
          - { name: 5 days, cost: 6000, value: 8000 }
          - { name: 2 days, cost: 2500, value: 4000 }
          - { name: none, cost: 0, value: 0 }
terms:
  - id: payment
    name: Payment terms
    options:
      - { name: Net 60, cost: 0, value: 0 }
      - { name: Net 30, cost: -${500 + (i % 5) * 100}, value: -400 }
`;
}

/** Write `count` proposals into `dir` (created if need be) as p00000.yaml, p00001.yaml… */
export function generateProposals(dir, count) {
  mkdirSync(dir, { recursive: true });
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `p${String(i).padStart(width, '0')}.yaml`), proposalText(i));
}

/** Run `valuepack batch DIR` once; rows go to a sink and are counted, not kept. */
export function measureBatch({ dir, files, discounts, jobs, format = 'jsonl' }) {
  const args = [BIN, 'batch', dir, '--discount', discounts.join(','), '--jobs', String(jobs), '--format', format];
  const timed = existsSync(GNU_TIME);
  const cmd = timed ? GNU_TIME : process.execPath;
  const argv = timed ? ['-f', 'VP_MAXRSS_KB=%M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`valuepack batch exited ${r.status}: ${r.stderr}`);
  const rows = r.stdout.split('\n').filter((l) => l !== '').length;
  const rss = /VP_MAXRSS_KB=(\d+)/.exec(r.stderr);
  const evaluations = files * discounts.length;
  if (rows !== evaluations) throw new Error(`expected ${evaluations} rows, got ${rows}`);
  return {
    files, discounts: discounts.length, jobs, evaluations, seconds: round(seconds, 2),
    evaluationsPerSecond: Math.round(evaluations / seconds), peakRssMiB: rss ? round(Number(rss[1]) / 1024, 1) : null,
  };
}

const round = (x, digits) => Number(x.toFixed(digits));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '10000' },
      jobs: { type: 'string', default: '1,2' },
      discounts: { type: 'string', default: '10%,15%,20%' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const files = Number(values.files);
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'valuepack-bench-'));
  try {
    generateProposals(dir, files);
    for (const jobs of values.jobs.split(',').map(Number)) {
      console.log(JSON.stringify(measureBatch({ dir, files, discounts: values.discounts.split(','), jobs })));
    }
  } finally {
    if (!values.keep && values.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
