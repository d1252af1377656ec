import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Request } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
import { agreed } from '../helpers/agree.js';
import { baseOf } from '../helpers/brute.js';
import { deal, type DealSpec, type FloorSpec, type LeverSpec, type OptionSpec } from '../helpers/builders.js';
import { runs } from '../helpers/runs.js';

/**
 * counter() against the brute-force oracle on small random proposals (≤ 7 levers of
 * ≤ 4 options). Amounts are drawn in minor units of a currency with 0, 2 or 3 digits,
 * so JPY-sized amounts tie often and KWD-sized ones exercise rounding.
 */
interface Case {
  readonly spec: DealSpec;
  readonly request: { readonly discount: number } | { readonly priceBp: number };
  readonly count: number;
  readonly keep: readonly boolean[];
  readonly addScope: boolean;
}

const bpText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
const rarely = fc.integer({ min: 0, max: 5 }).map((n) => n === 0);

function caseOf(digits: 0 | 2 | 3, scale: number): fc.Arbitrary<Case> {
  const unit = 10 ** digits * scale;
  const money = (lo: number, hi: number) => fc.integer({ min: lo * unit, max: hi * unit });
  // Values follow costs, give or take, so that scope trades against margin as in real deals.
  const option = (cost: fc.Arbitrary<number>, premium: fc.Arbitrary<number>, price: fc.Arbitrary<number>): fc.Arbitrary<OptionSpec> =>
    fc.record({ cost, premium, price }).map((o) => ({ cost: o.cost, value: o.cost + o.premium, price: o.price }));
  const lever = (o: fc.Arbitrary<OptionSpec>, minLength: number): fc.Arbitrary<Omit<LeverSpec, 'id'>> =>
    fc.record({ options: fc.array(o, { minLength, maxLength: 4 }), current: fc.nat(3), locked: rarely })
      .map((l) => ({ options: l.options, current: l.current % l.options.length, locked: l.locked }));
  const scope = (priced: boolean) => option(money(0, 40), money(-10, 30), priced ? money(0, 30) : fc.constant(0));
  const itemLever = fc.boolean().chain((priced) => lever(scope(priced), 2));
  const termLever = lever(option(money(-60, 5), money(-10, 10), fc.constant(0)), 1);
  const floor: fc.Arbitrary<FloorSpec> = fc.oneof(
    fc.constant('preserve' as const),
    fc.integer({ min: 0, max: 4_000 }).map((bp) => bpText(bp) as FloorSpec),
    money(0, 50),
  );
  return fc.record({
    items: fc.array(fc.record({ price: money(50, 200), costShare: fc.integer({ min: 0, max: 70 }) }), { minLength: 1, maxLength: 2 }),
    levers: fc.array(itemLever, { maxLength: 6 }),
    terms: fc.array(termLever, { maxLength: 1 }),
    floor,
    maxDiscount: fc.option(fc.integer({ min: 500, max: 5_000 }), { nil: undefined, freq: 2 }),
    discount: fc.option(fc.integer({ min: 1, max: 2_000 }), { nil: undefined, freq: 2 }),
    approvals: fc.uniqueArray(fc.integer({ min: 0, max: 5_000 }), { maxLength: 3 }),
    request: fc.oneof(
      fc.record({ discount: fc.integer({ min: 0, max: 30_000 }) }), // thousandths of a percent
      fc.record({ priceBp: fc.integer({ min: 5_000, max: 11_000 }) }),
    ),
    count: fc.integer({ min: 1, max: 5 }),
    keep: fc.array(rarely, { minLength: 7, maxLength: 7 }),
    addScope: rarely,
  }).map((r): Case => ({
    spec: {
      digits,
      floor: r.floor,
      ...(r.maxDiscount !== undefined ? { maxDiscount: bpText(r.maxDiscount) } : {}),
      ...(r.discount !== undefined ? { discount: bpText(r.discount) } : {}),
      approvals: [...r.approvals].sort((a, b) => a - b).map((bp, i) => [bpText(bp), `approver ${i + 1}`] as const),
      items: r.items.map((it, i) => ({
        id: `item${i}`,
        price: it.price,
        cost: Math.floor((it.price * it.costShare) / 100),
        levers: r.levers.filter((_, j) => j % r.items.length === i).map((l, j) => ({ ...l, id: `l${j}` })),
      })),
      terms: r.terms.map((l, j) => ({ ...l, id: `t${j}` })),
    },
    request: r.request,
    count: r.count,
    keep: r.keep,
    addScope: r.addScope,
  }));
}

