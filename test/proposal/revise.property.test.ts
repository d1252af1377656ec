import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { counter, originalMetrics } from '../../src/engine/counter.js';
import { ratio } from '../../src/engine/ratio.js';
import { loadProposalText } from '../../src/proposal/load.js';
import { reviseForPick, scalarText } from '../../src/proposal/revise.js';
import { ROOT } from '../helpers/run.js';

/** Every fixture that loads, as written and with CRLF line ends and no final newline. */
function inputs(): [string, string][] {
  const files = globSync('fixtures/**/*.yaml', { cwd: ROOT }).sort();
  const usable = files.flatMap((f): [string, string][] => {
    try {
      const source = readFileSync(`${ROOT}${f}`, 'utf8');
      const loaded = loadProposalText(source, f);
      return loaded.deal && loaded.findings.length === 0 && originalMetrics(loaded.deal).price > 0 ? [[f, source]] : [];
    } catch {
      return []; // a directory named x.yaml
    }
  });
  const telecom = usable.find(([f]) => f.endsWith('telecom-switching.yaml'))!;
  return [...usable, [`${telecom[0]} (CRLF)`, telecom[1].replace(/\n/g, '\r\n')], [`${telecom[0]} (no final newline)`, telecom[1].trimEnd()]];
}

/**
 * The revised text differs from the input only on the lines that set `current` or
 * `discount`: such lines are inserted, or replace a line that differs from them only
 * there (the value, a comment, the alignment of a comment).
 */
function onlyChangedLines(before: string, after: string): void {
  const a = before.split('\n');
  const b = after.split('\n');
  const bare = (line: string) => line.replace(/\r$/, '').replace(/(, )?\b(current|discount): ("[^"]*"|'[^']*'|[^,}#\r]*)/, '').replace(/\s*#.*$/, '').trimEnd();
  // The same key set on both lines, or a key added inside a flow map.
  const replaced = (old: string, now: string) => /\b(current|discount): /.test(old) || /, current: /.test(now);
  let i = 0;
  for (const line of b) {
    if (line === a[i]) i++;
    else if (i < a.length && bare(line) === bare(a[i]!) && bare(line) !== line.trimEnd() && replaced(a[i]!, line)) i++;
    else expect(line, `an added line sets current or discount and says why: ${JSON.stringify(line)}`).toMatch(/^\s*(current|discount): .*# (was .*; )?valuepack: /);
  }
  expect(i, 'every line of the input is kept, in order').toBe(a.length);
}

describe('--out touches only what changed', () => {
  it.each(inputs())('%s: revised files differ only on changed lines and read back at the agreed price', (_, source) => {
    const loaded = loadProposalText(source, 'in.yaml');
    const deal = loaded.deal!;
    for (const pct of [5, 12.5, 20, 33.33]) {
      const r = counter(deal, { discount: ratio(Math.round(pct * 100), 10_000) }, { alternatives: 3, timeLimit: 60_000 });
      if (!r.feasible) continue;
      r.alternatives.forEach((alt, k) => {
        const text = reviseForPick(source, loaded.doc!, r, k + 1)!;
        onlyChangedLines(source, text);
        const back = loadProposalText(text, 'out.yaml');
        expect(back.findings).toEqual([]);
        expect(originalMetrics(back.deal!).price).toBe(alt.price);
        expect(back.deal!.levers.map((l) => l.current)).toEqual([...alt.choice]);
        expect(text).not.toMatch(/\d\.\d{6,}%/);
      });
    }
  });

  it('puts current after the lever name and discount after currency, with a comment', () => {
    const source = readFileSync(`${ROOT}fixtures/telecom-switching.yaml`, 'utf8');
    const loaded = loadProposalText(source, 't.yaml');
    const text = reviseForPick(source, loaded.doc!, counter(loaded.deal!, { discount: ratio(20, 100) }), 1)!;
    expect(text).toContain('currency: USD\ndiscount: 20%  # valuepack: 20% off, alternative 1\n');
    expect(text).toContain('        name: Free hardware replacement\n        current: Core hardware only  # was All hardware including peripherals; valuepack: 20% off, alternative 1\n');
    expect(text).toContain('  marginFloor: preserve        # keep the original gross margin ratio (25% here)\n');
  });

  it('quotes an option name only when YAML would read it as something else', () => {
    expect(scalarText('3 years')).toBe('3 years');
    expect(scalarText('Business hours, next day')).toBe('"Business hours, next day"');
    for (const name of ['10', 'true', 'null', 'a: b', 'x #y', '- x', '"q"', ' lead', '', '[x]']) expect(scalarText(name)).toBe(JSON.stringify(name));
  });
});
