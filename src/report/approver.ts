import { ratioToNumber, type Ratio } from '../engine/ratio.js';
import { formatPercent } from './format.js';

/** The approver `--approver` names, and the discount off list their band reaches. */
export interface ApproverLimit {
  readonly name: string;
  readonly upTo: Ratio;
}

/** The JSON outputs' `approverLimit` field, present only with --approver (docs/json.md). */
export function approverLimitJson(a: ApproverLimit | undefined): { approverLimit?: { approver: string; upTo: number } } {
  return a ? { approverLimit: { approver: a.name, upTo: ratioToNumber(a.upTo) } } : {};
}

/** "what Account manager may sign (up to 10% off list)", for headings and refusals. */
export function approverPhrase(a: ApproverLimit): string {
  return `what ${a.name} may sign (up to ${formatPercent(a.upTo)} off list)`;
}
