import type { Deal } from '../../src/engine/deal.js';
import { deal, type FloorSpec, type LeverSpec } from './builders.js';

/**
 * Seeded random deals far too large for brute force, shaped like real ones: each lever's
 * options run from the full scope down to little or nothing, value tracks cost with a
 * per-option premium, and the offer carries a margin of about 30%. The same options
 * always give the same deal, so tests and benchmarks can name an instance by its seed.
 */
export interface GenerateOptions {
  readonly seed: number;
  readonly levers: number;
  /** Options per lever (default 4). */
  readonly options?: number;
  readonly floor?: FloorSpec;
  readonly maxDiscount?: string;
  /** Share of levers whose options carry their own prices (default 0). */
  readonly priced?: number;
  /** Share of levers that are locked (default 0). */
  readonly locked?: number;
  /** Deal terms that save the vendor money, such as early payment (default 0). */
  readonly terms?: number;
  /** Discount already granted on the list total, e.g. "5%". */
  readonly discount?: string;
  readonly digits?: 0 | 2 | 3;
}

/** mulberry32: small, fast and good enough to spread test data; never for security. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVERS_PER_ITEM = 20;

export function generateDeal(o: GenerateOptions): Deal {
  const random = prng(o.seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const unit = 10 ** (o.digits ?? 2);
  const n = o.options ?? 4;

  const levers = Array.from({ length: o.levers }, (_, j) => {
    const full = between(10, 1_000) * unit + between(0, unit - 1);
    const priced = random() < (o.priced ?? 0);
    const options = Array.from({ length: n }, (_, k) => {
      // scope shrinks option by option; the last may cost nothing at all
      const cost = Math.round(full * Math.max(0, 1 - k / (n - 1 || 1) + (random() - 0.5) * 0.2));
      const value = Math.round(cost * (1.1 + random() * 0.7));
      return { name: `o${k}`, cost, value, price: priced ? Math.round(cost * 1.4) : 0 };
    });
    const current = random() < 0.9 ? 0 : between(0, n - 1);
    const spec: LeverSpec = { id: `l${j}`, options, current, locked: random() < (o.locked ?? 0) };
    return { spec, cost: options[current]!.cost, price: options[current]!.price };
  });

  const items = Array.from({ length: Math.ceil(o.levers / LEVERS_PER_ITEM) || 1 }, (_, i) => {
    const own = levers.slice(i * LEVERS_PER_ITEM, (i + 1) * LEVERS_PER_ITEM);
    const leverCost = own.reduce((s, l) => s + l.cost, 0);
    const leverPrice = own.reduce((s, l) => s + l.price, 0);
    const cost = 2 * leverCost + between(1, 100) * unit;
    // list = (all cost) / 0.7, of which the priced options already carry their part
    const price = Math.max(unit, Math.round((cost + leverCost) / 0.7) - leverPrice);
    return { id: `item${i}`, price, cost, levers: own.map((l) => l.spec) };
  });

  const terms: LeverSpec[] = Array.from({ length: o.terms ?? 0 }, (_, j) => {
    const saving = between(1, 200) * unit;
    return { id: `t${j}`, options: [{ cost: 0, value: 0 }, { cost: -saving, value: -Math.round(saving * (0.8 + random() * 0.6)) }] };
  });

  return deal({
    items, terms,
    digits: o.digits ?? 2,
    floor: o.floor ?? 'preserve',
    ...(o.maxDiscount !== undefined ? { maxDiscount: o.maxDiscount } : {}),
    ...(o.discount !== undefined ? { discount: o.discount } : {}),
    approvals: [['10%', 'Account manager'], ['20%', 'Regional director'], ['30%', 'Division head']],
  });
}
