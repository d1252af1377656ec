import { describe, expect, it } from 'vitest';
import { diffOffers, type OfferDiff, type Offer } from '../../src/proposal/diff.js';
import { buyerCopy, offerFrom } from './offers.js';

// Amounts below are in cents: USD has two decimals.
const SERVICE = `  - id: s
    name: Service
    levers:
      - id: t
        name: Term
        options:
          - { name: 2 years, price: 40, cost: 30, value: 60 }
          - { name: 1 year, price: 20, cost: 15, value: 30 }
`;

const BASE = `
proposal: Kit
customer: Buyer
currency: USD
items:
  - { id: a, name: Alpha, quantity: 2, unitPrice: 100, unitCost: 60 }
  - { id: b, name: Beta, price: 50, cost: 20, value: 80 }
${SERVICE}terms:
  - id: pay
    name: Payment
    options:
      - { name: Net 60 }
      - { name: Net 30, cost: -5, value: -4 }
`;

/** BASE with each [from, to] replacement made (each `from` must occur). */
function edit(...edits: [string, string][]): string {
  return edits.reduce((s, [from, to]) => {
    if (!s.includes(from)) throw new Error(`not in the proposal: ${from}`);
    return s.replace(from, to);
  }, BASE);
}

function diff(a: string | Offer, b: string | Offer): OfferDiff {
  const r = diffOffers(typeof a === 'string' ? offerFrom(a) : a, typeof b === 'string' ? offerFrom(b) : b);
  if ('finding' in r) throw new Error(r.finding.code);
  return r.diff;
}


