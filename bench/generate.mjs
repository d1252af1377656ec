/**
 * Seeded benchmark proposals, written as YAML: `levers` levers of 4 options each, ten
 * levers to an item, costs and values correlated, a 25% margin floor. The offer is
 * sized so that a 15% request can be met only by giving up about a third of the scope
 * the levers can shed: most levers matter, and the LP split falls mid-way.
 *
 * Options carry no prices, so the counter-offer's price is fixed at the target and the
 * problem is exactly the multiple-choice knapsack "max value, cost ≤ budget" that
 * bench/highs.mjs hands to HiGHS. In the hard shape every option's value is its cost
 * plus a constant, so maximising value is maximising cost under the budget: subset-sum.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOOR_PERCENT = 25;
export const REQUEST_PERCENT = 15;
const LEVERS_PER_ITEM = 10;
/** Share of the sheddable lever cost that the 15% request forces out. */
const CUT = 0.35;
/** The hard shape's value premium over cost, per option, in cents. */
const HARD_PREMIUM = 100_000;

/** mulberry32: small, fast and reproducible; never for security. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cents as a USD amount in the major unit, as a proposal writes it. */
const usd = (cents) => (cents / 100).toFixed(2);

/** The proposal's YAML text. `shape` is 'correlated', 'hard' or 'noisy'. Amounts are computed in cents. */
export function proposalYaml({ levers, shape = 'correlated', seed = 1 }) {
  const random = prng(seed * 7919 + levers);
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  let topCost = 0;
  let bottomCost = 0;
  const leverText = [];
  for (let j = 0; j < levers; j++) {
    const full = between(100_000, 5_000_000);
    // Scope shrinks option by option: about 100%, 70%, 40% and 10% of the full cost.
    const costs = [1, 0.7, 0.4, 0.1].map((f, k) => (k === 0 ? full : Math.round(full * (f + (random() - 0.5) * 0.1))));
    const values = costs.map((c) => (shape === 'hard' ? c + HARD_PREMIUM
      : shape === 'noisy' ? c + between(0, 300) // worth about their cost: value = cost + 0–3 dollars
      : Math.round(c * (1.15 + random() * 0.5))));
    topCost += costs[0];
    bottomCost += costs[3];
    const options = costs.map((c, k) => `          - { name: level ${k}, cost: ${usd(c)}, value: ${usd(values[k])} }`);
    leverText.push([`      - id: l${j}`, `        name: Lever ${j}`, '        options:', ...options].join('\n'));
  }
  // Items carry half the levers' cost again; the offer O is chosen so that at 15% off the
  // 25% floor leaves a budget CUT of the sheddable cost below the original cost.
  const itemCount = Math.ceil(levers / LEVERS_PER_ITEM);
  const itemCost = Math.round(topCost / 2);
  const budget = itemCost + topCost - CUT * (topCost - bottomCost);
  const offer = Math.round(budget / ((1 - REQUEST_PERCENT / 100) * (1 - FLOOR_PERCENT / 100)));
  const items = [];
  for (let i = 0; i < itemCount; i++) {
    const share = (total) => Math.floor(total / itemCount) + (i === 0 ? total % itemCount : 0);
    items.push([
      `  - id: area${i}`, `    name: Area ${i}`, `    price: ${usd(share(offer))}`, `    cost: ${usd(share(itemCost))}`, '    levers:',
      ...leverText.slice(i * LEVERS_PER_ITEM, (i + 1) * LEVERS_PER_ITEM),
    ].join('\n'));
  }
  return [
    `proposal: Benchmark, ${levers} levers (${shape})`,
    'customer: Benchmark customer',
    'currency: USD',
    'policy:',
    `  marginFloor: ${FLOOR_PERCENT}%`,
    '  maxDiscount: 30%',
    '  approvals:',
    '    - { upTo: 10%, approver: Account manager }',
    '    - { upTo: 30%, approver: Sales director }',
    'items:',
    ...items,
    '',
  ].join('\n');
}

/** Write one proposal into `dir`; returns its path. */
export function writeProposal(dir, spec) {
  const file = join(dir, `${spec.shape ?? 'correlated'}-${spec.levers}.yaml`);
  writeFileSync(file, proposalYaml(spec));
  return file;
}
