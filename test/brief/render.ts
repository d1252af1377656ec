import { counter, type Request } from '../../src/engine/counter.js';
import { curve } from '../../src/engine/curve.js';
import type { Deal } from '../../src/engine/deal.js';
import { isUsable, loadProposal } from '../../src/api/proposal-file.js';
import { briefModel } from '../../src/report/brief/model.js';
import { renderBrief } from '../../src/report/brief/page.js';
import { pct } from '../helpers/builders.js';

export function telecomDeal(): Deal {
  const loaded = loadProposal('fixtures/telecom-switching.yaml');
  if (!isUsable(loaded)) throw new Error('the telecom fixture must load');
  return loaded.deal;
}

/** The brief's HTML for a deal and a request, as the command renders it. */
export function briefHtml(deal: Deal, request: Request | string = '20%'): string {
  const r = typeof request === 'string' ? { discount: pct(request) } : request;
  return renderBrief(briefModel(counter(deal, r), curve(deal)));
}
