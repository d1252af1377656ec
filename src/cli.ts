import { Command, CommanderError, Option } from 'commander';
import { helpPointer, teach } from './commands/help.js';
import { InputError, UsageError } from './api/errors.js';
import type { GlobalOptions } from './commands/shared.js';
import { DEFAULT_MAX_FILE_BYTES, forgetInputs } from './api/files.js';
import { outputFor, processIo, type Io, type Output } from './commands/output.js';
import { printable } from './report/printable.js';
import { VERSION } from './version.js';

/**
 * Commander wiring only. Commands are loaded when called, so `valuepack --version`
 * pays for none of them. `main` has no side effects on import and returns the exit
 * code; `runProcess` is the process glue the binary calls.
 */
function colorWanted(flag: boolean | undefined, io: Io): boolean {
  if (flag === false) return false;
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}

/** COLUMNS when set (as ripgrep and ls honour it), else the terminal's width; no limit when piped. */
function terminalColumns(io: Io): number | undefined {
  const n = Number(io.env.COLUMNS);
  if (io.env.COLUMNS && Number.isInteger(n) && n > 0) return n;
  return io.stdout.isTTY ? io.stdout.columns : undefined;
}

function globals(program: Command, io: Io): GlobalOptions {
  const o = program.opts<{ color?: boolean; maxFileSize?: string }>();
  const max = o.maxFileSize === undefined ? DEFAULT_MAX_FILE_BYTES : Number(o.maxFileSize);
  if (!Number.isInteger(max) || max <= 0) throw new UsageError(`--max-file-size takes a number of bytes (got "${o.maxFileSize}")`);
  return { color: colorWanted(o.color, io), maxFileSize: max, columns: terminalColumns(io) };
}

const collect = (v: string, all: string[] | undefined) => [...(all ?? []), v];

