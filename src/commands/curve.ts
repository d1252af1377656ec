import { curve } from '../engine/curve.js';
import type { Output } from './output.js';
import { renderCurveCsv, renderCurveJson } from '../report/curve-data.js';
import { loadOrThrow, outputFormat, parseBasisPoints, searchLimits, type GlobalOptions } from './shared.js';

export interface CurveCommandOptions {
  readonly to?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly keep?: readonly string[];
  readonly addScope?: boolean;
  readonly approver?: string;
  readonly timeLimit?: string;
}

const FORMATS = ['text', 'csv', 'json'] as const;

/** `valuepack curve FILE`: exit 0 with a curve, 1 when no discount at all can be met, 3 when undecided. */
export async function curveCommand(file: string, opts: CurveCommandOptions, global: GlobalOptions, out: Output): Promise<number> {
  const format = outputFormat(opts, FORMATS);
  const toBp = opts.to === undefined ? undefined : parseBasisPoints(opts.to, '--to');
  const { deal } = loadOrThrow(file, global);
  const { limits, approver } = searchLimits(deal, opts, file);
  const c = curve(deal, { ...limits, ...(toBp !== undefined ? { toBp } : {}) });
  if (format === 'json') out.data(renderCurveJson(deal, c, approver));
  else if (format === 'csv') out.data(renderCurveCsv(deal, c));
  else {
    // the chart library is loaded only for the chart
    const { renderCurveText } = await import('../report/curve-text.js');
    out.data(renderCurveText(deal, c, global.color, global.columns, approver));
  }
  if (c.segments.length > 0) return 0;
  return c.optimal ? 1 : 3;
}
