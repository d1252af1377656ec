import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../helpers/run.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
/** A tmux server of our own, so that the test never touches the user's sessions. */
const SOCKET = `valuepack-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

/** Everything the pane has shown so far, wrapped lines joined. */
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'vp');

/** Poll until the pane shows `text`; the deadline is generous so that a slow machine passes. */
async function waitFor(text: string, deadline = Date.now() + 60_000): Promise<string> {
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`the terminal never showed "${text}"; it shows:\n${shown}`);
    await sleep(100);
  }
}

const sendLine = (text: string) => {
  if (text !== '') tmux('send-keys', '-t', 'vp', '-l', text);
  tmux('send-keys', '-t', 'vp', 'Enter');
};

describe('valuepack negotiate on a terminal', () => {
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  it.skipIf(!hasTmux)('takes 20% with the defaults to the 3-year support answer and writes both files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valuepack-negotiate-'));
    copyFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), join(dir, 'telecom-switching.yaml'));
    // The pane outlives the program (sleep) so that its last words and exit code can be read.
    const script = `NO_COLOR=1 '${process.execPath}' '${BIN}' negotiate telecom-switching.yaml; echo "EXIT=$?"; sleep 600`;
    tmux('new-session', '-d', '-s', 'vp', '-x', '200', '-y', '50', '-c', dir, script);

    await waitFor('What does the customer ask for?');
    sendLine('20');
    await waitFor('Which levers will the customer not give up?');
    sendLine('');
    const menu = await waitFor('Quit without writing anything');
    expect(menu).toContain('Take alternative 1 — 8,000,000 USD: Free support term → 3 years; Free hardware replacement → Core hardware only');
    sendLine('');
    await waitFor('Write the revised proposal to');
    sendLine('');
    await waitFor('Write the cover letter to');
    sendLine('');
    const end = await waitFor('EXIT=');
    expect(end).toContain('EXIT=0');
    expect(end).toContain('wrote the revised proposal (alternative 1) to telecom-switching.revised.yaml');
    expect(end).toContain('wrote the cover letter to telecom-switching.letter.md');

    const revised = readFileSync(join(dir, 'telecom-switching.revised.yaml'), 'utf8');
    const letter = readFileSync(join(dir, 'telecom-switching.letter.md'), 'utf8');
    expect(revised).toMatch(/current: 3 years/);
    expect(letter).toContain('- **Free support term**: 4 years → 3 years.');

    // The printed command writes the very same files without a session.
    const command = /valuepack (counter .*)/.exec(end)![1]!.trim().split(' ');
    const again = mkdtempSync(join(tmpdir(), 'valuepack-negotiate-'));
    copyFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), join(again, 'telecom-switching.yaml'));
    expect(run(command, { cwd: again }).code).toBe(0);
    expect(readFileSync(join(again, 'telecom-switching.revised.yaml'), 'utf8')).toBe(revised);
    expect(readFileSync(join(again, 'telecom-switching.letter.md'), 'utf8')).toBe(letter);
  }, 180_000);

  it('exits 2 at once when stdin is not a terminal, pointing to counter', () => {
    const r = run(['negotiate', 'fixtures/telecom-switching.yaml']); // stdin is a pipe here
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stderr).toContain('valuepack counter FILE --discount 20%');
    expect(r.stdout).toBe('');
  });
});
