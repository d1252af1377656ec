import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { CURRENCY_CODES } from './currencies.js';

/**
 * The proposal format, defined once. Types come from z.infer and the JSON Schema from
 * z.toJSONSchema; rules that need more than one field (ids, references, bands) live in
 * the engine's rules, where they can point at the exact node.
 *
 * zod/mini, not the full zod: the same validation, messages and JSON Schema, at a
 * fraction of the code to load and of the work to build the schemas — every command
 * pays that before it can read a file (about 15 ms of a ~100 ms start).
 */
z.config(en());

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema as z.ZodMiniType, { description });
  return schema;
};
const optional = <T extends z.ZodMiniType>(schema: T, description?: string) =>
  (description === undefined ? z.optional(schema) : described(z.optional(schema), description));

const PERCENT_PATTERN = '^\\s*[+-]?\\d+(\\.\\d+)?\\s*%\\s*$';

// Factories, not shared instances: a description registered on one use must not follow it elsewhere.
const percent = () => described(
  z.string().check(z.regex(new RegExp(PERCENT_PATTERN), { error: 'expected a percentage such as "12.5%"' })),
  'A percentage written as a string, such as "12.5%".');

const money = () => described(z.number({ error: 'expected an amount (a number in the major unit of the currency)' }),
  'An amount in the major unit of the currency, with no more decimals than the currency has.');

const id = () => described(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, {
  error: 'an id starts with a letter or "_" and holds only letters, digits, "_" and "-"',
})), 'Unique among its siblings; levers are referred to as item.lever or terms.lever.');

const name = () => z.string().check(z.minLength(1, { error: 'must not be empty' }));

export const optionSchema = z.strictObject({
  name: described(name(), 'How the option reads in an offer, e.g. "3 years".'),
  price: optional(money(), 'What the option adds to the list total (default 0: bundled).'),
  cost: optional(money(), 'What it costs the vendor to deliver (negative when it saves the vendor money).'),
  value: optional(money(), 'What it is worth to the customer (default: its price).'),
});

export const leverSchema = z.strictObject({
  id: id(),
  name: described(name(), 'What the lever changes, e.g. "Free support term".'),
  current: optional(z.string(), 'The option in the offer now (default: the first).'),
  locked: optional(z.boolean(), 'When true, the counter-offer never changes this lever.'),
  options: z.array(optionSchema).check(z.minLength(1, { error: 'a lever needs at least one option' })),
});

export const itemSchema = z.strictObject({
  id: id(),
  name: name(),
  quantity: optional(z.number().check(z.int({ error: 'expected a whole number' }), z.nonnegative({ error: 'must not be negative' })),
    'Number of units, with unitPrice and unitCost.'),
  unitPrice: optional(money()),
  unitCost: optional(money()),
  price: optional(money(), 'Total price of the item, instead of quantity × unitPrice.'),
  cost: optional(money(), 'Total cost of the item to the vendor, instead of quantity × unitCost.'),
  value: optional(money(), 'What the item is worth to the customer (default: its price).'),
  levers: optional(z.array(leverSchema)),
});

export const marginFloorSchema = z.union([z.literal('preserve'), percent(), money()], {
  error: 'expected "preserve", a percentage such as "22%", or an amount',
});

export const approvalSchema = z.strictObject({
  upTo: described(percent(), 'The largest headline discount this approver may sign off.'),
  approver: name(),
});

export const policySchema = z.strictObject({
  marginFloor: optional(marginFloorSchema,
    '"preserve" (default): keep the original margin ratio; "22%": a ratio; 2000000: an amount.'),
  maxDiscount: optional(percent(), 'The largest headline discount ever shown.'),
  approvals: optional(z.array(approvalSchema)),
});

export const proposalSchema = z.strictObject({
  proposal: described(name(), 'Title of the offer.'),
  customer: name(),
  vendor: optional(name()),
  currency: described(z.enum(CURRENCY_CODES as [string, ...string[]], { error: 'expected an ISO 4217 currency code such as "USD"' }),
    'ISO 4217 code; amounts may have no more decimals than it has.'),
  discount: optional(percent(), 'Discount already granted on the list total.'),
  policy: optional(policySchema),
  items: z.array(itemSchema).check(z.minLength(1, { error: 'a proposal needs at least one item' })),
  terms: optional(z.array(leverSchema), 'Deal-level levers: payment, commitment, ...'),
}).register(z.globalRegistry, { title: 'valuepack proposal' });

export type Proposal = z.infer<typeof proposalSchema>;
export type ItemInput = z.infer<typeof itemSchema>;
export type LeverInput = z.infer<typeof leverSchema>;
export type OptionInput = z.infer<typeof optionSchema>;

/** The JSON Schema editors use: draft-07, input side, so it accepts what valuepack accepts. */
export function proposalJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(proposalSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}
