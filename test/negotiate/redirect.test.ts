import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../helpers/run.js';
import { hasTmux, Pane } from '../helpers/tmux.js';

describe('valuepack negotiate with stdout redirected', () => {
  it.skipIf(!hasTmux)('asks on the terminal, writes the summary to the file, and the printed command does what its note says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valuepack-negotiate-'));
    copyFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), join(dir, 'telecom-switching.yaml'));
    const pane = new Pane(`env -u npm_command NO_COLOR=1 '${process.execPath}' '${BIN}' negotiate telecom-switching.yaml > summary.txt`, dir);
    try {
      await pane.waitFor('What does the customer ask for?');
      pane.sendLine('20');
      await pane.waitFor('Which levers will the customer not give up?');
      pane.sendLine('');
      await pane.waitFor('Quit without writing anything');
      pane.sendLine('');
      await pane.waitFor('Write the revised proposal to');
      pane.sendLine('');
      await pane.waitFor('Write the cover letter to');
      pane.sendLine('');
      expect(await pane.waitFor('EXIT=')).toContain('EXIT=0');
    } finally {
      pane.close();
    }
    const summary = readFileSync(join(dir, 'summary.txt'), 'utf8').split('\n');
    expect(summary[0]).toBe('wrote the revised proposal (alternative 1) to telecom-switching.revised.yaml');
    const command = summary[3]!.trim().replace(/^valuepack /, '').split(' ');
    expect(summary[4]).toMatch(/^  # exit 0: met, both files written · 1: no longer met, nothing written · 2: .*a file already there/);
    // Where the files are: exit 2, as the note says; elsewhere: exit 0 and the same files.
    expect(run(command, { cwd: dir }).code).toBe(2);
    const again = mkdtempSync(join(tmpdir(), 'valuepack-negotiate-'));
    copyFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), join(again, 'telecom-switching.yaml'));
    expect(run(command, { cwd: again }).code).toBe(0);
    expect(readFileSync(join(again, 'telecom-switching.revised.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'telecom-switching.revised.yaml'), 'utf8'));
    expect(run([...command, '--force'], { cwd: dir }).code).toBe(0);
  }, 180_000);
});
