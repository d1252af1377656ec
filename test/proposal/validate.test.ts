import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { capFindings, findingCount, MAX_FINDINGS, truncation } from '../../src/proposal/cap.js';
import { error, warning } from '../../src/proposal/findings.js';
import { loadProposalText } from '../../src/proposal/load.js';
import { proposalSchema } from '../../src/proposal/schema.js';
import { validateProposal } from '../../src/proposal/validate.js';

const lever = (i: number) => ({ id: `l${i}`, name: `Lever ${i}`, options: [{ name: 'full', cost: 10, value: 20 }, { name: 'none' }] });
const large = (levers: number) => ({
  proposal: 'Large', customer: 'C', currency: 'USD',
  items: [{ id: 'a', name: 'A', price: 100_000, cost: 50_000, levers: Array.from({ length: levers }, (_, i) => lever(i)) }],
});

describe('the schema checked in pieces', () => {
  it('gives what zod gives on large valid data', () => {
    const data = large(5000);
    const whole = proposalSchema.safeParse(data);
    expect(whole.success).toBe(true);
    expect(validateProposal(data)).toEqual({ success: true, data: whole.data });
  });

  it('finds the same problems as zod on large data, the first ones listed and the rest counted', () => {
    const data = large(5000) as { items: { levers: Record<string, unknown>[] }[] };
    for (const l of data.items[0]!.levers) delete l.name;
    const whole = proposalSchema.safeParse(data);
    const pieces = validateProposal(data);
    expect(pieces.success).toBe(false);
    if (pieces.success || whole.success) return;
    expect(pieces.issues.map((i) => i.path)).toEqual(whole.error.issues.slice(0, MAX_FINDINGS).map((i) => i.path));
    expect(pieces.issues.length + pieces.more).toBe(whole.error.issues.length);
  });

  it('survives 150,000 problems (zod alone overflows its stack), listing a hundred and counting the rest', () => {
    const text = `proposal: x\ncustomer: C\ncurrency: USD\nitems:\n${'  - { x: 1 }\n'.repeat(50_000)}`;
    const loaded = loadProposalText(text, 'f.yaml');
    expect(loaded.findings).toHaveLength(MAX_FINDINGS + 1);
    expect(loaded.findings.at(-1)!.message).toBe(`and ${3 * 50_000 - MAX_FINDINGS} more findings, not listed (at most 100 are listed per file)`);
    expect(findingCount(loaded.findings)).toBe(3 * 50_000);
    expect(parse(text).items).toHaveLength(50_000);
  });
});

describe('capFindings', () => {
  const same = <T>(f: T) => f;
  it('keeps a short list as it is', () => {
    const fs = [error('file-empty', []), warning('no-levers', [])];
    expect(capFindings(fs, same)).toEqual(fs);
  });

  it('cuts a long list, counting what a truncation already left out, an error when any left out is one', () => {
    const fs = [...Array.from({ length: 150 }, () => warning('no-levers', [])), error('file-empty', []), truncation(40)];
    const capped = capFindings(fs, same);
    expect(capped).toHaveLength(MAX_FINDINGS + 1);
    expect(capped.at(-1)).toMatchObject({ code: 'findings-truncated', severity: 'error', args: { count: 91 } });
    expect(findingCount(capped)).toBe(191);
  });
});
