import type { Ratio } from '../engine/ratio.js';
import type { Finding } from './findings.js';
import { AS_WRITTEN, formatMoney, formatPercent } from './numbers.js';

/** A suggestion for a near miss, when there is one. */
interface Suggestion { readonly suggestion?: string | undefined }
const did = (a: Suggestion) => (a.suggestion ? ` (did you mean "${a.suggestion}"?)` : '');

type Text = string;
type Count = number;

/** An amount in minor units, with its currency; people read it as "7,500,000 USD". */
interface Money { readonly units: Count; readonly digits: Count; readonly currency: Text }
const money = (m: Money) => `${formatMoney(m.units, m.digits)} ${m.currency}`;
/** An exact share (1/4 is 25%). A percentage from a file or a flag reads as written ("12.5%"). */
type Share = Ratio;
/** An exact decimal number as written ("12.345"), which a double might not hold. */
type Decimal = Text;
const percent = (r: Share) => formatPercent(r, AS_WRITTEN);

/**
 * Message text for every finding code, kept apart from the rules that raise them. The
 * codes, and the arguments each takes, are this table's: a finding cannot be raised
 * with a code that has no message, nor with arguments its message does not take.
 */
export const MESSAGES = {
  'file-unreadable': (a: { reason: Text }) => `cannot read the file: ${a.reason}`,
  'file-too-large': (a: { size?: Count; limit: Count }) => `the file is ${a.size === undefined ? 'over' : `${a.size} bytes, over`} the limit of ${a.limit} bytes (see --max-file-size)`,
  'file-empty': () => 'the file is empty',
  'file-binary': () => 'the file is binary, not YAML text',
  'file-encoding': () => 'the file is not UTF-8 text',
  'file-directory': () => 'this is a directory, not a proposal file',
  'file-not-regular': (a: { kind: Text }) => `this is ${a.kind}, not a regular file (to read standard input, give -)`,
  'yaml-syntax': (a: { detail: Text }) => `YAML syntax error: ${a.detail}`,
  'yaml-duplicate-key': (_a: { detail?: Text }) => 'duplicate key: a key may appear only once in a mapping',
  'yaml-multiple-documents': (_a: { detail?: Text }) => 'the file holds several YAML documents; a proposal is one document',
  'yaml-tag': (a: { tag: Text }) => `unsupported YAML tag ${a.tag}`,
  'yaml-key-type': (a: { key: Text }) => `keys must be strings, not ${a.key}`,
  'yaml-alias-limit': (a: { limit: Count }) => `too many aliases (more than ${a.limit}): refused as a possible alias bomb`,
  'yaml-too-many-nodes': (a: { limit: Count }) => `the document expands to more than ${a.limit} nodes: refused as a possible alias bomb`,
  'yaml-depth': (a: { limit: Count }) => `nesting deeper than ${a.limit} levels: refused`,
  'yaml-too-many-tokens': (a: { limit: Count }) => `more than ${a.limit} YAML tokens (keys, values and indicators): refused as too large for a proposal (a larger --max-file-size raises the limit in proportion)`,
  'findings-truncated': (a: { count: Count; limit: Count }) => `and ${a.count} more finding${a.count === 1 ? '' : 's'}, not listed (at most ${a.limit} are listed per file)`,
  'number-not-finite': (a: { text: Text }) => `${a.text} is not a finite number`,
  'number-inexact': (a: { text: Text }) => `${a.text} cannot be represented exactly; write a smaller number or fewer digits`,
  'schema': (a: { detail: Text }) => a.detail,
  'missing-key': (a: { key: Text }) => `missing required key "${a.key}"`,
  'unknown-key': (a: { key: Text; hint?: Text } & Suggestion) => `unknown key "${a.key}"${a.hint ? `; ${a.hint}` : did(a)}`,
  'currency-unknown': (a: { code: Text } & Suggestion) => `unknown ISO 4217 currency "${a.code}"${did(a)}`,
  'money-decimals': (a: { amount: Decimal; currency: Text; digits: Count }) => `${a.amount} has more decimals than ${a.currency} allows (${a.digits})`,
  'money-too-large': () => 'amounts add up beyond what can be computed exactly (about 9 × 10^15 minor units)',
  'percent-range': (a: { percent: Share }) => `${percent(a.percent)} is outside 0%–100%`,
  'item-pricing-mixed': (a: { id: Text }) => `item "${a.id}" mixes quantity/unitPrice/unitCost with price/cost; use one form`,
  'item-quantity-missing': (a: { id: Text }) => `item "${a.id}" has a unit price or cost but no quantity`,
  'unknown-current': (a: { current: Text; lever: Text } & Suggestion) => `"${a.current}" is not an option of ${a.lever}${did(a)}`,
  'currency-mismatch': (a: { old: Text; new: Text }) => `this offer is in ${a.new} but the old one is in ${a.old}: diff compares offers in one currency`,
  'offer-price-not-positive': () => 'the offer price is not positive, so there is nothing to discount',
  'duplicate-id': (a: { kind: Text; id: Text; scope: Text }) => `${a.kind} id "${a.id}" is used twice in ${a.scope}; ids must be unique among siblings`,
  'duplicate-option': (a: { option: Text; lever: Text }) => `option "${a.option}" appears twice in ${a.lever}; option names must be unique (current refers to them)`,
  'lever-path-clash': (a: { path: Text }) => `lever path ${a.path} names both a lever of item "terms" and a deal term; rename the item`,
  'approvals-not-rising': (a: { upTo: Share; previous: Share }) => `approval band up to ${percent(a.upTo)} does not rise above the band before it (${percent(a.previous)})`,
  'max-discount-beyond-approvals': (a: { maxDiscount: Share; highest: Share }) => `maxDiscount ${percent(a.maxDiscount)} is beyond the highest approval band (${percent(a.highest)}): nobody could sign it off`,
  'margin-floor-broken': (a: { margin: Money; ratio: Share; floor: Money | Share }) => `the offer as it stands has a margin of ${money(a.margin)} (${formatPercent(a.ratio)}), below its own floor of ${'units' in a.floor ? money(a.floor) : percent(a.floor)}, before any discount`,
  'offer-loses-money': (a: { cost: Money; price: Money }) => `the offer loses money as it stands: it costs ${money(a.cost)} to deliver and is priced at ${money(a.price)}; no counter-offer can be margin-safe`,
  'discount-over-cap': (a: { discount: Share; maxDiscount: Share }) => `the discount already granted (${percent(a.discount)}) is beyond the policy's maxDiscount of ${percent(a.maxDiscount)}: no further discount can be met`,
  'single-option': (a: { lever: Text }) => `lever ${a.lever} has only one option, so it can never change`,
  'dominated-option': (a: { option: Text; better: Text; lever: Text }) => `option "${a.option}" of ${a.lever} costs more and is worth less than "${a.better}" (and adds no more to the price)`,
  'free-option-no-value': (a: { option: Text; lever: Text }) => `option "${a.option}" of ${a.lever} is free and has no value, so removing it looks costless to the customer; give it a value`,
  'no-levers': () => 'the proposal has no levers: only the price can move',
  'discount-not-absorbed': (a: { discount: Share; max?: Share; timeLimited?: true }) => (a.max === undefined
    ? `cannot absorb a discount of ${percent(a.discount)} within its policy: no discount at all can be met`
    : `cannot absorb a discount of ${percent(a.discount)} within its policy; the most it can absorb is ${percent(a.max)}`) +
    (a.timeLimited ? ' (as far as the search could tell within its time limit)' : ''),
} as const;

export type FindingCode = keyof typeof MESSAGES;
/** The arguments a code's message takes (`{}` for a message that takes none). */
export type ArgsOf<C extends FindingCode> = Parameters<(typeof MESSAGES)[C]> extends [infer A] ? A : Record<never, never>;

export function messageFor(f: Finding): string {
  return (MESSAGES[f.code] as (a: unknown) => string)(f.args);
}
