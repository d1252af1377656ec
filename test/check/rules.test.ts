import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/api/check.js';
import { compareRatio, ratio } from '../../src/engine/ratio.js';
import { parsePercent } from '../../src/proposal/decimal.js';
import { messageFor } from '../../src/proposal/messages.js';
import { ruleFindings } from '../../src/proposal/rules.js';
import { loadProposalText } from '../../src/proposal/load.js';
import { ROOT } from '../helpers/run.js';

const check = (file: string, discounts: readonly string[] = []) =>
  checkFile(`${ROOT}${file}`, discounts.map((d) => parsePercent(d)!), 1_000_000);
const located = (file: string, discounts: readonly string[] = []) =>
  check(file, discounts).findings.map((f) => ({ code: f.code, severity: f.severity, line: f.line, col: f.col }));

describe('one fixture per rule: exactly one finding, at its node', () => {
  const cases: [string, 'error' | 'warning', number, number][] = [
    ['yaml-syntax', 'error', 6, 38], // the end of the line whose { is never closed
    ['unknown-key', 'error', 4, 1],
    ['schema', 'error', 8, 12],
    ['money-decimals', 'error', 8, 12],
    ['currency-unknown', 'error', 4, 11],
    ['unknown-current', 'error', 13, 18],
    ['duplicate-id', 'error', 16, 9],
    ['duplicate-option', 'error', 17, 21],
    ['lever-path-clash', 'error', 11, 13],
    ['offer-price-not-positive', 'error', 5, 1],
    ['approvals-not-rising', 'error', 9, 15],
    ['max-discount-beyond-approvals', 'error', 6, 16],
    ['margin-floor-broken', 'warning', 6, 16],
    ['offer-loses-money', 'error', 5, 1],
    ['discount-over-cap', 'warning', 5, 11],
    ['single-option', 'warning', 13, 9],
    ['dominated-option', 'warning', 16, 13],
    ['free-option-no-value', 'warning', 15, 13],
    ['no-levers', 'warning', 2, 1],
  ];
  it.each(cases)('%s', (code, severity, line, col) => {
    expect(located(`fixtures/rules/${code}.yaml`)).toEqual([{ code, severity, line, col }]);
  });
});

describe('--discount on the telecom example', () => {
  const telecom = 'fixtures/telecom-switching.yaml';
  it('passes as it stands', () => {
    expect(located(telecom)).toEqual([]);
  });
  it('absorbs 20%', () => {
    const r = check(telecom, ['20%']);
    expect(r.findings).toEqual([]);
    expect(r.rules).toContain('discount-not-absorbed');
  });
  it('cannot absorb 35%, and names 30% at the policy', () => {
    const [f, ...rest] = check(telecom, ['20%', '35%']).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'discount-not-absorbed', line: 8, col: 1, args: { discount: ratio(35, 100), max: ratio(3000, 10_000) } });
    expect(f!.message).toBe('cannot absorb a discount of 35% within its policy; the most it can absorb is 30%');
  });
  it('types the arguments by the code: a script compares the raw share exactly', () => {
    const [f] = check(telecom, ['35%']).findings;
    if (f?.code !== 'discount-not-absorbed') throw new Error(`unexpected ${f?.code}`);
    expect(compareRatio(f.args.max!, ratio(3, 10))).toBe(0);
  });
  it('says when a file cannot absorb any discount at all', () => {
    const found = check('fixtures/rules/margin-floor-broken.yaml', ['5%']).findings.map((f) => f.message);
    expect(found).toContain('cannot absorb a discount of 5% within its policy: no discount at all can be met');
  });
});

describe('rules on proposals written inline', () => {
  const findings = (options: string) => {
    const loaded = loadProposalText(`proposal: T\ncustomer: C\ncurrency: USD\nitems:\n  - id: a\n    name: A\n    price: 1000\n` +
      `    cost: 500\n    levers:\n      - id: l\n        name: L\n        options:\n${options}`, 'inline.yaml');
    expect(loaded.findings).toEqual([]);
    return ruleFindings(loaded.proposal!, loaded.deal).map((f) => `${f.code}@${f.path.join('.')}`);
  };
  it('an option that adds more to the price is never dominated by one that adds less', () => {
    expect(findings('          - { name: A, cost: 10, value: 50 }\n          - { name: B, price: 100, cost: 20, value: 40 }\n')).toEqual([]);
  });
  it('an option that adds at least as much to the price can dominate', () => {
    expect(findings('          - { name: A, price: 100, cost: 10, value: 150 }\n          - { name: B, price: 100, cost: 20, value: 140 }\n'))
      .toEqual(['dominated-option@items.0.levers.0.options.1']);
  });
  it('equal cost or equal value is not domination', () => {
    expect(findings('          - { name: A, cost: 10, value: 50 }\n          - { name: B, cost: 10, value: 40 }\n')).toEqual([]);
  });
  it('a priced option without a value is fine: its value is its price', () => {
    expect(findings('          - { name: A, cost: 10, value: 50 }\n          - { name: B, price: 30, cost: 5 }\n')).toEqual([]);
  });
  it('only structural rules when asked for them', () => {
    const loaded = loadProposalText('proposal: T\ncustomer: C\ncurrency: USD\nitems:\n  - { id: a, name: A }\n  - { id: a, name: B }\n', 'x.yaml');
    expect(ruleFindings(loaded.proposal!, loaded.deal, 'structural').map((f) => f.code)).toEqual(['duplicate-id', 'offer-price-not-positive']);
    expect(ruleFindings(loaded.proposal!, loaded.deal).map((f) => f.code)).toEqual(['duplicate-id', 'offer-price-not-positive', 'no-levers']);
  });
});

describe('messages of the rules whose arguments are exact shares and amounts', () => {
  it.each([
    ['margin-floor-broken', 'the offer as it stands has a margin of 300 USD (30%), below its own floor of 40%, before any discount'],
    ['discount-over-cap', "the discount already granted (40%) is beyond the policy's maxDiscount of 30%: no further discount can be met"],
    ['approvals-not-rising', 'approval band up to 5% does not rise above the band before it (10%)'],
    ['max-discount-beyond-approvals', 'maxDiscount 30% is beyond the highest approval band (20%): nobody could sign it off'],
    ['offer-loses-money', 'the offer loses money as it stands: it costs 1,200 USD to deliver and is priced at 1,000 USD; no counter-offer can be margin-safe'],
  ])('%s', (code, message) => {
    expect(check(`fixtures/rules/${code}.yaml`).findings.map((f) => f.message)).toEqual([message]);
  });

  it('writes a percentage as written, exactly, a margin ratio cut to 0.01%, an amount with its decimals', () => {
    const kwd = loadProposalText('proposal: T\ncustomer: C\ncurrency: KWD\npolicy: { marginFloor: "66.6675%" }\nitems:\n' +
      '  - { id: a, name: A, price: 3, cost: 1.001 }\n', 'kwd.yaml');
    expect(ruleFindings(kwd.proposal!, kwd.deal).filter((f) => f.code === 'margin-floor-broken').map(messageFor))
      .toEqual(['the offer as it stands has a margin of 1.999 KWD (66.63%), below its own floor of 66.6675%, before any discount']);
    expect(check('fixtures/telecom-switching.yaml', ['31.4159%']).findings[0]!.message)
      .toBe('cannot absorb a discount of 31.4159% within its policy; the most it can absorb is 30%');
  });
});
