import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { negotiateCommand } from '../../src/commands/negotiate.js';
import { UsageError } from '../../src/api/errors.js';
import type { Output } from '../../src/commands/output.js';
import { capture as captureIo } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';
import { ScriptedPrompter, type Step } from './fake-prompter.js';

const GLOBAL = { color: false, maxFileSize: 1 << 20 };

/** A temporary directory holding a copy of the telecom example, named relative to the working directory. */
function deal() {
  const dir = mkdtempSync(join(tmpdir(), 'valuepack-negotiate-'));
  copyFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), join(dir, 'telecom-switching.yaml'));
  return { dir, file: relative(process.cwd(), join(dir, 'telecom-switching.yaml')) };
}

function capture() {
  const out = { data: '', info: '' };
  const output: Output = {
    data: (t) => void (out.data += t), info: (t) => void (out.info += t), warn: (t) => void (out.info += t), io: captureIo().io,
  };
  return { out, output };
}

const steps = (...s: Step[]) => new ScriptedPrompter(s);

describe('valuepack negotiate (command)', () => {
  it('refuses at once off a terminal, or with --no-input, pointing to counter', async () => {
    const { output } = capture();
    for (const [opts, terminal] of [[{}, false], [{ input: false }, true]] as const) {
      const run = negotiateCommand(undefined, opts, GLOBAL, output, { prompter: steps(), terminal });
      await expect(run).rejects.toThrow(UsageError);
      await expect(run).rejects.toThrow(/valuepack counter FILE --discount 20%/);
    }
  });

  it('writes both files next to the input and prints them with the reproducing command', async () => {
    const { dir, file } = deal();
    const { out, output } = capture();
    // The input given by another name is still recognised, by device and inode.
    const prompter = steps({ type: '20' }, 'enter', 'enter', { type: join(dir, 'telecom-switching.yaml') }, 'enter', 'enter');
    const code = await negotiateCommand(file, {}, GLOBAL, output, { prompter, terminal: true });
    expect(code).toBe(0);
    expect(prompter.reasons).toEqual(['that is the proposal being read: valuepack never writes over its input']);
    expect(readdirSync(dir).sort()).toEqual(['telecom-switching.letter.md', 'telecom-switching.revised.yaml', 'telecom-switching.yaml']);
    expect(readFileSync(join(dir, 'telecom-switching.revised.yaml'), 'utf8')).toContain('current: 3 years');
    const stem = file.replace(/\.yaml$/, '');
    expect(out.data).toBe(
      `wrote the revised proposal (alternative 1) to ${stem}.revised.yaml\n` +
      `wrote the cover letter to ${stem}.letter.md\n` +
      'the same result without questions:\n' +
      `  valuepack counter ${file} --discount 20% --out ${stem}.revised.yaml --letter ${stem}.letter.md --pick 1\n`);
  });

  it('replaces an existing file only once confirmed', async () => {
    const { dir, file } = deal();
    const letter = join(dir, 'telecom-switching.letter.md');
    writeFileSync(letter, 'old letter\n');
    const { output } = capture();
    await negotiateCommand(file, {}, GLOBAL, output,
      { prompter: steps({ type: '20' }, 'enter', 'enter', 'enter', 'enter', { confirm: true }), terminal: true });
    expect(readFileSync(letter, 'utf8')).toContain('our answer to your request');
  });

  it('exits 130 on Ctrl-C, even at the last question, with nothing written', async () => {
    const { dir, file } = deal();
    const { out, output } = capture();
    const code = await negotiateCommand(file, {}, GLOBAL, output,
      { prompter: steps({ type: '20' }, 'enter', 'enter', 'enter', 'ctrl-c'), terminal: true });
    expect(code).toBe(130);
    expect(readdirSync(dir)).toEqual(['telecom-switching.yaml']);
    expect(out).toEqual({ data: '', info: 'interrupted: nothing written' });
  });

  it('offers the proposal files of the directory when no FILE is given, and quits with exit 0', async () => {
    const { dir } = deal();
    writeFileSync(join(dir, 'notes.txt'), 'not a proposal\n');
    const prompter = steps('enter', { type: '20' }, 'enter', { pick: 'Quit' });
    const { out, output } = capture();
    expect(await negotiateCommand(undefined, {}, GLOBAL, output, { prompter, terminal: true, cwd: dir })).toBe(0);
    expect(prompter.asked[0]!.choices!.map((c) => c.name)).toEqual([relative(process.cwd(), join(dir, 'telecom-switching.yaml'))]);
    expect(out.data).toBe('');
  });
});
