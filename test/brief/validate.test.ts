import { readdirSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { expect, test } from 'vitest';
import { deal, opts } from '../helpers/builders.js';
import { briefHtml, telecomDeal } from './render.js';

/** The page is valid HTML by html-validate's recommended rules, whatever the file holds. */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function problems(page: string): Promise<string[]> {
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

test('the telecom brief is valid HTML', async () => {
  expect(await problems(briefHtml(telecomDeal()))).toEqual([]);
  expect(await problems(briefHtml(telecomDeal(), '40%'))).toEqual([]);
  expect(await problems(briefHtml(telecomDeal(), '20%', true))).toEqual([]);
});

test('a brief of hostile names and of a deal with no room at all is valid HTML', async () => {
  const base = deal({
    items: [{ id: 'kit', price: 100_000, cost: 90_000, levers: [{ id: 'care', options: opts([5_000, 6_000], [4_000, 5_000]) }] }],
    floor: '10%',
  });
  const name = `<b>"Kit" & 'care'</b>`;
  const hostile = { ...base, title: name, customer: name, levers: base.levers.map((l) => ({ ...l, name })) };
  expect(await problems(briefHtml(hostile, '50%'))).toEqual([]);
});

test('every fixture, asked for little, much and everything, gives valid HTML', async () => {
  for (const name of readdirSync('fixtures').filter((f) => f.endsWith('.yaml'))) {
    const loaded = loadProposal(`fixtures/${name}`);
    if (!isUsable(loaded)) throw new Error(`${name} must load`);
    for (const d of ['5%', '35%', '100%']) expect(await problems(briefHtml(loaded.deal, d, true)), `${name} at ${d}`).toEqual([]);
  }
});
