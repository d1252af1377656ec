import type { Deal, DealItem, DealLever, DealOption, MarginFloor } from '../engine/deal.js';
import { ratio, ZERO, type Ratio } from '../engine/ratio.js';
import { error, type Finding, type Path } from './findings.js';
import { currencyDigits } from './currencies.js';
import { parsePercent, plainDecimal, toMinorUnits } from './decimal.js';
import type { LeverInput, Proposal } from './schema.js';
import { suggest } from './suggest.js';

/**
 * Turns a schema-valid proposal into the engine's Deal: exact minor units, exact
 * ratios, flattened levers. Everything that cannot be represented exactly, or that a
 * lever cannot mean (an unknown `current`), is a finding at its node.
 */
export function buildDeal(p: Proposal): { deal?: Deal; findings: Finding[] } {
  const findings: Finding[] = [];
  const digits = currencyDigits(p.currency)!; // the schema admits only known codes
  let magnitude = 0n;
  const money = (n: number | undefined, path: Path, fallback = 0): number => {
    if (n === undefined) return fallback;
    const units = toMinorUnits(plainDecimal(n), digits);
    if (typeof units !== 'bigint') {
      findings.push(error('money-decimals', path, { amount: plainDecimal(n), currency: p.currency, digits }));
      return 0;
    }
    return track(units, path);
  };
  const track = (units: bigint, path: Path): number => {
    magnitude += units < 0n ? -units : units;
    if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
      if (!findings.some((f) => f.code === 'money-too-large')) findings.push(error('money-too-large', path, {}));
      return 0;
    }
    return Number(units);
  };
  const pct = (text: string | undefined, path: Path, fallback: Ratio): Ratio => {
    if (text === undefined) return fallback;
    const r = parsePercent(text)!; // the schema's pattern guarantees a parse
    if (r.num < 0n || r.num > r.den) findings.push(error('percent-range', path, { percent: r }));
    return r;
  };

  const items: DealItem[] = [];
  const levers: DealLever[] = [];
  p.items.forEach((it, i) => {
    const at: Path = ['items', i];
    if (it.quantity !== undefined || it.unitPrice !== undefined || it.unitCost !== undefined) {
      if (it.price !== undefined || it.cost !== undefined) findings.push(error('item-pricing-mixed', at, { id: it.id }));
      if (it.quantity === undefined) findings.push(error('item-quantity-missing', at, { id: it.id }));
    }
    const q = BigInt(it.quantity ?? 0);
    const price = it.quantity !== undefined
      ? track(q * BigInt(money(it.unitPrice, [...at, 'unitPrice'])), [...at, 'unitPrice'])
      : money(it.price, [...at, 'price']);
    const cost = it.quantity !== undefined
      ? track(q * BigInt(money(it.unitCost, [...at, 'unitCost'])), [...at, 'unitCost'])
      : money(it.cost, [...at, 'cost']);
    items.push({
      id: it.id, name: it.name, price, cost, value: money(it.value, [...at, 'value'], price), source: at,
      ...(it.quantity !== undefined ? { quantity: it.quantity, unitPrice: money(it.unitPrice, [...at, 'unitPrice']) } : {}),
    });
    (it.levers ?? []).forEach((l, j) => levers.push(lever(l, `${it.id}.${l.id}`, [...at, 'levers', j])));
  });
  (p.terms ?? []).forEach((l, j) => levers.push(lever(l, `terms.${l.id}`, ['terms', j])));

  function lever(l: LeverInput, path: string, at: Path): DealLever {
    const options: DealOption[] = l.options.map((o, k) => {
      const oat: Path = [...at, 'options', k];
      const price = money(o.price, [...oat, 'price']);
      return { name: o.name, price, cost: money(o.cost, [...oat, 'cost']), value: money(o.value, [...oat, 'value'], price) };
    });
    let current = 0;
    if (l.current !== undefined) {
      current = options.findIndex((o) => o.name === l.current);
      if (current < 0) {
        findings.push(error('unknown-current', [...at, 'current'], {
          lever: path, current: l.current, suggestion: suggest(l.current, options.map((o) => o.name)),
        }));
        current = 0;
      }
    }
    return { path, name: l.name, current, locked: l.locked ?? false, options, source: at };
  }

  const policy = p.policy ?? {};
  const floorInput = policy.marginFloor ?? 'preserve';
  let marginFloor: MarginFloor;
  if (floorInput === 'preserve') marginFloor = { kind: 'preserve' };
  else if (typeof floorInput === 'string') marginFloor = { kind: 'ratio', ratio: pct(floorInput, ['policy', 'marginFloor'], ZERO) };
  else marginFloor = { kind: 'amount', amount: money(floorInput, ['policy', 'marginFloor']) };
  const maxDiscount = policy.maxDiscount === undefined ? undefined : pct(policy.maxDiscount, ['policy', 'maxDiscount'], ratio(1));
  const approvals = (policy.approvals ?? []).map((a, i) => ({
    upTo: pct(a.upTo, ['policy', 'approvals', i, 'upTo'], ZERO), approver: a.approver,
  }));

  const discount = pct(p.discount, ['discount'], ZERO);
  if (findings.length > 0) return { findings };
  return {
    findings,
    deal: {
      title: p.proposal, customer: p.customer, ...(p.vendor !== undefined ? { vendor: p.vendor } : {}),
      currency: p.currency, digits, discount,
      policy: { marginFloor, ...(maxDiscount ? { maxDiscount } : {}), approvals }, items, levers,
    },
  };
}
