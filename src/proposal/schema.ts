import { z } from 'zod';
import { CURRENCY_CODES } from './currencies.js';

/**
 * The proposal format, defined once. Types come from z.infer and the JSON Schema from
 * z.toJSONSchema; rules that need more than one field (ids, references, bands) live in
 * the engine's rules, where they can point at the exact node.
 */

const PERCENT_PATTERN = '^\\s*[+-]?\\d+(\\.\\d+)?\\s*%\\s*$';

const percent = z.string().regex(new RegExp(PERCENT_PATTERN), { error: 'expected a percentage such as "12.5%"' })
  .meta({ description: 'A percentage written as a string, such as "12.5%".' });

const money = z.number({ error: 'expected an amount (a number in the major unit of the currency)' })
  .meta({ description: 'An amount in the major unit of the currency, with no more decimals than the currency has.' });

const id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, {
  error: 'an id starts with a letter or "_" and holds only letters, digits, "_" and "-"',
}).meta({ description: 'Unique among its siblings; levers are referred to as item.lever or terms.lever.' });

const name = z.string().min(1, { error: 'must not be empty' });

export const optionSchema = z.strictObject({
  name: name.meta({ description: 'How the option reads in an offer, e.g. "3 years".' }),
  price: money.optional().meta({ description: 'What the option adds to the list total (default 0: bundled).' }),
  cost: money.optional().meta({ description: 'What it costs the vendor to deliver (negative when it saves the vendor money).' }),
  value: money.optional().meta({ description: 'What it is worth to the customer (default: its price).' }),
});

export const leverSchema = z.strictObject({
  id,
  name: name.meta({ description: 'What the lever changes, e.g. "Free support term".' }),
  current: z.string().optional().meta({ description: 'The option in the offer now (default: the first).' }),
  locked: z.boolean().optional().meta({ description: 'When true, the counter-offer never changes this lever.' }),
  options: z.array(optionSchema).min(1, { error: 'a lever needs at least one option' }),
});

export const itemSchema = z.strictObject({
  id,
  name,
  quantity: z.number().int({ error: 'expected a whole number' }).nonnegative({ error: 'must not be negative' })
    .optional().meta({ description: 'Number of units, with unitPrice and unitCost.' }),
  unitPrice: money.optional(),
  unitCost: money.optional(),
  price: money.optional().meta({ description: 'Total price of the item, instead of quantity × unitPrice.' }),
  cost: money.optional().meta({ description: 'Total cost of the item to the vendor, instead of quantity × unitCost.' }),
  value: money.optional().meta({ description: 'What the item is worth to the customer (default: its price).' }),
  levers: z.array(leverSchema).optional(),
});

export const marginFloorSchema = z.union([z.literal('preserve'), percent, money], {
  error: 'expected "preserve", a percentage such as "22%", or an amount',
});

export const approvalSchema = z.strictObject({
  upTo: percent.meta({ description: 'The largest headline discount this approver may sign off.' }),
  approver: name,
});

export const policySchema = z.strictObject({
  marginFloor: marginFloorSchema.optional()
    .meta({ description: '"preserve" (default): keep the original margin ratio; "22%": a ratio; 2000000: an amount.' }),
  maxDiscount: percent.optional().meta({ description: 'The largest headline discount ever shown.' }),
  approvals: z.array(approvalSchema).optional(),
});

export const proposalSchema = z.strictObject({
  proposal: name.meta({ description: 'Title of the offer.' }),
  customer: name,
  vendor: name.optional(),
  currency: z.enum(CURRENCY_CODES as [string, ...string[]], { error: 'expected an ISO 4217 currency code such as "USD"' })
    .meta({ description: 'ISO 4217 code; amounts may have no more decimals than it has.' }),
  discount: percent.optional().meta({ description: 'Discount already granted on the list total.' }),
  policy: policySchema.optional(),
  items: z.array(itemSchema).min(1, { error: 'a proposal needs at least one item' }),
  terms: z.array(leverSchema).optional().meta({ description: 'Deal-level levers: payment, commitment, ...' }),
}).meta({ title: 'valuepack proposal' });

export type Proposal = z.infer<typeof proposalSchema>;
export type ItemInput = z.infer<typeof itemSchema>;
export type LeverInput = z.infer<typeof leverSchema>;
export type OptionInput = z.infer<typeof optionSchema>;

/** The JSON Schema editors use: draft-07, input side, so it accepts what valuepack accepts. */
export function proposalJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(proposalSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}
