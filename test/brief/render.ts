import { counter, type Request } from '../../src/engine/counter.js';
import { curve } from '../../src/engine/curve.js';
import type { Deal } from '../../src/engine/deal.js';
import { counterDistinct, type DistinctResult } from '../../src/engine/distinct.js';
import { ladder } from '../../src/engine/ladder.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { briefModel } from '../../src/report/brief/model.js';
import { renderBrief } from '../../src/report/brief/page.js';
import { pct } from '../helpers/builders.js';

export function telecomDeal(): Deal {
  const loaded = loadProposal('fixtures/telecom-switching.yaml');
  if (!isUsable(loaded)) throw new Error('the telecom fixture must load');
  return loaded.deal;
}

/** The brief's HTML for a deal and a request, as the command renders it; `all`: with --distinct and a plan. */
export function briefHtml(deal: Deal, request: Request | string = '20%', all = false): string {
  const asked = typeof request === 'string' ? { discount: pct(request) } : request;
  const r = all ? counterDistinct(deal, asked) : counter(deal, asked);
  const steps = [1, 2, 3, 4].map((k) => ({ num: r.request.discount.num * BigInt(k), den: r.request.discount.den * 4n }));
  const extras = all ? { distinct: (r as DistinctResult).distinct, ...(r.feasible ? { ladder: ladder(deal, { steps }) } : {}) } : {};
  return renderBrief(briefModel(r, curve(deal), extras));
}
