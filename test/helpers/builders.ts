import type { Deal, DealLever, DealOption, MarginFloor } from '../../src/engine/deal.js';
import { ratio, ZERO, type Ratio } from '../../src/engine/ratio.js';

/**
 * Terse `Deal`s for engine tests. Amounts are integers in minor units, as the engine
 * sees them, so a test states exactly the numbers it reasons about; `digits` only
 * names the currency the amounts belong to.
 */
export interface OptionSpec {
  readonly name?: string;
  readonly price?: number;
  readonly cost?: number;
  /** Default: the option's price, as in the proposal format. */
  readonly value?: number;
}

export interface LeverSpec {
  readonly id: string;
  /** Index of the current option (default 0). */
  readonly current?: number;
  readonly locked?: boolean;
  readonly options: readonly OptionSpec[];
}

export interface ItemSpec {
  readonly id: string;
  readonly price?: number;
  readonly cost?: number;
  /** Default: the item's price. */
  readonly value?: number;
  readonly levers?: readonly LeverSpec[];
}

export type FloorSpec = 'preserve' | `${number}%` | number;

export interface DealSpec {
  readonly items?: readonly ItemSpec[];
  readonly terms?: readonly LeverSpec[];
  /** Discount already granted, e.g. "5%". */
  readonly discount?: string;
  readonly digits?: 0 | 2 | 3;
  readonly floor?: FloorSpec;
  readonly maxDiscount?: string;
  /** [upTo, approver] bands in order. */
  readonly approvals?: readonly (readonly [string, string])[];
}

const CURRENCY = { 0: 'JPY', 2: 'USD', 3: 'KWD' } as const;

/** "12.5%" → 125/1000, exactly. */
export function pct(text: string): Ratio {
  const m = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (!m) throw new Error(`not a percentage: ${text}`);
  const frac = m[2] ?? '';
  return ratio(BigInt(m[1]! + frac), 100n * 10n ** BigInt(frac.length));
}

/** An option as `[cost, value]` or `[cost, value, price]`, named by its position. */
export function opts(...specs: readonly (readonly [number, number, number?])[]): OptionSpec[] {
  return specs.map(([cost, value, price = 0]) => ({ cost, value, price }));
}

function marginFloor(f: FloorSpec): MarginFloor {
  if (f === 'preserve') return { kind: 'preserve' };
  if (typeof f === 'number') return { kind: 'amount', amount: f };
  return { kind: 'ratio', ratio: pct(f) };
}

function lever(l: LeverSpec, path: string, source: (string | number)[]): DealLever {
  const options = l.options.map((o, k): DealOption => {
    const price = o.price ?? 0;
    return { name: o.name ?? `${l.id}${k}`, price, cost: o.cost ?? 0, value: o.value ?? price };
  });
  return { path, name: l.id, current: l.current ?? 0, locked: l.locked ?? false, options, source };
}

export function deal(spec: DealSpec): Deal {
  const digits = spec.digits ?? 2;
  const items = spec.items ?? [];
  const levers = [
    ...items.flatMap((it, i) => (it.levers ?? []).map((l, j) => lever(l, `${it.id}.${l.id}`, ['items', i, 'levers', j]))),
    ...(spec.terms ?? []).map((l, j) => lever(l, `terms.${l.id}`, ['terms', j])),
  ];
  return {
    title: 'test deal',
    customer: 'test customer',
    currency: CURRENCY[digits],
    digits,
    discount: spec.discount === undefined ? ZERO : pct(spec.discount),
    policy: {
      marginFloor: marginFloor(spec.floor ?? 'preserve'),
      ...(spec.maxDiscount !== undefined ? { maxDiscount: pct(spec.maxDiscount) } : {}),
      approvals: (spec.approvals ?? []).map(([upTo, approver]) => ({ upTo: pct(upTo), approver })),
    },
    items: items.map((it, i) => ({
      id: it.id, name: it.id, price: it.price ?? 0, cost: it.cost ?? 0, value: it.value ?? it.price ?? 0, source: ['items', i],
    })),
    levers,
  };
}