// A quarter of the cases scale every amount a millionfold, towards the float bounds' limits.
const cases = fc.tuple(fc.constantFrom(0 as const, 2 as const, 3 as const), fc.constantFrom(1, 1, 1, 1_000_003))
  .chain(([digits, scale]) => caseOf(digits, scale));

/** How often each feature the issue names was exercised, to prove the cases cover it. */
const seen = new Map<string, number>();
const see = (feature: string, when = true) => {
  if (when) seen.set(feature, (seen.get(feature) ?? 0) + 1);
};

function check(c: Case): void {
  const d = deal(c.spec);
  const offer = baseOf(d).offer;
  const request: Request = 'discount' in c.request
    ? { discount: ratio(c.request.discount, 100_000) }
    : { price: Math.floor((offer * c.request.priceBp) / 10_000) };
  const keep = d.levers.filter((_, j) => c.keep[j]).map((l) => l.path);
  const r = agreed(d, request, c.count, keep, c.addScope);

  see(`digits ${d.digits}`);
  see(`floor ${d.policy.marginFloor.kind}`);
  see(`${'discount' in request ? 'discount' : 'price'} request`);
  see(`K=${c.count}`);
  see('locked lever', d.levers.some((l) => l.locked));
  see('kept lever', keep.length > 0);
  see('priced option', d.levers.some((l) => l.options.some((o) => o.price !== l.options[0]!.price)));
  see('negative-cost term', d.levers.some((l) => l.path.startsWith('terms.') && l.options.some((o) => o.cost < 0)));
  see('proposal discount', d.discount.num > 0n);
  see('price below target', r.alternatives.some((a) => a.price < r.request.price));
  see('feasible', r.feasible === true);
  see('at max discount', r.atMaxDiscount !== undefined);
  see('nothing feasible', r.maxDiscountBp === null);
  see('several alternatives', (r.atMaxDiscount ?? r).alternatives.length > 1);
  see('large amounts', offer > 1e8);
  see('add scope', c.addScope);
  see('upgrade taken', c.addScope && r.alternatives.some((a) => a.changes.some((ch) => ch.valueDelta > 0)));
  see('list discount below headline', r.alternatives.some((a) => a.list < r.original.list));
}

const FEATURES = ['digits 0', 'digits 2', 'digits 3', 'floor preserve', 'floor ratio', 'floor amount',
  'discount request', 'price request', 'K=1', 'K=2', 'K=3', 'K=4', 'K=5', 'locked lever', 'kept lever',
  'priced option', 'negative-cost term', 'proposal discount', 'price below target', 'feasible',
  'at max discount', 'nothing feasible', 'several alternatives', 'large amounts', 'add scope', 'upgrade taken',
  'list discount below headline'];

// Fixed by default for reproducible runs; SEED and RUNS (or VALUEPACK_DEEP) explore further after an engine change.
const params = { seed: Number(process.env.SEED ?? 42), numRuns: Number(process.env.RUNS ?? runs(500)) };

test(`counter() equals the brute-force oracle on ${params.numRuns} random proposals`, () => {
  fc.assert(fc.property(cases, check), params);
  const rare = FEATURES.filter((f) => (seen.get(f) ?? 0) < 20);
  expect(rare, JSON.stringify(Object.fromEntries(seen))).toEqual([]);
}, 300_000);