describe('diffOffers', () => {
  it('finds nothing between a proposal and itself', () => {
    const d = diff(BASE, BASE);
    expect(d.same).toBe(true);
    expect([d.items, d.levers, d.terms]).toEqual([[], [], []]);
    expect(d.summary).toMatchObject({ priceChange: 0, valueChange: 0, net: 0, costChange: 0 });
    expect(d.old).toEqual(d.new);
    expect(d.old).toMatchObject({ list: 29_000, price: 29_000, value: 34_000, cost: 17_000 });
  });

  it('reports quantity and unit-price changes with what they do to price, value and cost', () => {
    const d = diff(BASE, edit(['quantity: 2, unitPrice: 100', 'quantity: 3, unitPrice: 90']));
    expect(d.items).toEqual([{
      status: 'changed', id: 'a', name: 'Alpha', renamed: false,
      quantity: { from: 2, to: 3 }, unitPrice: { from: 10_000, to: 9_000 },
      delta: { price: 7_000, value: 7_000, cost: 6_000 },
    }]);
    expect(d.summary).toMatchObject({ priceChange: 7_000, valueChange: 7_000, net: 0, costChange: 6_000 });
  });

  it('values a removed or added item together with the chosen options of its levers', () => {
    const without = edit([SERVICE, '']);
    const removed = { status: 'removed', id: 's', name: 'Service', renamed: false, delta: { price: -4_000, value: -6_000, cost: -3_000 } };
    expect(diff(BASE, without).items).toEqual([removed]);
    expect(diff(BASE, without).levers).toEqual([]);
    expect(diff(without, BASE).items).toEqual([{ ...removed, status: 'added', delta: { price: 4_000, value: 6_000, cost: 3_000 } }]);
  });

  it('pairs an item whose id changed but whose name did not, as renamed', () => {
    const d = diff(BASE, edit(['id: a,', 'id: alpha,']));
    expect(d.items).toEqual([{ status: 'changed', id: 'alpha', name: 'Alpha', renamed: true, oldId: 'a', delta: { price: 0, value: 0, cost: 0 } }]);
    expect(d.same).toBe(false);
  });

  it('reports a new name under the same id, and keeps an item\'s levers in place when only its id changed', () => {
    expect(diff(BASE, edit(['name: Beta', 'name: Beta II'])).items).toMatchObject([{ id: 'b', name: 'Beta II', oldName: 'Beta', renamed: false }]);
    const d = diff(BASE, edit(['- id: s', '- id: svc']));
    expect(d.items).toMatchObject([{ id: 'svc', renamed: true, oldId: 's' }]);
    expect(d.levers).toEqual([]);
    const moved = diff(BASE, edit(['- id: s', '- id: svc'], ['name: Term\n', 'name: Term\n        current: 1 year\n']));
    expect(moved.levers).toMatchObject([{ path: 'svc.t', oldPath: 's.t', renamed: false, from: '2 years', to: '1 year' }]);
  });

  it('reports a lever whose chosen option changed, valued and costed', () => {
    const d = diff(BASE, edit(['name: Term\n', 'name: Term\n        current: 1 year\n']));
    expect(d.levers).toEqual([{
      status: 'changed', path: 's.t', name: 'Term', renamed: false, from: '2 years', to: '1 year',
      delta: { price: -2_000, value: -3_000, cost: -1_500 },
    }]);
    expect(d.summary).toMatchObject({ priceChange: -2_000, valueChange: -3_000, net: -1_000 });
  });

  it('pairs a lever whose id changed but whose name did not, and reports levers added and removed', () => {
    expect(diff(BASE, edit(['- id: t', '- id: term'])).levers).toEqual([{
      status: 'changed', path: 's.term', name: 'Term', renamed: true, oldPath: 's.t', from: '2 years', to: '2 years',
      delta: { price: 0, value: 0, cost: 0 },
    }]);
    const renamedLever = edit(['- id: t\n        name: Term', '- id: u\n        name: Length']);
    expect(diff(BASE, renamedLever).levers).toEqual([
      { status: 'added', path: 's.u', name: 'Length', renamed: false, to: '2 years', delta: { price: 4_000, value: 6_000, cost: 3_000 } },
      { status: 'removed', path: 's.t', name: 'Term', renamed: false, from: '2 years', delta: { price: -4_000, value: -6_000, cost: -3_000 } },
    ]);
  });

  it('reports a changed price of the same option, and deal terms apart from item levers', () => {
    expect(diff(BASE, edit(['{ name: 2 years, price: 40', '{ name: 2 years, price: 45'])).levers)
      .toMatchObject([{ path: 's.t', from: '2 years', to: '2 years', delta: { price: 500, value: 0 } }]);
    const d = diff(BASE, edit(['name: Payment\n', 'name: Payment\n    current: Net 30\n']));
    expect(d.levers).toEqual([]);
    expect(d.terms).toEqual([{
      status: 'changed', path: 'terms.pay', name: 'Payment', renamed: false, from: 'Net 60', to: 'Net 30',
      delta: { price: 0, value: -400, cost: -500 },
    }]);
  });

  it('counts a change of discount alone as a different offer', () => {
    const d = diff(BASE, edit(['currency: USD', 'currency: USD\ndiscount: 10%']));
    expect(d.same).toBe(false);
    expect([d.items, d.levers, d.terms]).toEqual([[], [], []]);
    expect(d.new).toMatchObject({ list: 29_000, price: 26_100 });
    expect(d.summary).toMatchObject({ priceChange: -2_900, priceRatio: { num: -2_900n, den: 29_000n }, net: 2_900 });
  });

  it('ignores what is not part of the offer: options not chosen, policy, titles', () => {
    const d = diff(BASE, edit(
      ['{ name: 1 year, price: 20', '{ name: 1 year, price: 25'],
      ['proposal: Kit', 'proposal: Kit, revised\npolicy: { maxDiscount: 10% }'],
    ));
    expect(d.same).toBe(true);
  });

  it('omits costs unless both files carry them: a buyer\'s copy compares by price and value', () => {
    const buyer = buyerCopy(BASE);
    expect(buyer).not.toMatch(/cost/i);
    const same = diff(BASE, buyer);
    expect(same.same).toBe(true);
    expect(same.costed).toBe(false);
    expect(same.old.cost).toBe(17_000);
    expect(same.new).not.toHaveProperty('cost');
    expect(same.summary).not.toHaveProperty('costChange');
    const d = diff(buyer, buyerCopy(edit(['name: Term\n', 'name: Term\n        current: 1 year\n'])));
    expect(d.levers).toEqual([{
      status: 'changed', path: 's.t', name: 'Term', renamed: false, from: '2 years', to: '1 year', delta: { price: -2_000, value: -3_000 },
    }]);
    // A change of cost alone is a difference only when both files carry costs.
    const cheaper = edit(['unitCost: 60', 'unitCost: 50']);
    expect(diff(BASE, cheaper).items).toMatchObject([{ id: 'a', delta: { price: 0, value: 0, cost: -2_000 } }]);
    expect(diff(buyer, cheaper).same).toBe(true);
  });

  it('refuses offers in different currencies, pointing at the new one\'s currency', () => {
    const r = diffOffers(offerFrom(BASE), offerFrom(edit(['currency: USD', 'currency: EUR'])));
    expect(r).toEqual({ finding: expect.objectContaining({ code: 'currency-mismatch', path: ['currency'], args: { old: 'USD', new: 'EUR' } }) });
  });
});
