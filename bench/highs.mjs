#!/usr/bin/env node
/**
 * The reference: a benchmark proposal's counter-offer as a 0–1 program for HiGHS.
 * Deliberately independent of valuepack's code, so that agreeing optima check both:
 * the YAML is read with the yaml package and the budget is computed here in BigInt.
 *
 * With unpriced options (all bench/generate.mjs writes) the price of every package is
 * the target T, so the policy is one exact budget: maximise Σ value·x subject to one
 * option per lever and Σ cost·x ≤ maxCost(T) − the items' cost.
 *
 *   node bench/highs.mjs FILE [--discount 15%] [--time-limit 60]   (prints one JSON line)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import loadHighs from 'highs';
import { parse } from 'yaml';

/** "12.5%" → { num, den } exactly. */
function percent(text) {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*%\s*$/.exec(String(text));
  if (!m) throw new Error(`not a percentage this reference handles: ${text}`);
  const decimals = m[2] ?? '';
  return { num: BigInt(m[1] + decimals), den: 100n * 10n ** BigInt(decimals.length) };
}

/** Whole minor units (USD: cents) of an amount written in the major unit. */
function cents(amount) {
  const c = Math.round(amount * 100);
  if (Math.abs(c - amount * 100) > 1e-6) throw new Error(`not an amount in cents: ${amount}`);
  return BigInt(c);
}

const floorDiv = (a, b) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** The multiple-choice knapsack a proposal's counter-offer comes down to, all in cents. */
export function knapsackOf(yamlText, discountText) {
  const p = parse(yamlText);
  if (p.currency !== 'USD' || p.discount !== undefined || p.terms !== undefined) throw new Error('outside the benchmark shape');
  const floor = percent(p.policy.marginFloor);
  let list = 0n;
  let itemCost = 0n;
  let itemValue = 0n;
  const levers = [];
  for (const it of p.items) {
    list += cents(it.price);
    itemCost += cents(it.cost);
    itemValue += cents(it.value ?? it.price);
    for (const l of it.levers ?? []) {
      if (l.current !== undefined || l.locked || l.options.some((o) => o.price)) throw new Error('outside the benchmark shape');
      // A counter-offer never moves a lever to an option worth more than its current one (DESIGN.md).
      const options = l.options.map((o) => ({ cost: cents(o.cost), value: cents(o.value ?? 0) }));
      levers.push(options.filter((o) => o.value <= options[0].value));
    }
  }
  const d = percent(discountText);
  const target = floorDiv(list * (d.den - d.num), d.den); // rounded down: the customer gets at least that
  const cap = p.policy.maxDiscount === undefined ? undefined : percent(p.policy.maxDiscount);
  if (cap && target * cap.den < list * (cap.den - cap.num)) throw new Error('the request is beyond maxDiscount');
  const budget = floorDiv(target * (floor.den - floor.num), floor.den);
  return { levers, capacity: budget - itemCost, baseValue: itemValue };
}

/**
 * Solve with HiGHS, exactly (relative gap 0), and check its answer on integers: one
 * option per lever, within the budget. Value in cents; `ms` covers building and solving.
 */
export function solveKnapsack(highs, { levers, capacity, baseValue }, timeLimitSeconds = 60) {
  const start = performance.now();
  const cols = levers.flatMap((opts) => opts);
  const leverOf = levers.flatMap((opts, j) => opts.map(() => j));
  const n = cols.length;
  // Rows 0..m−1: one option per lever; row m: the budget. Each column sits in two rows.
  const m = levers.length;
  const starts = Int32Array.from({ length: n + 1 }, (_, j) => 2 * j);
  const indices = Int32Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? leverOf[k >> 1] : m));
  const values = Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? 1 : Number(cols[k >> 1].cost)));
  const model = highs.createModel({
    numCols: n, numRows: m + 1, sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cols, (c) => Number(c.value)),
    colLower: new Float64Array(n), colUpper: new Float64Array(n).fill(1),
    rowLower: Float64Array.from({ length: m + 1 }, (_, i) => (i < m ? 1 : -highs.infinity)),
    rowUpper: Float64Array.from({ length: m + 1 }, (_, i) => (i < m ? 1 : Number(capacity))),
    matrix: { format: 'csc', numRows: m + 1, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: timeLimitSeconds });
    model.run();
    const status = model.getModelStatus();
    const optimal = status === highs.constants.modelStatus.optimal;
    const x = model.getSolution().colValue;
    const ms = performance.now() - start;
    let cost = 0n;
    let value = baseValue;
    let first = 0;
    for (let j = 0; j < m; j++) {
      const picked = levers[j].map((_, k) => first + k).filter((c) => Math.round(x[c]) === 1);
      if (picked.length !== 1) return { ms, optimal, value: null, problem: `lever ${j}: ${picked.length} options chosen` };
      cost += cols[picked[0]].cost;
      value += cols[picked[0]].value;
      first += levers[j].length;
    }
    if (cost > capacity) return { ms, optimal, value: null, problem: 'over budget once rounded' };
    return { ms, optimal, value: Number(value) };
  } finally {
    model.dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { discount: { type: 'string', default: '15%' }, 'time-limit': { type: 'string', default: '60' } },
  });
  const problem = knapsackOf(readFileSync(positionals[0], 'utf8'), values.discount);
  const highs = await loadHighs();
  console.log(JSON.stringify(solveKnapsack(highs, problem, Number(values['time-limit']))));
}
