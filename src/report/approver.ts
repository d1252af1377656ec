import type { Ratio } from '../engine/ratio.js';
import { formatPercent } from './format.js';

/** The approver `--approver` names, and the discount off list their band reaches. */
export interface ApproverLimit {
  readonly name: string;
  readonly upTo: Ratio;
}

/** "what Account manager may sign (up to 10% off list)", for headings and refusals. */
export function approverPhrase(a: ApproverLimit): string {
  return `what ${a.name} may sign (up to ${formatPercent(a.upTo)} off list)`;
}
