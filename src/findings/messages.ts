import type { Args } from './types.js';

const did = (a: Args) => (a.suggestion ? ` (did you mean "${a.suggestion}"?)` : '');

/** Message text for every finding code, kept apart from the rules that raise them. */
const MESSAGES: Record<string, (a: Args) => string> = {
  'file-unreadable': (a) => `cannot read the file: ${a.reason}`,
  'file-too-large': (a) => `the file is ${a.size === undefined ? 'over' : `${a.size} bytes, over`} the limit of ${a.limit} bytes (see --max-file-size)`,
  'file-empty': () => 'the file is empty',
  'file-binary': () => 'the file is binary, not YAML text',
  'file-encoding': () => 'the file is not UTF-8 text',
  'file-directory': () => 'this is a directory, not a proposal file',
  'file-not-regular': (a) => `this is ${a.kind}, not a regular file (to read standard input, give -)`,
  'yaml-syntax': (a) => `YAML syntax error: ${a.detail}`,
  'yaml-duplicate-key': () => 'duplicate key: a key may appear only once in a mapping',
  'yaml-multiple-documents': () => 'the file holds several YAML documents; a proposal is one document',
  'yaml-tag': (a) => `unsupported YAML tag ${a.tag}`,
  'yaml-key-type': (a) => `keys must be strings, not ${a.key}`,
  'yaml-alias-limit': (a) => `too many aliases (more than ${a.limit}): refused as a possible alias bomb`,
  'yaml-too-many-nodes': (a) => `the document expands to more than ${a.limit} nodes: refused as a possible alias bomb`,
  'yaml-depth': (a) => `nesting deeper than ${a.limit} levels: refused`,
  'yaml-too-many-tokens': (a) => `more than ${a.limit} YAML tokens (keys, values and indicators): refused as too large for a proposal`,
  'findings-truncated': (a) => `and ${a.count} more finding${a.count === 1 ? '' : 's'}, not listed (at most ${a.limit} are listed per file)`,
  'number-not-finite': (a) => `${a.text} is not a finite number`,
  'number-inexact': (a) => `${a.text} cannot be represented exactly; write a smaller number or fewer digits`,
  'schema': (a) => String(a.detail),
  'missing-key': (a) => `missing required key "${a.key}"`,
  'unknown-key': (a) => `unknown key "${a.key}"${did(a)}`,
  'currency-unknown': (a) => `unknown ISO 4217 currency "${a.code}"${did(a)}`,
  'money-decimals': (a) => `${a.amount} has more decimals than ${a.currency} allows (${a.digits})`,
  'money-too-large': () => 'amounts add up beyond what can be computed exactly (about 9 × 10^15 minor units)',
  'percent-range': (a) => `${a.text} is outside 0%–100%`,
  'item-pricing-mixed': (a) => `item "${a.id}" mixes quantity/unitPrice/unitCost with price/cost; use one form`,
  'item-quantity-missing': (a) => `item "${a.id}" has a unit price or cost but no quantity`,
  'unknown-current': (a) => `"${a.current}" is not an option of ${a.lever}${did(a)}`,
  'currency-mismatch': (a) => `this offer is in ${a.new} but the old one is in ${a.old}: diff compares offers in one currency`,
  'offer-price-not-positive': () => 'the offer price is not positive, so there is nothing to discount',
  'duplicate-id': (a) => `${a.kind} id "${a.id}" is used twice in ${a.scope}; ids must be unique among siblings`,
  'duplicate-option': (a) => `option "${a.option}" appears twice in ${a.lever}; option names must be unique (current refers to them)`,
  'lever-path-clash': (a) => `lever path ${a.path} names both a lever of item "terms" and a deal term; rename the item`,
  'approvals-not-rising': (a) => `approval band up to ${a.upTo} does not rise above the band before it (${a.previous})`,
  'max-discount-beyond-approvals': (a) => `maxDiscount ${a.maxDiscount} is beyond the highest approval band (${a.highest}): nobody could sign it off`,
  'margin-floor-broken': (a) => `the offer as it stands has a margin of ${a.margin} ${a.currency} (${a.ratio}), below its own floor of ${a.floor}, before any discount`,
  'single-option': (a) => `lever ${a.lever} has only one option, so it can never change`,
  'dominated-option': (a) => `option "${a.option}" of ${a.lever} costs more and is worth less than "${a.better}" (and adds no more to the price)`,
  'free-option-no-value': (a) => `option "${a.option}" of ${a.lever} is free and has no value, so removing it looks costless to the customer; give it a value`,
  'no-levers': () => 'the proposal has no levers: only the price can move',
  'discount-not-absorbed': (a) => (a.max === undefined
    ? `cannot absorb a discount of ${a.discount} within its policy: no discount at all can be met`
    : `cannot absorb a discount of ${a.discount} within its policy; the most it can absorb is ${a.max}`) +
    (a.timeLimited ? ' (as far as the search could tell within its time limit)' : ''),
};

export function messageFor(code: string, args: Args): string {
  const make = MESSAGES[code];
  return make ? make(args) : code;
}

