import { describe, expect, it } from 'vitest';
import { batchCommand, type Terminal } from '../../src/commands/batch.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/api/files.js';
import type { Output } from '../../src/commands/output.js';
import { capture as captureIo } from '../helpers/io.js';

const GLOBAL = { color: false, maxFileSize: DEFAULT_MAX_FILE_BYTES };
// Relative, as a user would type them: the table must not depend on where the checkout lies.
const FILES = ['fixtures/batch/a-hosting.yaml', 'fixtures/telecom-switching.yaml'];

function capture() {
  const data: string[] = [];
  const progress: string[] = [];
  const out: Output = { data: (t) => void data.push(t), info: () => {}, warn: () => {}, io: captureIo().io };
  const terminal = (stdout: boolean, stderr: boolean): Terminal => ({
    ...(stdout ? { stdout: { columns: 160 } } : {}),
    ...(stderr ? { stderr: { columns: 80, write: (t: string) => void progress.push(t) } } : {}),
  });
  return { data, progress, out, terminal };
}

describe('batchCommand on a terminal', () => {
  it('defaults to the table on a terminal and draws progress on stderr, cleared at the end', async () => {
    const c = capture();
    const code = await batchCommand(FILES, { discount: ['10%', '20%'], jobs: '1' }, GLOBAL, c.out, c.terminal(true, true));
    expect(code).toBe(0);
    expect(c.data.join('')).toMatch(/^┌/);
    expect(c.progress.some((t) => t.includes('2/2 files  100%'))).toBe(true);
    expect(c.progress.at(-1)).toBe('\r\x1b[K');
  });

  it('defaults to CSV when stdout is not a terminal, and draws nothing when stderr is not one', async () => {
    const c = capture();
    const code = await batchCommand(FILES, { discount: ['10%,20%'], jobs: '1' }, GLOBAL, c.out, c.terminal(false, false));
    expect(code).toBe(0);
    expect(c.data.join('')).toMatch(/^file,proposal,customer,/);
    expect(c.data.join('').split('\r\n')).toHaveLength(1 + 4 + 1);
    expect(c.progress).toEqual([]);
  });

  it('keeps the progress line off streamed rows when both streams are the terminal', async () => {
    const c = capture();
    await batchCommand(FILES, { discount: ['10%'], format: 'jsonl', jobs: '1' }, GLOBAL, c.out, c.terminal(true, true));
    expect(c.data).toHaveLength(2);
    expect(c.progress.filter((t) => t === '\r\x1b[K')).toHaveLength(2); // hidden before the second row and at the end
  });
});
