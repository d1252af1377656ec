import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';

const DIR = join(ROOT, 'fixtures/hostile');

/** Where each hostile file must be refused, and what the message says. */
const EXPECTED: Record<string, [string, string]> = {
  'alias-bomb.yaml': ['4:10', 'too many aliases'],
  'binary.yaml': ['1:1', 'binary'],
  'custom-tag.yaml': ['6:23', 'unsupported YAML tag'],
  'deep-block.yaml': ['52:53', 'nesting deeper than 100 levels'],
  'deep-dash.yaml': ['5:99', 'nesting deeper than 100 levels'],
  'deep-flow.yaml': ['4:104', 'nesting deeper than 100 levels'],
  'directory.yaml': ['1:1', 'is a directory'],
  'duplicate-key.yaml': ['6:1', 'duplicate key'],
  'empty.yaml': ['1:1', 'the file is empty'],
  'latin1.yaml': ['1:1', 'not UTF-8'],
  'multiple-documents.yaml': ['6:1', 'several YAML documents'],
  'negative-quantity.yaml': ['5:33', 'must not be negative'],
  'non-string-key.yaml': ['1:1', 'keys must be strings'],
  'not-a-mapping.yaml': ['1:1', 'expected object'],
  'not-finite.yaml': ['5:30', '.inf is not a finite number'],
  'proto-keys.yaml': ['4:1', 'unknown key "__proto__"'],
  'syntax-error.yaml': ['5:33', 'YAML syntax error: this { is never closed'],
  'too-many-decimals.yaml': ['5:30', 'more decimals than USD allows'],
  'unsafe-integer.yaml': ['5:30', 'cannot be represented exactly'],
  'whitespace-only.yaml': ['1:1', 'the file is empty'],
};

describe('the hostile corpus', () => {
  it('has an expectation for every file', async () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('counter refuses %s with its position, exit 2, no stack trace', async (name, [pos, text]) => {
    const file = join('fixtures/hostile', name);
    const r = await cli(['counter', file, '--discount', '10%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${pos}: `);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.stdout).toBe('');
  });

  it('check reports every file of the corpus and exits 1, never crashing', async () => {
    const r = await cli(['check', 'fixtures/hostile', '--format', 'json']);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: { file: string; errorCount: number }[] }).files;
    expect(files.map((f) => f.file.replace('fixtures/hostile/', '')).sort())
      .toEqual(Object.keys(EXPECTED).filter((f) => f !== 'directory.yaml').sort()); // a directory is not a file below it
    for (const f of files) expect(f.errorCount, f.file).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('batch turns every file into an error row and exits 2', async () => {
    const r = await cli(['batch', 'fixtures/hostile', '--discount', '10%', '--format', 'jsonl']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; error: string | null });
    expect(rows).toHaveLength(Object.keys(EXPECTED).length - 1);
    for (const row of rows) expect(row.error).toContain(row.file);
  });

  it.each(Object.keys(EXPECTED))('diff refuses %s against a good offer with exit 2', async (name) => {
    const r = await cli(['diff', join('fixtures/hostile', name), 'fixtures/telecom-switching.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join('fixtures/hostile', name));
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const r = await cli(['--max-file-size', '100', 'counter', 'fixtures/telecom-switching.yaml', '--discount', '10%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/telecom-switching\.yaml:1:1: the file is \d+ bytes, over the limit of 100 bytes/);
  });
});
