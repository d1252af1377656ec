import type { Command } from 'commander';

/**
 * What each command's --help teaches beyond its options: a few examples that work as
 * written, and what its exit code means, so that scripts can rely on it.
 */
interface Teaching {
  readonly examples: readonly (readonly [command: string, what: string])[];
  readonly exits: readonly (readonly [code: number, meaning: string])[];
}

const BAD_INPUT: readonly [number, string] = [2, 'bad input or usage (a message on stderr says which)'];

export const HELP: Readonly<Record<string, Teaching>> = {
  counter: {
    examples: [
      ['valuepack counter deal.yaml -d 20%', 'the best ways to give 20% off and keep the margin'],
      ['valuepack counter deal.yaml --price 8000000 -k support.term', 'meet a target price, keeping the support term'],
      ['valuepack counter deal.yaml -d 15% --letter letter.md --out revised.yaml', 'also write the cover letter and the revised proposal'],
      ['valuepack counter deal.yaml -d 20% --format json | jq \'.alternatives[0]\'', 'the best alternative as JSON'],
    ],
    exits: [[0, 'a package meets the request'], [1, 'no package meets it within policy (proven)'], BAD_INPUT,
      [3, 'undecided: the time limit stopped the search before any package was found']],
  },
  ladder: {
    examples: [
      ['valuepack ladder deal.yaml --to 20%', 'four tapered steps up to 20%, nothing conceded ever put back'],
      ['valuepack ladder deal.yaml --at 5%,10%,15%,20%', 'the steps themselves'],
      ['valuepack ladder deal.yaml --to 20% --memo plan.md', 'also the plan in Markdown, for our own team'],
    ],
    exits: [[0, 'every step is met'], [1, 'a step cannot be met within policy (the plan stops there, saying why)'], BAD_INPUT,
      [3, 'undecided: the time limit stopped the search']],
  },
  curve: {
    examples: [
      ['valuepack curve deal.yaml', 'a chart and a table, from 0 to the largest discount that can be met'],
      ['valuepack curve deal.yaml --to 20% -f csv', 'one CSV record per segment'],
    ],
    exits: [[0, 'a curve'], [1, 'no discount at all can be met'], BAD_INPUT, [3, 'undecided: the time limit stopped the search']],
  },
  brief: {
    examples: [
      ['valuepack brief deal.yaml -d 20% -o brief.html', 'a one-page brief for the meeting, to open or print'],
      ['valuepack brief deal.yaml -d 20% --ladder -o brief.html', 'with the concession plan'],
      ['valuepack brief deal.yaml --price 8000000 -o - > brief.html', 'the HTML on standard output'],
    ],
    exits: [[0, 'the request is met'], [1, 'no package meets it within policy (proven)'], BAD_INPUT,
      [3, 'undecided within the time limit']],
  },
  check: {
    examples: [
      ['valuepack check deals/', 'every .yaml/.yml below deals/'],
      ["valuepack check 'deals/**/*.yaml' -d 10%,20%", 'each file must also absorb 10% and 20% within policy'],
      ['valuepack check deals/ --format github', 'annotations for GitHub Actions'],
    ],
    exits: [[0, 'no errors (and no more warnings than --max-warnings)'], [1, 'findings'],
      [2, 'usage: a bad option, or a path or pattern that matches no file']],
  },
  batch: {
    examples: [
      ['valuepack batch deals/ -d 10%,15%,20%', 'a table on a terminal, CSV when piped'],
      ['valuepack batch deals/ -d 10% --format jsonl | jq .maxDiscount', 'one JSON record per file × discount'],
    ],
    exits: [[0, 'every file was evaluated (met or not)'], [2, 'a file could not be read or used (its row says why), or a usage error']],
  },
  diff: {
    examples: [
      ['valuepack diff offer-v1.yaml offer-v2.yaml', 'what scope went, and what it was worth'],
      ['valuepack diff offer-v1.yaml offer-v2.yaml --format json', 'the same as JSON'],
    ],
    exits: [[0, 'the offers are the same'], [1, 'they differ'], BAD_INPUT],
  },
  negotiate: {
    examples: [
      ['valuepack negotiate deal.yaml', 'prepare the answer step by step'],
      ['valuepack negotiate', 'choose among the proposals in this directory'],
    ],
    exits: [[0, 'done'], [2, 'no terminal to ask on (use counter in scripts), or bad input']],
  },
  schema: {
    examples: [
      ['valuepack schema > proposal.schema.json', 'the JSON Schema, for editors'],
    ],
    exits: [[0, 'printed']],
  },
  init: {
    examples: [
      ['valuepack init', 'write proposal.yaml here'],
      ['valuepack init deal.yaml --schema', 'also write proposal.schema.json beside it, for editors'],
    ],
    exits: [[0, 'written'], [2, 'the file exists (use --force) or cannot be written']],
  },
};

function helpText(t: Teaching): string {
  const examples = t.examples.map(([cmd, what]) => `  # ${what}\n  $ ${cmd}`);
  const exits = t.exits.map(([code, meaning]) => `  ${code}  ${meaning}`);
  return ['', 'Examples:', ...examples, '', 'Exit codes:', ...exits].join('\n');
}

/**
 * Examples and exit codes after each command's help, and a usage error that points to
 * that command's own help. Commands without a teaching still get the pointer.
 */
export function teach(program: Command): void {
  program.addHelpText('after', ['', 'Examples:', '  # a starter proposal, then what 20% off would take', '  $ valuepack init',
    '  $ valuepack counter proposal.yaml -d 20%', '', 'Run valuepack COMMAND --help for its examples and exit codes.'].join('\n'));
  for (const cmd of program.commands) {
    const t = HELP[cmd.name()];
    if (t) cmd.addHelpText('after', helpText(t));
    cmd.showHelpAfterError(helpPointer(cmd.name()));
  }
}

export const helpPointer = (command?: string) => `(run valuepack ${command ? `${command} ` : ''}--help for usage)`;
