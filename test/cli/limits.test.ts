import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS_FILE_BYTES, MAX_TOKENS } from '../../src/proposal/bounds.js';
import { cli } from '../helpers/io.js';

// A proposal past the token limit (4,000 levers of 10 options: ~560,000 tokens in 2 MB)
// is refused under the default --max-file-size, and read under a larger one.
const dir = mkdtempSync(join(tmpdir(), 'valuepack-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wide(levers: number): string {
  const lines = ['proposal: Wide', 'customer: C', 'currency: USD', 'policy:', '  marginFloor: 10%', '  maxDiscount: 30%', 'items:',
    '  - id: all', '    name: All', `    price: ${levers * 1_000}`, '    levers:'];
  for (let j = 0; j < levers; j++) {
    lines.push(`      - id: l${j}`, `        name: L${j}`, '        options:');
    for (let o = 0; o < 10; o++) lines.push(`          - { name: o${o}, cost: ${100 - o}, value: ${120 - 2 * o} }`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the YAML limits follow --max-file-size', () => {
  const file = join(dir, 'wide.yaml');
  writeFileSync(file, wide(4_000));

  it('refuses past the token limit under the default, saying what raises it', async () => {
    const r = await cli(['counter', file, '--discount', '0%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`more than ${MAX_TOKENS} YAML tokens`);
    expect(r.stderr).toContain('--max-file-size');
  });

  it('reads the same file under a larger --max-file-size', async () => {
    const r = await cli(['--max-file-size', String(2 * LIMITS_FILE_BYTES), 'counter', file, '--discount', '0%', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ feasible: true });
  });
});
