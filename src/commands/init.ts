import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkWritable, writeFileAtomic } from '../api/files.js';
import { proposalJsonSchema } from '../proposal/schema.js';
import type { Output } from './output.js';

/** Where the schema is once valuepack is installed in a project (see docs/check.md). */
const INSTALLED_SCHEMA = 'node_modules/valuepack/schema/proposal.schema.json';
const SCHEMA_NAME = 'proposal.schema.json';

export interface InitOptions {
  readonly force?: boolean;
  /** Also write proposal.schema.json beside the file, and point the schema line at it. */
  readonly schema?: boolean;
}

/** `valuepack init [FILE]`: a commented starter proposal; never replaces a file without --force. */
export function initCommand(path: string, opts: InitOptions, out: Output): number {
  const force = opts.force ?? false;
  const schemaFile = join(dirname(path), SCHEMA_NAME);
  const schema = JSON.stringify(proposalJsonSchema(), null, 2) + '\n';
  // The same schema already there (a second starter in one directory) is left as it is.
  const writeSchema = opts.schema === true && !(existsSync(schemaFile) && readFileSync(schemaFile, 'utf8') === schema);
  if (writeSchema) checkWritable(schemaFile, force);
  const reference = opts.schema ? `./${SCHEMA_NAME}` : installedSchema(path);
  writeFileAtomic(path, starterProposal(reference, path, invocation(out.io.env)), force);
  if (writeSchema) writeFileAtomic(schemaFile, schema, force);
  out.info(`wrote a starter proposal to ${path}${writeSchema ? ` and its schema to ${schemaFile}` : ''}`);
  out.info(`try: ${invocation(out.io.env)} counter ${shellWord(path)} --discount 15%`);
  return 0;
}

/** How the user runs valuepack: through npx (npm exec), or installed on the PATH. */
export function invocation(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' ? 'npx valuepack' : 'valuepack';
}

/** A path as one shell word: quoted when it holds anything the shell would read. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The installed package's schema as editors should reach it from the new file: a
 * relative path (which yaml-language-server resolves from the file) into the nearest
 * node_modules above the file that has it; undefined when there is none (npx, a global
 * install), so that the starter never points at a file that is not there.
 */
export function installedSchema(file: string): string | undefined {
  const dir = dirname(resolve(file));
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, INSTALLED_SCHEMA))) {
      const rel = relative(dir, join(d, INSTALLED_SCHEMA)).split(sep).join('/');
      return rel.startsWith('../') ? rel : `./${rel}`;
    }
    if (dirname(d) === d) return undefined;
  }
}

/**
 * A deal small enough to read at a glance that still shows every part of the format.
 * Asked for 15%, valuepack trades remote onboarding and payment up front for the
 * discount (a useful first answer); at most 25% can be met within its policy.
 */
function starterProposal(schema: string | undefined, path: string, run: string): string {
  const modeline = schema === undefined
    ? `# Editor completion: save "${run} schema" as ${SCHEMA_NAME} beside this file, and point a yaml-language-server $schema line at it.`
    : `# yaml-language-server: $schema=${schema}`;
  return `${modeline}
# A starter proposal for valuepack. Amounts are in the major unit of the currency
# (EUR: up to 2 decimals); percentages are strings such as "12.5%".
#   ${run} check ${shellWord(path)}
#   ${run} counter ${shellWord(path)} --discount 15%
proposal: Analytics platform, year one   # the title of the offer
customer: Example Customer Ltd
vendor: Example Software GmbH            # optional
currency: EUR                            # ISO 4217 code
policy:
  marginFloor: preserve   # keep the original margin ratio; or "40%" (a ratio), or an amount
  maxDiscount: 25%        # the largest headline discount ever shown
  approvals:              # who signs off a headline discount, by rising band
    - { upTo: 10%, approver: Account manager }
    - { upTo: 25%, approver: Sales director }
items:
  - id: licences          # ids are unique among siblings; levers are named item.lever
    name: Platform licences
    quantity: 50          # with unitPrice and unitCost; or price and cost as totals
    unitPrice: 2000
    unitCost: 600
  - id: onboarding
    name: Onboarding
    price: 20000          # value (what it is worth to the customer) defaults to the price
    levers:               # ways the scope of this item can change
      - id: scope
        name: Onboarding scope
        options:          # the first option is in the offer unless \`current\` names another
          - { name: Full onboarding on site, cost: 12000, value: 15000 }
          - { name: Remote onboarding, cost: 5000, value: 9000 }
  - id: support
    name: Support
    levers:
      - id: level
        name: Support level
        options:          # price: what an option adds to the list total (default 0: bundled)
          - { name: Premium 24x7, cost: 18000, value: 22000 }
          - { name: Business hours, cost: 8000, value: 12000 }
terms:                    # deal-level levers, named terms.<id>
  - id: payment
    name: Payment terms
    options:              # a negative cost saves the vendor money; a negative value is given up
      - { name: Net 60, cost: 0, value: 0 }
      - { name: Annual payment up front, cost: -4000, value: -3000 }
`;
}
