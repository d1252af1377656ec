import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/table.js';
import { cli } from '../helpers/io.js';
import { hasTmux, runInTerminal } from '../helpers/tmux.js';

const COUNTER = ['counter', 'fixtures/telecom-switching.yaml', '-d', '20%'];
const DIFF = ['diff', 'fixtures/diff/branch-v1.yaml', 'fixtures/diff/branch-v2.yaml'];
const BATCH = ['batch', 'fixtures/batch', 'fixtures/telecom-switching.yaml', '-d', '10%,20%', '--format', 'table'];
const LADDER = ['ladder', 'fixtures/telecom-switching.yaml', '--to', '20%'];
const CURVE = ['curve', 'fixtures/telecom-switching.yaml'];
const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│├└]/.test(l));

describe('tables fit the terminal', () => {
  it.each([['counter', COUNTER], ['diff', DIFF], ['batch', BATCH], ['ladder', LADDER], ['curve', CURVE]])('%s at COLUMNS=80 prints no line wider than 80', async (_, args) => {
    const r = await cli(args, { env: { COLUMNS: '80' } });
    expect(r.stderr).not.toMatch(/usage|internal/);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/Free hardware|Access switches|telecom-switching|Step|Value lost/);
  });

  it('counter and diff draw no rule between single-line rows', async () => {
    const r = await cli(['diff', 'fixtures/diff/branch-v1.yaml', 'fixtures/diff/branch-v2.yaml']);
    const terms = r.stdout.slice(r.stdout.indexOf('Terms'));
    expect(tableLines(terms.slice(0, terms.indexOf('└') + 1)).filter((l) => l.startsWith('├'))).toHaveLength(1);
  });

  it('piped without COLUMNS, the table keeps its natural width', async () => {
    const r = await cli(COUNTER);
    expect(r.stdout).toMatch(/│ Free hardware replacement \(support\.hardware\) │ All hardware including peripherals │/);
  });

  it('wraps the batch table into stacked rows on a narrow screen', async () => {
    const r = await cli(BATCH, { env: { COLUMNS: '80' } });
    expect(r.stdout).toMatch(/^Discount\s+20%$/m);
    expect(r.stdout).toMatch(/^\s+error: 6:43: YAML syntax error/m);
  });

  it.skipIf(!hasTmux)('on a real 80-column terminal, counter fits it', () => {
    const shown = runInTerminal(COUNTER, 80);
    expect(shown).toContain('[exit 0]');
    expect(shown).toMatch(/│ \(support\.hardware\)/);
    expect(widest(shown)).toBeLessThanOrEqual(80);
  });
});
