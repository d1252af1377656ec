import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';

const DUP = 'fixtures/rules/duplicate-id.yaml';
const WARN = 'fixtures/rules/single-option.yaml';
const TELECOM = 'fixtures/telecom-switching.yaml';

describe('check --format stylish (the default)', () => {
  it('groups by file in aligned columns, with a summary, and exits 1 on errors', async () => {
    const r = await cli(['check', DUP, WARN, TELECOM]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      DUP,
      '  16:9  error    item id "box" is used twice in items; ids must be unique among siblings  duplicate-id',
      '',
      WARN,
      '  13:9  warning  lever box.care has only one option, so it can never change  single-option',
      '',
      '✖ 2 problems (1 error, 1 warning) in 2 of 3 files',
      '',
    ].join('\n'));
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('is coloured only when colour is on', async () => {
    expect((await cli(['check', DUP], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect((await cli(['--no-color', 'check', DUP], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
  it('passes clean files with exit 0', async () => {
    const r = await cli(['check', TELECOM, '--discount', '20%']);
    expect([r.code, r.stdout]).toEqual([0, '✔ 1 file checked, no problems\n']);
  });
});

describe('check --format json', () => {
  it('prints the documented array, clean files included', async () => {
    const r = await cli(['check', '--format', 'json', DUP, TELECOM]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 2,
      files: [
        {
          file: DUP, errorCount: 1, warningCount: 0,
          findings: [{
            code: 'duplicate-id', severity: 'error', line: 16, col: 9, path: ['items', 1, 'id'],
            message: 'item id "box" is used twice in items; ids must be unique among siblings',
            args: { kind: 'item', id: 'box', scope: 'items' },
          }],
        },
        { file: TELECOM, errorCount: 0, warningCount: 0, findings: [] },
      ],
    });
  });
});

describe('check --format junit', () => {
  it('has one testsuite per file and one testcase per rule, failing only on errors', async () => {
    const r = await cli(['check', '-f', 'junit', DUP, WARN, 'fixtures/rules/yaml-syntax.yaml']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="valuepack check"')).toBe(true);
    expect(out.match(/<testsuite /g)).toHaveLength(3);
    expect(out).toContain(`<testsuite name="${DUP}" tests="14" failures="1" errors="0" skipped="0">`);
    expect(out).toContain(`<testcase classname="${DUP}" name="duplicate-id">\n      <failure type="error" ` +
      'message="item id &quot;box&quot; is used twice in items; ids must be unique among siblings">');
    expect(out).toContain(`<testcase classname="${DUP}" name="dominated-option"/>`);
    // Warnings are reported but fail no test.
    expect(out).toContain(`<testsuite name="${WARN}" tests="14" failures="0"`);
    expect(out).toContain('<system-out>fixtures/rules/single-option.yaml:13:9: warning: lever box.care has only one option');
    // A file that cannot be parsed shows only what stopped it.
    expect(out).toContain('<testsuite name="fixtures/rules/yaml-syntax.yaml" tests="1" failures="1"');
    expect(out.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('check --format github', () => {
  it('prints one annotation per finding and a summary line', async () => {
    const r = await cli(['check', '--format', 'github', DUP, WARN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `::error file=${DUP},line=16,col=9,title=valuepack duplicate-id::item id "box" is used twice in items; ids must be unique among siblings`,
      `::warning file=${WARN},line=13,col=9,title=valuepack single-option::lever box.care has only one option, so it can never change`,
      '2 problems (1 error, 1 warning) in 2 of 2 files',
      '',
    ].join('\n'));
  });
  it('escapes % in messages, and also : and , in properties; control characters show as pictures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-gh-'));
    const file = join(dir, 'odd,name:50%.yaml');
    writeFileSync(file, 'proposal: T\ncustomer: C\ncurrency: USD\n"x\\r\\ny%": 1\nitems:\n  - { id: a, name: A, price: 1 }\n');
    const r = await cli(['check', '--format', 'github', file, 'fixtures/rules/max-discount-beyond-approvals.yaml']);
    expect(r.code).toBe(1);
    const escapedFile = file.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      `::error file=${escapedFile},line=4,col=1,title=valuepack unknown-key::unknown key "x␍␊y%25"`,
      '::error file=fixtures/rules/max-discount-beyond-approvals.yaml,line=6,col=16,title=valuepack max-discount-beyond-approvals::' +
        'maxDiscount 30%25 is beyond the highest approval band (20%25): nobody could sign it off',
    ]);
    expect(escapedFile).toContain('odd%2Cname%3A50%25.yaml');
    // stylish keeps each finding on one line and shows control characters as pictures
    expect((await cli(['check', file])).stdout).toContain('  4:1  error    unknown key "x␍␊y%"  unknown-key\n');
  });
});
