import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../api/files.js';
import type { Output } from './output.js';

/** Where the schema is once valuepack is installed in a project (see docs/check.md). */
const INSTALLED_SCHEMA = 'node_modules/valuepack/schema/proposal.schema.json';

/** `valuepack init [FILE]`: a commented starter proposal; never replaces a file without --force. */
export function initCommand(path: string, opts: { readonly force?: boolean }, out: Output): number {
  writeFileAtomic(path, starterProposal(schemaReference(path), path), opts.force ?? false);
  out.info(`wrote a starter proposal to ${path}; try: valuepack counter ${path} --discount 15%`);
  return 0;
}

/**
 * The schema as editors should reach it from the new file: a relative path (which
 * yaml-language-server resolves from the file) to the installed package's copy in the
 * nearest node_modules above the file, else in the current directory's node_modules.
 */
export function schemaReference(file: string): string {
  const dir = dirname(resolve(file));
  let target = resolve(INSTALLED_SCHEMA);
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, INSTALLED_SCHEMA))) {
      target = join(d, INSTALLED_SCHEMA);
      break;
    }
    if (dirname(d) === d) break;
  }
  const rel = relative(dir, target).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/**
 * A deal small enough to read at a glance that still shows every part of the format.
 * Asked for 15%, valuepack trades remote onboarding and payment up front for the
 * discount (a useful first answer); at most 25% can be met within its policy.
 */
function starterProposal(schema: string, path: string): string {
  return `# yaml-language-server: $schema=${schema}
# A starter proposal for valuepack. Amounts are in the major unit of the currency
# (EUR: up to 2 decimals); percentages are strings such as "12.5%".
#   valuepack check ${path}
#   valuepack counter ${path} --discount 15%
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
