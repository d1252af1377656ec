import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable, printableData } from '../../src/report/printable.js';
import { cli } from '../helpers/io.js';
import { run } from '../helpers/run.js';

/** Control characters in a file reach no terminal: shown as stand-ins for people, exact in JSON and CSV. */
const FILE = 'fixtures/terminal-escapes.yaml';
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/; // a line feed between lines is the output's own

describe('printable', () => {
  it('shows C0 controls and DEL as pictures, C1 controls by code point, and keeps the rest', () => {
    expect(printable('a\u001b[2Jb\u0007\r\n\t\u007f\u009bé年')).toBe('a␛[2Jb␇␍␊␉␡<U+009B>é年');
  });

  it('copies plain data with every string printable, and keeps shared parts shared', () => {
    const shared = { name: 'x\u001b' };
    const out = printableData({ a: shared, b: [shared, 1n, null], c: new Map([['k', '\u001b']]) });
    expect(out.a).toEqual({ name: 'x␛' });
    expect(out.b[0]).toBe(out.a);
    expect(out.b.slice(1)).toEqual([1n, null]);
    expect(out.c.get('k')).toBe('\u001b'); // not plain data: left alone
  });
});

describe('a proposal with terminal escapes', () => {
  it('counter prints them as stand-ins, and writes the letter so too', async () => {
    const letter = join(mkdtempSync(join(tmpdir(), 'vp-esc-')), 'letter.md');
    const r = await cli(['counter', FILE, '--discount', '10%', '--letter', letter]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Deal ␛[2J␛]0;pwned␇ — ␛[31mRed customer');
    expect(r.stdout).toContain('<U+009B>2J');
    expect(readFileSync(letter, 'utf8')).not.toMatch(CONTROL);
  });

  it('counter --json keeps them exact', async () => {
    const r = await cli(['counter', FILE, '--discount', '10%', '--json']);
    expect(JSON.parse(r.stdout).proposal).toBe('Deal \u001b[2J\u001b]0;pwned\u0007');
  });

  it.each(['stylish', 'github'])('check --format %s shows them as stand-ins', async (format) => {
    const r = await cli(['check', FILE, '--discount', '50%', '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROL);
  });

  it('batch shows them in the table, keeps them exact in CSV', async () => {
    const table = await cli(['batch', FILE, '--discount', '10%', '--format', 'table']);
    expect(table.stdout).not.toMatch(CONTROL);
    expect(table.stdout).toContain('␛[31mRed customer');
    const csv = await cli(['batch', FILE, '--discount', '10%', '--format', 'csv']);
    expect(csv.stdout).toContain('\u001b[31mRed customer');
  });

  it('diff shows them as stand-ins', async () => {
    const r = await cli(['diff', 'fixtures/telecom-switching.yaml', FILE]);
    expect(r.stdout).not.toMatch(CONTROL);
  });

  it('a message about a key with escapes reaches stderr as stand-ins', () => {
    const r = run(['counter', '-', '--discount', '10%'], { input: 'proposal: x\ncustomer: y\ncurrency: USD\n"\\e]0;t\\a": 1\nitems: []\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key "␛]0;t␇"');
    expect(r.stderr).not.toMatch(CONTROL);
  });
});
