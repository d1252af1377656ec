import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run.js';

const DIR = mkdtempSync(join(tmpdir(), 'valuepack-signals-'));
const BIG = join(DIR, 'big.yaml');

/** A proposal large enough that its answer overflows a pipe and takes a moment to write. */
function bigProposal(levers: number): string {
  const lines = ['proposal: Big', 'customer: Test', 'currency: USD', 'policy: { marginFloor: "20%" }', 'items:',
    '  - { id: base, name: Base, price: 90000000, cost: 10000000 }'];
  for (let i = 0; i < levers; i++) {
    const c = 1000 + ((i * 7919) % 5000);
    lines.push(`  - id: i${i}`, `    name: Item ${i}`, '    levers:', `      - id: l`, `        name: Lever ${i}`, '        options:',
      `          - { name: full, cost: ${c * 3}, value: ${c * 4} }`, `          - { name: half, cost: ${c}, value: ${c * 2} }`,
      '          - { name: none, cost: 0, value: 0 }');
  }
  return lines.join('\n') + '\n';
}

beforeAll(() => writeFileSync(BIG, bigProposal(3000)));

describe('output that loses nothing', () => {
  it('ends quietly with exit 0 when piped into head', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" counter "${BIG}" --discount 15% --json | head -c 100 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout.trim()).toBe('rc=0');
    expect(r.stderr).toBe('');
  });

  it('leaves either the whole file or none, and no temporary file, when interrupted', async () => {
    for (const delay of [0, 50, 150, 300, 600, 1200]) {
      const out = join(DIR, `revised-${delay}.yaml`);
      const child = spawn(process.execPath, [BIN, 'counter', BIG, '--discount', '15%', '--out', out], { stdio: 'ignore' });
      // Listen from the start: a fast run may end before the signal is sent.
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : null))));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGINT');
      const code = await exited;
      expect([0, 130]).toContain(code);
      if (existsSync(out)) expect(readFileSync(out, 'utf8')).toContain('valuepack: ');
      expect(readdirSync(DIR).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });
});
