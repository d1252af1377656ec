import { expect, test } from 'vitest';
import { counter } from '../../src/engine/counter.js';
import { curve } from '../../src/engine/curve.js';
import { ladder } from '../../src/engine/ladder.js';
import { briefModel } from '../../src/report/brief/model.js';
import { renderBrief } from '../../src/report/brief/page.js';
import { deal, opts } from '../helpers/builders.js';
import { briefHtml, telecomDeal } from './render.js';

const HOSTILE = `<script>alert("x")</script> & 'quotes' </svg><img src=x onerror=y>`;

test('every string from the file is escaped, in the page and in the charts', () => {
  const base = deal({
    items: [{ id: 'kit', price: 100_000, cost: 60_000, levers: [{ id: 'care', options: opts([20_000, 30_000], [5_000, 10_000]) }] }],
    approvals: [['50%', HOSTILE]],
  });
  const hostile = {
    ...base, title: HOSTILE, customer: HOSTILE, vendor: HOSTILE,
    levers: base.levers.map((l) => ({ ...l, name: HOSTILE, options: l.options.map((o) => ({ ...o, name: HOSTILE })) })),
  };
  const page = briefHtml(hostile, '10%');
  expect(page).not.toContain('<script');
  expect(page).not.toContain('<img');
  expect(page).not.toContain('</svg><img');
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
});

test('self-contained and deterministic: no script, link, image, font or URL; the same bytes twice', () => {
  const page = briefHtml(telecomDeal());
  for (const banned of ['<script', '<link', '<img', '<iframe', 'src=', 'href=', 'url(', '@import', '@font-face', 'http:', 'https:']) {
    expect(page, banned).not.toContain(banned);
  }
  expect(briefHtml(telecomDeal())).toBe(page);
});

test('telecom at 20%: the answer at a glance, three offers, two charts with text alternatives', () => {
  const page = briefHtml(telecomDeal());
  for (const text of ['8,000,000', 'Regional director', '3 years', 'Core hardware only', '93.56%', '30%']) expect(page).toContain(text);
  expect(page.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
  expect(page.match(/<title id="[a-z]+-title">/g)).toHaveLength(2);
  expect(page.match(/<desc id="[a-z]+-desc">/g)).toHaveLength(2);
  expect(page.match(/<article class="card/g)).toHaveLength(3);
});

test('a request beyond reach shows what the largest discount takes; status unmet', () => {
  const d = telecomDeal();
  const m = briefModel(counter(d, { discount: { num: 40n, den: 100n } }), curve(d));
  expect(m.status).toBe('unmet');
  expect(m.offersAt?.price).toBe(700_000_000);
  expect(renderBrief(m)).toContain('cannot be met');
});

test('undecided when the time limit left the request open: no offers, said so', () => {
  const d = telecomDeal();
  const r = counter(d, { discount: { num: 1n, den: 5n } });
  const m = briefModel({ ...r, feasible: false, optimal: false, alternatives: [] }, curve(d));
  expect(m.status).toBe('undecided');
  expect(renderBrief(m)).toContain('undecided');
});

test('the approver comes from the discount off the package list, not the headline', () => {
  // dropping the priced extra lowers the list to 90,000: 20% headline is 1/9 off that list
  const d = deal({
    items: [{ id: 'kit', price: 90_000, cost: 30_000, levers: [{ id: 'extra', options: opts([20_000, 30_000, 10_000], [0, 0, 0]) }] }],
    floor: '40%', approvals: [['12.5%', 'Sales lead'], ['25%', 'Director']],
  });
  const m = briefModel(counter(d, { discount: { num: 1n, den: 5n } }), curve(d));
  const o = m.offers[0]!;
  expect(o.alt).toMatchObject({ list: 90_000, price: 80_000 });
  expect(o.alt.listDiscount).toEqual({ num: 10_000n, den: 90_000n });
  expect(o.alt.approver).toBe('Sales lead');
});

test('a curve cut short by the time limit is said so on the page, apart from the offers', () => {
  const d = telecomDeal();
  const whole = curve(d);
  const cut = { ...whole, optimal: false, segments: whole.segments.slice(0, 3) };
  const page = renderBrief(briefModel(counter(d, { discount: { num: 1n, den: 5n } }), cut));
  expect(cut.segments[2]!.toBp).toBe(200);
  expect(page).toContain('The concession curve stops at 2%');
  expect(page).not.toContain('Not proven best');
});

test('the plan shows each step and where it ends, and why', () => {
  const d = telecomDeal();
  const plan = ladder(d, { steps: [{ num: 1n, den: 10n }, { num: 35n, den: 100n }] });
  const page = renderBrief(briefModel(counter(d, { discount: { num: 1n, den: 5n } }), curve(d), { ladder: plan }));
  expect(page).toContain('<h3>Step 1: 10% off</h3>');
  expect(page).toContain('Step 2 (35%) cannot be met: no package meets it within policy; the most is 30%. The plan ends here.');
  expect(page).toContain('the squares the steps of the plan');
});
