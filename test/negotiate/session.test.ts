import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/api/errors.js';
import { Interrupted, negotiate, type Outcome } from '../../src/commands/negotiate/session.js';
import { INPUT, ScriptedPrompter, telecomEnv, type Step } from './fake-prompter.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProposalText } from '../../src/proposal/load.js';
import { ROOT } from '../helpers/run.js';

const REVISED = 'deals/telecom-switching.revised.yaml';
const LETTER = 'deals/telecom-switching.letter.md';

async function session(steps: Step[], files: Parameters<typeof telecomEnv>[1] = {}) {
  const prompter = new ScriptedPrompter(steps);
  const outcome = await negotiate(INPUT, telecomEnv(prompter, files));
  expect(prompter.done).toBe(true);
  return { prompter, outcome };
}

function taken(outcome: Outcome) {
  if (outcome.kind !== 'take') throw new Error(`expected a take, got ${outcome.kind}`);
  return outcome;
}

const menuOf = (p: ScriptedPrompter, n = -1) => p.asked.filter((a) => a.message === 'What next?').at(n)!.choices!;

describe('negotiate session', () => {
  it('shows the offer at a glance, and 20% with the defaults takes the 3-year support answer', async () => {
    const { prompter, outcome } = await session([{ type: '20' }, 'enter', 'enter', 'enter', 'enter']);
    const glance = prompter.shown[0]!;
    expect(glance).toContain('price 10,000,000 · cost 7,500,000 · margin 2,500,000 (25%)');
    expect(glance).toMatch(/support\.term\s+Free support term: 4 years \(or 3 years, 2 years, 1 year\)/);
    expect(prompter.asked.find((a) => a.kind === 'checkbox')!.choices!.every((c) => c.checked === false)).toBe(true);
    const t = taken(outcome);
    expect(t.files.map((f) => [f.path, f.replace])).toEqual([[REVISED, false], [LETTER, false]]);
    expect(t.files[0]!.content).toContain('current: 3 years');
    expect(t.files[0]!.content).toContain('Core hardware only');
    expect(t.files[0]!.content).toContain('\ndiscount: 20%  # valuepack: 20% off, alternative 1\n');
    expect(t.files[1]!.content).toContain('- **Free support term**: 4 years → 3 years.');
    expect(t.command).toBe(`valuepack counter ${INPUT} --discount 20% --out ${REVISED} --letter ${LETTER} --pick 1`);
  });

  it('re-asks a request it cannot read, showing why, and takes a target price with its currency', async () => {
    const { prompter, outcome } = await session([
      { type: '' }, { type: 'abc' }, { type: '150' }, { type: '-5%' }, { type: '9000000 EUR' },
      { type: '8000000.001 USD' }, { type: 'USD 12,000,000' }, { type: '0 USD' }, { type: 'usd 8,000,000' },
      'enter', 'enter', 'enter', 'enter']);
    expect(prompter.reasons).toEqual([
      'type a discount such as 20 or 20%, or a target price such as 8,000,000 USD',
      'type a discount such as 20 or 20%, or a target price such as 8,000,000 USD',
      'a discount is at most 100%; write a target price with its currency, such as 8,000,000 USD',
      'a discount cannot be negative',
      'this proposal is in USD, not EUR',
      'USD amounts have at most 2 decimals',
      'that is above the offer price of 10,000,000 USD',
      'a target price must be more than 0',
    ]);
    expect(taken(outcome).command).toContain(' --price 8000000 --out ');
  });

  it('changes the request, offering the previous one as the default', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, 'enter', { pick: 'Change the request' }, { type: '12.5 %' }, 'enter', 'enter', 'enter']);
    expect(prompter.asked.filter((a) => a.kind === 'input')[1]!.initial).toBe('20');
    expect(prompter.shown.at(-1)).toContain('Request         12.5% off → 8,750,000');
    expect(taken(outcome).command).toContain(' --discount 12.5% ');
  });

  it('changes what the customer keeps, with what was kept already checked', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, { check: ['support.hardware'] }, { pick: 'Change what the customer keeps' },
      'enter', { pick: 'Change what the customer keeps' }, { check: ['support.term', 'support.hardware'] },
      'enter', 'enter', 'enter']);
    const boxes = prompter.asked.filter((a) => a.kind === 'checkbox');
    expect(boxes[1]!.choices!.filter((c) => c.checked).map((c) => c.value)).toEqual(['support.hardware']);
    for (const c of menuOf(prompter).filter((c) => c.name.startsWith('Take'))) {
      expect(c.name).not.toMatch(/Free support term|Free hardware replacement/);
    }
    expect(taken(outcome).command).toContain(' --keep support.term --keep support.hardware --out ');
  });

  it('shows more alternatives on request, and the command asks for as many', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, 'enter', { pick: 'Show more alternatives' }, { pick: 'Take alternative 5' }, 'enter', 'enter']);
    expect(menuOf(prompter, 0).filter((c) => c.name.startsWith('Take'))).toHaveLength(3);
    expect(menuOf(prompter).filter((c) => c.name.startsWith('Take'))).toHaveLength(6);
    expect(taken(outcome).command).toContain(' --alternatives 6 --out ');
    // The second display shows alternatives 4 to 6 only, not 1 to 3 again.
    const more = prompter.shown.at(-1)!;
    expect(more).toMatch(/^\s*Alternative 4 /);
    expect(more).toContain('Alternative 6 ');
    expect(more).not.toMatch(/Alternative [123] /);
    expect(more).not.toContain('Original offer');
    expect(taken(outcome).command).toMatch(/ --pick 5$/);
  });

  it('offers to ask for the largest discount when nothing meets the request, and never writes up what was not asked', async () => {
    const keep = ['support.term', 'support.hardware', 'support.response'];
    const { prompter, outcome } = await session([{ type: '30%' }, { check: keep }, 'enter', 'enter', 'enter', 'enter']);
    expect(prompter.shown[1]).toContain('The largest discount that can be met is 14.66%');
    const first = menuOf(prompter, 0);
    expect(first.filter((c) => c.name.startsWith('Take'))).toEqual([]);
    expect(first[0]!.name).toBe('Ask for the largest discount that can be met (14.66%)');
    expect(first.find((c) => c.name === 'Show more alternatives')!.disabled).toBeDefined();
    expect(taken(outcome).files[0]!.content).toContain('# valuepack: 14.66% off, alternative 1\n');
  });

  it('quits without writing anything', async () => {
    const { outcome } = await session([{ type: '20' }, 'enter', { pick: 'Quit' }]);
    expect(outcome).toEqual({ kind: 'quit' });
  });

  it('passes Ctrl-C on as Interrupted, from any question', async () => {
    for (const steps of [['ctrl-c'], [{ type: '20' }, 'enter', 'enter', 'enter', 'ctrl-c']] as Step[][]) {
      await expect(negotiate(INPUT, telecomEnv(new ScriptedPrompter(steps)))).rejects.toBeInstanceOf(Interrupted);
    }
  });

  it('never writes over the input, nor both files to one name, nor into a missing directory', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, 'enter', 'enter', { type: INPUT }, { type: 'nowhere/x.yaml' }, { type: 'deals' }, 'enter',
      { type: REVISED }, 'enter'], { 'nowhere/x.yaml': 'no-directory', deals: 'directory' });
    expect(prompter.reasons).toEqual([
      'that is the proposal being read: valuepack never writes over its input',
      'there is no directory nowhere',
      'that is a directory; type a file name',
      'the revised proposal goes there already; choose another name',
    ]);
    expect(taken(outcome).files.map((f) => f.path)).toEqual([REVISED, LETTER]);
  });

  it('asks before replacing a file: declined, it asks for another name', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, 'enter', 'enter', 'enter', 'enter', { confirm: false }, { type: 'deals/our answer.md' }], { [LETTER]: 'exists' });
    expect(prompter.asked.find((a) => a.kind === 'confirm')).toMatchObject({ message: `${LETTER} already exists. Replace it?`, initial: false });
    const t = taken(outcome);
    expect(t.files.map((f) => [f.path, f.replace])).toEqual([[REVISED, false], ['deals/our answer.md', false]]);
    expect(t.command).toContain(` --letter 'deals/our answer.md' --pick 1`);
    expect(t.command).not.toContain('--force');
  });

  it('asks before replacing a file: accepted, it is replaced and the command says --force', async () => {
    const { outcome } = await session([{ type: '20' }, 'enter', 'enter', 'enter', { confirm: true }, 'enter'], { [REVISED]: 'exists' });
    const t = taken(outcome);
    expect(t.files.map((f) => [f.path, f.replace])).toEqual([[REVISED, true], [LETTER, false]]);
    expect(t.command).toMatch(/ --pick 1 --force$/);
  });

  it('without FILE, offers the proposals in the directory, and refuses when there are none', async () => {
    const prompter = new ScriptedPrompter([{ pick: 'b.yml' }, { type: '20' }, 'enter', { pick: 'Quit' }]);
    await negotiate(undefined, telecomEnv(prompter, {}, ['a.yaml', 'b.yml']));
    expect(prompter.asked[0]!.choices!.map((c) => c.name)).toEqual(['a.yaml', 'b.yml']);
    const none = negotiate(undefined, telecomEnv(new ScriptedPrompter([]), {}, []));
    await expect(none).rejects.toThrow(UsageError);
    await expect(none).rejects.toThrow(/no proposal file \(\*\.yaml, \*\.yml\) in this directory/);
  });
});

describe('negotiate on names carrying terminal control sequences', () => {
  it('shows them as visible stand-ins in every screen and every choice, never raw', async () => {
    const source = readFileSync(join(ROOT, 'fixtures/terminal-escapes.yaml'), 'utf8');
    const prompter = new ScriptedPrompter([{ type: '5' }, 'enter', { pick: 'Quit' }]);
    const env = { ...telecomEnv(prompter), load: (file: string) => {
      const loaded = loadProposalText(source, file);
      return { source, doc: loaded.doc!, deal: loaded.deal! };
    } };
    await negotiate(INPUT, env);
    const everything = [...prompter.shown, ...prompter.asked.flatMap((a) => [a.message, ...(a.choices ?? []).map((c) => c.name)])].join('\n');
    expect(everything).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(everything).toContain('␛[2J');
  });
});
