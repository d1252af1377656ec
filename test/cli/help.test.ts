import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/commands/help.js';
import { cli } from '../helpers/io.js';

const COMMANDS = ['counter', 'ladder', 'curve', 'brief', 'check', 'batch', 'diff', 'negotiate', 'schema', 'init'];

describe('help that teaches', () => {
  it.each(COMMANDS)('%s --help shows examples and exit codes, on stdout', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const examples = r.stdout.match(new RegExp(`^  \\$ valuepack ${command}\\b`, 'gm')) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(command === 'schema' ? 1 : 2);
    expect(examples.length).toBeLessThanOrEqual(4);
    expect(r.stdout).toMatch(/^Exit codes:\n  0  /m);
    expect(r.stdout).not.toContain('(default: [])');
    expect(HELP[command]).toBeDefined();
  });

  it('lists every command it teaches in the top-level help', async () => {
    const r = await cli(['--help']);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('prints the help on stdout when called with nothing (exit 0)', async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: valuepack \[options\] \[command\]/);
    expect(r.stdout).toContain('Run valuepack COMMAND --help');
    expect(r.stderr).toBe('');
  });

  it.each([
    [['counter', '--bogus', 'x.yaml'], "valuepack: unknown option '--bogus'", 'counter'],
    [['counter', 'fixtures/telecom-switching.yaml'], 'valuepack: give the request as either', 'counter'],
    [['batch', 'fixtures/batch'], 'valuepack: give the discounts', 'batch'],
    [['diff', 'fixtures/telecom-switching.yaml'], "valuepack: missing required argument 'new'", 'diff'],
  ])('a usage error has one prefix and points to the command\'s help: %j', async (args, message, command) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).toContain(`(run valuepack ${command} --help for usage)`);
    expect(r.stderr).not.toMatch(/^error:/m);
  });

  it('an unknown command points to the top-level help', async () => {
    const r = await cli(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("valuepack: unknown command 'nope'\n(run valuepack --help for usage)\n");
  });
});
