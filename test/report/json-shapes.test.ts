import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/io.js';

/**
 * The keys, and their order, that docs/json.md, check.md, batch.md and diff.md promise:
 * every object's keys in order, arrays by their first element, as dotted paths.
 */
function shape(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : shape(value[0], `${at}[]`);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return [path, ...shape(v, path)];
  });
}
const TELECOM = 'fixtures/telecom-switching.yaml';
const json = async (args: string[]) => JSON.parse((await cli(args)).stdout) as unknown;

describe('JSON outputs keep their documented keys in their documented order', () => {
  it('counter --json', async () => {
    expect(shape(await json(['counter', TELECOM, '-d', '20%', '--json']))).toEqual([
      'schemaVersion', 'proposal', 'currency',
      'original', 'original.list', 'original.price', 'original.cost', 'original.margin', 'original.marginRatio', 'original.value',
      'request', 'request.discount', 'request.price', 'feasible', 'maxDiscount', 'optimal', 'provenCount',
      'alternatives', 'alternatives[].rank', 'alternatives[].price', 'alternatives[].discount', 'alternatives[].list',
      'alternatives[].listDiscount', 'alternatives[].cost', 'alternatives[].margin', 'alternatives[].marginRatio',
      'alternatives[].value', 'alternatives[].valueLoss', 'alternatives[].approver', 'alternatives[].changes',
      'alternatives[].changes[].lever', 'alternatives[].changes[].from', 'alternatives[].changes[].to',
      'alternatives[].changes[].priceDelta', 'alternatives[].changes[].costDelta', 'alternatives[].changes[].valueDelta',
    ]);
  });

  it('check --format json', async () => {
    expect(shape(await json(['check', 'fixtures/rules/duplicate-id.yaml', '--format', 'json']))).toEqual([
      'schemaVersion', 'files', 'files[].file', 'files[].errorCount', 'files[].warningCount', 'files[].findings',
      'files[].findings[].code', 'files[].findings[].severity', 'files[].findings[].line', 'files[].findings[].col',
      'files[].findings[].message', 'files[].findings[].path', 'files[].findings[].args',
      'files[].findings[].args.kind', 'files[].findings[].args.id', 'files[].findings[].args.scope',
    ]);
  });

  it('check --format json: amounts in minor units, shares as exact num/den strings', async () => {
    const out = await json(['check', 'fixtures/rules/margin-floor-broken.yaml', '--format', 'json']) as
      { files: { findings: { args: unknown }[] }[] };
    expect(shape(out.files[0]!.findings[0]!.args)).toEqual([
      'margin', 'margin.units', 'margin.digits', 'margin.currency', 'ratio', 'ratio.num', 'ratio.den', 'floor', 'floor.num', 'floor.den',
    ]);
    expect(out.files[0]!.findings[0]!.args).toEqual({
      margin: { units: 30000, digits: 2, currency: 'USD' }, ratio: { num: '30000', den: '100000' }, floor: { num: '40', den: '100' },
    });
    const absorbed = await json(['check', TELECOM, '--discount', '35%', '--format', 'json']) as typeof out;
    expect(absorbed.files[0]!.findings[0]!.args).toEqual({ discount: { num: '35', den: '100' }, max: { num: '3000', den: '10000' } });
  });

  it('batch --format jsonl', async () => {
    const line = (await cli(['batch', TELECOM, '-d', '20%', '--format', 'jsonl'])).stdout.split('\n')[0]!;
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['schemaVersion', 'file', 'proposal', 'customer', 'currency',
      'discount', 'feasible', 'optimal', 'price', 'list', 'listDiscount', 'margin', 'marginRatio', 'valueLoss', 'changeCount',
      'changes', 'approver', 'maxDiscount', 'error']);
  });

  it('diff --json', async () => {
    const top = Object.keys(await json(['diff', TELECOM, 'fixtures/diff/telecom-buyer.yaml', '--json']) as object);
    expect(top).toEqual(['schemaVersion', 'currency', 'same', 'costed', 'old', 'new', 'summary', 'items', 'levers', 'terms']);
  });
});
