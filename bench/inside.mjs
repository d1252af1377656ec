#!/usr/bin/env node
/**
 * Measurements taken inside one fresh process, against the built package (dist/), so
 * that every figure is a first call with the JIT cold, as on the command line. Prints
 * one JSON line; values in minor units, times in milliseconds.
 *
 *   node bench/inside.mjs solve FILE [--discount 15%] [--alternatives 1] [--time-limit-ms N]
 *       the search alone: the file is loaded untimed, then one counter() call is timed
 *   node bench/inside.mjs phases FILE [--yaml]
 *       a whole counter's parts: read, load (YAML, schema, model), search, JSON; with
 *       --yaml, the yaml package's parseDocument on the same text instead, for comparison
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { counter, isUsable, loadProposal, loadProposalText, parsePercent, renderCounterJson, wallClock } from '../dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    discount: { type: 'string', default: '15%' },
    alternatives: { type: 'string', default: '1' },
    'time-limit-ms': { type: 'string' },
    yaml: { type: 'boolean', default: false },
  },
});
const [mode, file] = positionals;
const request = { discount: parsePercent(values.discount, true) };

function lap(f) {
  const start = performance.now();
  const value = f();
  return [performance.now() - start, value];
}

function solve() {
  const loaded = loadProposal(file);
  if (!isUsable(loaded)) throw new Error(loaded.findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.message}`).join('\n'));
  const limit = values['time-limit-ms'];
  const [ms, r] = lap(() => counter(loaded.deal, request, {
    alternatives: Number(values.alternatives), clock: wallClock, ...(limit ? { timeLimit: Number(limit) } : {}),
  }));
  const best = r.alternatives[0];
  return {
    ms, feasible: r.feasible, optimal: r.optimal, value: best?.value ?? null, valueBound: r.valueBound,
    found: r.alternatives.length, changes: best?.changes.length ?? 0,
  };
}

async function phases() {
  const [readMs, source] = lap(() => readFileSync(file, 'utf8'));
  if (values.yaml) {
    const { parseDocument } = await import('yaml');
    const [yamlMs] = lap(() => parseDocument(source, { uniqueKeys: true }));
    return { readMs, yamlMs };
  }
  const [loadMs, loaded] = lap(() => loadProposalText(source, file));
  if (!loaded.deal) throw new Error(`${file} did not load: ${loaded.findings[0]?.message}`);
  const [counterMs, result] = lap(() => counter(loaded.deal, request, { alternatives: 3, clock: wallClock }));
  const [renderMs] = lap(() => renderCounterJson(result));
  return { readMs, loadMs, counterMs, renderMs };
}

if (mode !== 'solve' && mode !== 'phases') throw new Error('usage: node bench/inside.mjs solve|phases FILE [options]');
console.log(JSON.stringify(mode === 'solve' ? solve() : await phases()));
