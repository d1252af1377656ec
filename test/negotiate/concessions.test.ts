import { describe, expect, it } from 'vitest';
import { negotiate, type Outcome } from '../../src/commands/negotiate/session.js';
import { INPUT, ScriptedPrompter, telecomEnv, type Step } from './fake-prompter.js';

async function session(steps: Step[]) {
  const prompter = new ScriptedPrompter(steps);
  const outcome = await negotiate(INPUT, telecomEnv(prompter, {}));
  expect(prompter.done).toBe(true);
  return { prompter, outcome };
}

const command = (o: Outcome) => (o.kind === 'take' ? o.command : '');

describe('negotiate: planning concessions and distinct alternatives', () => {
  it('plans a nested ladder of 4 steps up to the request, then comes back to the menu', async () => {
    const { prompter, outcome } = await session([{ type: '20' }, 'enter', { pick: 'Plan concessions' }, { pick: 'Quit' }]);
    expect(outcome.kind).toBe('quit');
    const plan = prompter.shown.find((t) => t.includes('Price of nesting'))!;
    expect(plan).toContain('Each step gives up, on top of the one before:');
    expect(plan).toMatch(/│\s+4 │\s+20% │ 8,000,000 │/);
  });

  it('shows distinct alternatives, says why there are only two, and takes one with --distinct', async () => {
    const { prompter, outcome } = await session([
      { type: '20' }, 'enter', { pick: 'Show distinct alternatives' }, { pick: 'Take alternative 2' }, 'enter', 'enter']);
    const shown = prompter.shown.at(-1)!;
    expect(shown).toContain('Only 2 distinct alternatives of the 3 asked for');
    expect(command(outcome)).toContain(' --distinct --out ');
    const menu = prompter.asked.filter((a) => a.message === 'What next?').at(-1)!.choices!.map((c) => c.name);
    expect(menu).toContain('Show the best alternatives, whatever levers they share');
  });

  it('a request too small to plan in steps leaves the ladder disabled', async () => {
    const { prompter } = await session([{ type: '0.03%' }, 'enter', { pick: 'Quit' }]);
    const ladder = prompter.asked.filter((a) => a.message === 'What next?')[0]!.choices!.find((c) => c.name.startsWith('Plan concessions'))!;
    expect(ladder.disabled).toBeDefined();
  });
});