function build(setExit: (code: number) => void, out: Output): Command {
  const g = () => globals(program, out.io);
  const program = new Command('valuepack')
    .description('Meet a discount by re-packaging scope, not by giving up margin.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'no colour, whatever the terminal')
    .option('--debug', 'show stack traces of internal errors')
    .addOption(new Option('--max-file-size <bytes>', 'refuse proposal files larger than this').default(undefined, '10 MiB'))
    .showHelpAfterError(helpPointer())
    // One prefix for every error, commander's own included ("valuepack: unknown option …").
    .configureOutput({
      writeOut: (t) => void out.io.stdout.write(t), writeErr: (t) => void out.io.stderr.write(t),
      outputError: (text, write) => write(`valuepack: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride();

  program.command('counter')
    .description('the best counter-offers that meet a discount or a target price within policy; exit 0 met, 1 none (proven), 3 undecided (time limit)')
    .argument('<file>', 'proposal YAML')
    .option('-d, --discount <pct>', 'the discount asked for, e.g. 20% (a bare 20 also means 20%)')
    .option('-p, --price <amount>', 'the target price asked for, in the major unit; a currency sign or code may go with it (€8,000,000, 8000000 USD)')
    .option('-n, --alternatives <n>', 'how many alternatives (default: 3; says so when fewer exist)')
    .option('-k, --keep <item.lever>', 'a lever the customer will not give up (repeatable)', collect)
    .option('--add-scope', 'let levers move to options worth more to the customer (off by default: a counter-offer never spends margin on extras)')
    .option('--distinct', 'alternatives that change pairwise disjoint sets of levers: real choices for the buyer')
    .option('--approver <name>', 'only packages this approver may sign (their band caps the discount off list)')
    .option('-f, --format <format>', 'text (default) or json (see docs/json.md)')
    .option('--json', 'the same as --format json')
    .option('--letter <file>', 'write a Markdown cover letter to the customer (only when the request can be met); - for stdout')
    .option('--valid-until <date>', 'state in the letter until when the offers hold (YYYY-MM-DD)')
    .option('--out <file>', 'write the revised proposal for the chosen alternative (only when the request can be met); - for stdout')
    .option('--pick <n>', 'which alternative --out writes (default 1)')
    .option('--force', 'replace existing --out/--letter files')
    .option('--time-limit <seconds>', 'stop searching after this long (default 10) and show the best found, labelled')
    .action(async (file: string, opts) => {
      const { counterCommand } = await import('./commands/counter.js');
      setExit(counterCommand(file, opts, g(), out));
    });

  program.command('brief')
    .description('a one-page deal brief for the meeting: one self-contained HTML file with charts, printable')
    .argument('<file>', 'proposal YAML')
    .option('-d, --discount <pct>', 'the discount asked for, e.g. 20%')
    .option('-p, --price <amount>', 'the target price asked for, in the major unit')
    .option('-o, --output <file>', 'where to write the HTML (- for standard output)')
    .option('-n, --alternatives <n>', 'how many offers side by side', '3')
    .option('-k, --keep <item.lever>', 'a lever the customer will not give up (repeatable)', collect)
    .option('--add-scope', 'let levers move to options worth more to the customer (not with --ladder: a plan never adds scope)')
    .option('--approver <name>', 'only packages this approver may sign: offers, curve and plan (their band caps the discount off list)')
    .option('--distinct', 'offers that change pairwise disjoint sets of levers (fewer, with the reason, when no more exist)')
    .option('--ladder', 'add a concession plan: 4 nested, tapered steps up to the request (as ladder --steps 4)')
    .option('--force', 'replace an existing output file')
    .option('--time-limit <seconds>', 'limit for the answer and for the curve, each; what is not proven is labelled', '10')
    .action(async (file: string, opts) => {
      const { briefCommand } = await import('./commands/brief.js');
      setExit(briefCommand(file, opts, g(), out));
    });

  program.command('ladder')
    .description('a nested concession plan: steps at rising discounts, nothing conceded ever put back')
    .argument('<file>', 'proposal YAML')
    .option('--to <pct>', 'the last step, e.g. 20%: a tapered plan, each concession no larger than the one before')
    .option('--steps <n>', 'how many steps to --to (default 4)')
    .option('--at <pcts>', 'the steps themselves, rising, e.g. 5%,10%,15%,20%')
    .option('-k, --keep <item.lever>', 'a lever the customer will not give up (repeatable)', collect)
    .option('--approver <name>', 'only packages this approver may sign (their band caps the discount off list)')
    .option('-f, --format <format>', 'text (default) or json (see docs/ladder.md)')
    .option('--json', 'the same as --format json')
    .option('--memo <file>', 'write the plan in Markdown for our own team (never for the customer)')
    .option('--force', 'replace an existing --memo file')
    .option('--time-limit <seconds>', 'stop searching after this long and show the best found, labelled', '10')
    .action(async (file: string, opts) => {
      const { ladderCommand } = await import('./commands/ladder.js');
      setExit(ladderCommand(file, opts, g(), out));
    });

  program.command('curve')
    .description('the concession curve: the least value lost at every discount, as exact segments')
    .argument('<file>', 'proposal YAML')
    .option('--to <pct>', 'the last discount of the curve (default: the largest that can be met)')
    .option('-f, --format <format>', 'text (a chart and a table, default), csv or json (see docs/ladder.md)')
    .option('--json', 'the same as --format json')
    .option('-k, --keep <item.lever>', 'a lever the customer will not give up (repeatable)', collect)
    .option('--add-scope', 'let levers move to options worth more to the customer (as counter --add-scope)')
    .option('--approver <name>', 'only packages this approver may sign (their band caps the discount off list)')
    .option('--time-limit <seconds>', 'stop after this long and show the curve proven so far, labelled', '10')
    .action(async (file: string, opts) => {
      const { curveCommand } = await import('./commands/curve.js');
      setExit(await curveCommand(file, opts, g(), out));
    });

  program.command('check')
    .description('validate proposals for CI: schema and rules, positioned file:line:col; exit 0 clean, 1 findings')
    .argument('<files...>', 'proposal files, directories (every .yaml/.yml below) or glob patterns')
    .option('-d, --discount <pcts>', 'each file must absorb these discounts within policy (comma-separated and/or repeated)', collect)
    .option('-f, --format <format>', 'stylish (default), json, junit or github (see docs/check.md)')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .option('--time-limit <seconds>', 'how long each --discount search may take (default 10); an unproven answer is labelled')
    .action(async (files: string[], opts) => {
      const { checkCommand } = await import('./commands/check.js');
      setExit(await checkCommand(files, opts, g(), out));
    });

  program.command('schema')
    .description('print the JSON Schema of the proposal format, for editors')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(schemaCommand(out));
    });

  program.command('init')
    .description('write a commented starter proposal (refuses to overwrite)')
    .argument('[file]', 'where to write it', 'proposal.yaml')
    .option('--force', 'replace an existing file')
    .option('--schema', 'also write proposal.schema.json beside the file, for editors, and point the file at it')
    .action(async (file: string, opts) => {
      const { initCommand } = await import('./commands/init.js');
      setExit(initCommand(file, opts, out));
    });

  program.command('batch')
    .description('evaluate many proposals against discounts: one row per file × discount; exit 2 if any file failed')
    .argument('<files...>', 'proposal files, directories (every .yaml/.yml below) or glob patterns')
    .option('-d, --discount <pcts>', 'discounts to evaluate, comma-separated and/or repeated, e.g. 10%,15%,20%', collect)
    .option('-f, --format <format>', 'table, csv, json or jsonl (default: table on a terminal, csv otherwise)')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .option('--time-limit <seconds>', 'stop each search after this long (default 10) and report the best found, labelled')
    .action(async (files: string[], opts) => {
      const { batchCommand } = await import('./commands/batch.js');
      setExit(await batchCommand(files, opts, g(), out));
    });

  program.command('diff')
    .description('what changed between two offers, priced and valued: exit 0 same, 1 different')
    .argument('<old>', 'the earlier proposal YAML')
    .argument('<new>', 'the later proposal YAML')
    .option('-f, --format <format>', 'text (default) or json (see docs/diff.md)')
    .option('--json', 'the same as --format json')
    .action(async (oldFile: string, newFile: string, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExit(diffCommand(oldFile, newFile, opts, g(), out));
    });

  program.command('negotiate')
    .description('an interactive preparation session: the request, what is kept, the alternatives, the files')
    .argument('[file]', 'proposal YAML (default: choose among those in the current directory)')
    .option('--no-input', 'never ask: fail at once, pointing to counter (for scripts)')
    .action(async (file: string | undefined, opts) => {
      const { negotiateCommand } = await import('./commands/negotiate.js');
      setExit(await negotiateCommand(file, opts, g(), out));
    });
  teach(program);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  forgetInputs(); // each run protects its own inputs
  const out = outputFor(io);
  const program = build((c) => (code = c), out);
  const debug = argv.includes('--debug');
  if (argv.length === 0) {
    program.outputHelp(); // asked for nothing: what there is to ask for, on stdout
    return 0;
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof InputError || e instanceof UsageError) {
      // Names from a file or the command line may hold control characters: show, never act on, them.
      const text = e instanceof InputError
        ? e.findings.map((f) => printable(`${f.file}:${f.line}:${f.col}: ${f.message}`)).join('\n') : printable(e.message);
      io.stderr.write(`valuepack: ${text}\n`);
      if (e instanceof UsageError) io.stderr.write(`${helpPointer(argv.find((a) => program.commands.some((c) => c.name() === a)))}\n`);
      if (debug) io.stderr.write(`${e.stack}\n`);
      return 2;
    }
    io.stderr.write(`valuepack: internal error: ${(e as Error).message ?? e}\n`);
    io.stderr.write(debug ? `${(e as Error).stack}\n` : 'run again with --debug for details, and please report it\n');
    return 70;
  }
}

/** The binary: run on the real process, and stop quietly when a reader such as head has what it wanted. */
export async function runProcess(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
}
