import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { parseCsv } from './csv.js';

const GOOD = ['fixtures/batch/a-hosting.yaml', 'fixtures/batch/d-tight-policy.yaml', 'fixtures/telecom-switching.yaml'];
const MIXED = ['fixtures/batch', 'fixtures/telecom-switching.yaml', 'fixtures/batch/no-such-file.yaml'];
const DISCOUNTS = ['10%', '15%', '20%'];
const batch = async (files: readonly string[], ...rest: string[]) => await cli(['batch', ...files, '--discount', DISCOUNTS.join(','), ...rest]);
const jsonl = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('valuepack batch over good and broken files', () => {
  it('reports every file, broken ones as error rows naming file and reason, and exits 2', async () => {
    const r = (await batch(MIXED, '--format', 'jsonl'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const rows = jsonl(r.stdout);
    expect(rows.map((x) => `${x.file} ${x.discount ?? 'error'}`)).toEqual([
      'fixtures/batch/a-hosting.yaml 0.1', 'fixtures/batch/a-hosting.yaml 0.15', 'fixtures/batch/a-hosting.yaml 0.2',
      'fixtures/batch/b-syntax-error.yaml error',
      'fixtures/batch/c-unknown-key.yaml error',
      'fixtures/batch/d-tight-policy.yaml 0.1', 'fixtures/batch/d-tight-policy.yaml 0.15', 'fixtures/batch/d-tight-policy.yaml 0.2',
      'fixtures/batch/e-duplicate-id.yaml error',
      'fixtures/telecom-switching.yaml 0.1', 'fixtures/telecom-switching.yaml 0.15', 'fixtures/telecom-switching.yaml 0.2',
      'fixtures/batch/no-such-file.yaml error',
    ]);
    const errors = rows.filter((x) => x.error !== null).map((x) => x.error);
    expect(errors).toEqual([
      expect.stringMatching(/^fixtures\/batch\/b-syntax-error\.yaml:6:43: YAML syntax error/),
      expect.stringMatching(/^fixtures\/batch\/c-unknown-key\.yaml:6:\d+: missing required key "id" \(and 1 more/),
      expect.stringMatching(/^fixtures\/batch\/e-duplicate-id\.yaml:7:\d+: item id "kit" is used twice/),
      'fixtures/batch/no-such-file.yaml: cannot read the file: no such file',
    ]);
  });

  it('exits 0 when every file could be evaluated, infeasible discounts included', async () => {
    const r = (await batch(GOOD, '--format', 'jsonl'));
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    expect(rows).toHaveLength(9);
    expect(rows.filter((x) => x.feasible === false).map((x) => `${x.file} ${x.discount}`)).toEqual([
      'fixtures/batch/a-hosting.yaml 0.2', 'fixtures/batch/d-tight-policy.yaml 0.15', 'fixtures/batch/d-tight-policy.yaml 0.2',
    ]);
  });

  it('gives each row what counter gives for the same file and discount (alternative 1)', async () => {
    const rows = jsonl((await batch(GOOD, '--format', 'jsonl')).stdout);
    for (const row of rows) {
      const c = await cli(['counter', String(row.file), '--discount', `${Number(row.discount) * 100}%`, '--json']);
      const json = JSON.parse(c.stdout);
      expect(c.code).toBe(row.feasible ? 0 : 1);
      const best = json.alternatives[0];
      expect(row).toMatchObject({
        proposal: json.proposal, currency: json.currency, feasible: json.feasible, optimal: json.optimal,
        maxDiscount: json.maxDiscount,
        price: best?.price ?? null, margin: best?.margin ?? null, marginRatio: best?.marginRatio ?? null,
        valueLoss: best?.valueLoss ?? null, approver: best ? best.approver : null,
        changeCount: best ? best.changes.length : null,
        changes: best ? best.changes.map((ch: { lever: string; from: string; to: string }) => ({ lever: ch.lever, from: ch.from, to: ch.to })) : null,
      });
    }
  });

  it('refuses the files counter refuses', async () => {
    for (const file of ['fixtures/batch/c-unknown-key.yaml', 'fixtures/batch/e-duplicate-id.yaml']) {
      expect((await cli(['counter', file, '--discount', '10%'])).code).toBe(2);
      expect((await batch([file], '--format', 'jsonl')).code).toBe(2);
    }
  });

  it('takes the discounts repeated as well as comma-separated, in the order given', async () => {
    const r = await cli(['batch', ...GOOD, '-d', '10%', '--discount', '15%, 20%', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await batch(GOOD, '--format', 'jsonl')).stdout);
  });

  it('prints byte-identical output with --jobs 1 and --jobs 2, in every format', async () => {
    for (const format of ['csv', 'json', 'jsonl', 'table']) {
      const one = (await batch(MIXED, '--format', format, '--jobs', '1'));
      const two = (await batch(MIXED, '--format', format, '--jobs', '2'));
      expect(one.code).toBe(2);
      expect(two.code).toBe(2);
      expect(two.stdout).toBe(one.stdout);
    }
  });
});

describe('valuepack batch formats', () => {
  let versioned: Record<string, unknown>[] = [];
  let records: Record<string, unknown>[] = [];
  beforeAll(async () => {
    versioned = jsonl((await batch(MIXED, '--format', 'jsonl')).stdout);
    records = versioned.map(({ schemaVersion: _v, ...record }) => record);
  });

  it('marks every jsonl record with the schema version', async () => {
    expect(versioned.every((r) => r.schemaVersion === 2)).toBe(true);
  });

  it('writes CSV when stdout is not a terminal: RFC 4180, CRLF, a header, the same records', async () => {
    const r = (await batch(MIXED));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('\r\n');
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/\n/); // every line break ends a record
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(Object.keys(records[0]!));
    expect(rows).toHaveLength(records.length);
    rows.forEach((fields, i) => {
      const rec = records[i]!;
      const expected = Object.entries(rec).map(([k, v]) =>
        v === null ? '' : k === 'changes' ? (v as { lever: string; from: string; to: string }[]).map((c) => `${c.lever}: ${c.from}→${c.to}`).join('; ') : String(v));
      expect(fields).toEqual(expected);
    });
  });

  it('quotes fields holding commas and quotes, doubling the quotes', async () => {
    const line = (await batch(['fixtures/batch/a-hosting.yaml'])).stdout.split('\r\n')[1]!;
    expect(line.startsWith('fixtures/batch/a-hosting.yaml,"Managed hosting, ""gold"" tier","Acme Widgets, Inc.",EUR,0.1,true,true,')).toBe(true);
  });

  it('writes JSON as one array of the jsonl records', async () => {
    const r = (await batch(MIXED, '--format', 'json'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 2, rows: records });
  });

  it('writes a table for people with every file and error in it', async () => {
    const r = (await batch(MIXED, '--format', 'table'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/File \/ proposal\s+│ Discount │ Feasible │/);
    expect(r.stdout).toMatch(/fixtures\/telecom-switching\.yaml\s+│\s+10% │ yes\s+│ 9,000,000 │/);
    expect(r.stdout).toMatch(/│\s+20% │ yes\s+│ 8,000,000 │ 2,000,000 │\s+25% │\s+1,100,000 │ 2 │ support\.term: 4 years→3 years/);
    expect(r.stdout).toMatch(/fixtures\/batch\/no-such-file\.yaml\s+│ error: cannot read the file: no such file/);
    expect(r.stdout).toMatch(/│ error: 6:43: YAML syntax error/);
  });
});

describe('valuepack batch usage errors (exit 2, nothing on stdout)', () => {
  const cases: [string, string[], RegExp][] = [
    ['no discount', ['batch', 'fixtures/batch'], /give the discounts/],
    ['a discount that is not a percentage', ['batch', 'fixtures/batch', '-d', '10%,lots'], /--discount takes a percentage/],
    ['an unknown format', ['batch', 'fixtures/batch', '-d', '10%', '--format', 'xml'], /--format takes table, csv, json, jsonl/],
    ['no jobs', ['batch', 'fixtures/batch', '-d', '10%', '--jobs', '0'], /--jobs takes a whole number/],
    ['a pattern that matches nothing', ['batch', 'fixtures/batch', 'fixtures/nothing-*.yaml', '-d', '10%'], /fixtures\/nothing-\*\.yaml: no \.yaml or \.yml files match/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
