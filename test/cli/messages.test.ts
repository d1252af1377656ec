import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';
import { ROOT } from '../helpers/run.js';

const TELECOM = readFileSync(join(ROOT, 'fixtures/telecom-switching.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'valuepack-messages-'));
/** The telecom example with one edit, checked: its findings as "line:col message code". */
async function checkEdited(from: string, to: string): Promise<string[]> {
  expect(TELECOM).toContain(from);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, TELECOM.replace(from, to));
  const r = await cli(['check', file, '-f', 'json']);
  expect(r.code).toBe(1);
  return JSON.parse(r.stdout).files[0].findings.map((f: { line: number; col: number; message: string; code: string }) => `${f.line}:${f.col} ${f.message} ${f.code}`);
}

describe('one message per problem', () => {
  it('reports a tab once, where it is, not as a cascade of follow-on errors', async () => {
    expect(await checkEdited('    quantity: 40\n', '\tquantity: 40\n')).toEqual(['21:1 YAML syntax error: Tabs are not allowed as indentation yaml-syntax']);
  });

  it('points an unclosed { at the end of its own line', async () => {
    const line = '          - { name: 4 years, cost: 2400000, value: 3000000 }';
    expect(await checkEdited(line, line.slice(0, -2))).toEqual([`58:${line.length - 1} YAML syntax error: this { is never closed: end the line with } yaml-syntax`]);
  });

  it('points a line indented too deep at that line', async () => {
    expect(await checkEdited('    name: Digital switching units\n', '     name: Digital switching units\n'))
      .toEqual(['20:6 YAML syntax error: this line is indented deeper than the keys above it; align it with them yaml-syntax']);
  });

  it('says what a line without a colon should be', async () => {
    expect(await checkEdited('    unitCost: 38000\n', '    unitCost 38000\n'))
      .toEqual(['23:5 YAML syntax error: "unitCost 38000" is not key: value (a colon and a space after the key) yaml-syntax']);
  });

  it('hints to quote a name with a comma in a flow map', async () => {
    expect(await checkEdited('{ name: 10 days,', '{ name: Business hours, next day,')).toEqual([
      '49:37 unknown key "next day"; if it is part of the name, quote the name: name: "Business hours, next day" unknown-key']);
  });

  it('speaks the format: percentages as strings, numbers as numbers, missing keys as missing-key', async () => {
    expect(await checkEdited('maxDiscount: 30%', 'maxDiscount: 0.3')).toEqual(['10:16 maxDiscount is a percentage, written as a string: "30%", not 0.3 schema']);
    expect(await checkEdited('upTo: 10%', 'upTo: 0.125')).toEqual(['12:13 upTo is a percentage, written as a string: "12.5%", not 0.125 schema']);
    expect(await checkEdited('quantity: 40', 'quantity: 40 seats')).toEqual(['21:15 quantity takes a number: write 40, not "40 seats" schema']);
    expect((await checkEdited('currency: USD\n', ''))[0]).toMatch(/ missing required key "currency" missing-key$/);
  });

  it('formats money in messages with the currency', async () => {
    const [finding] = await checkEdited('    unitPrice: 160000\n', '');
    expect(finding).toContain('it costs 7,500,000 USD to deliver and is priced at 3,600,000 USD');
  });
});
