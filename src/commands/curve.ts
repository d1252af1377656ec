import { curve } from '../engine/curve.js';
import { UsageError } from '../api/errors.js';
import type { Output } from './output.js';
import { renderCurveCsv, renderCurveJson } from '../report/curve-data.js';
import { checkKeep, loadOrThrow, parseBasisPoints, parseTimeLimit, type GlobalOptions } from './shared.js';
import { wallClock } from '../api/clock.js';

export interface CurveCommandOptions {
  readonly to?: string;
  readonly format?: string;
  readonly keep?: readonly string[];
  readonly timeLimit?: string;
}

const FORMATS = ['text', 'csv', 'json'] as const;

/** `valuepack curve FILE`: exit 0 with a curve, 1 when no discount at all can be met, 3 when undecided. */
export async function curveCommand(file: string, opts: CurveCommandOptions, global: GlobalOptions, out: Output): Promise<number> {
  const format = opts.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')} (got "${format}")`);
  const toBp = opts.to === undefined ? undefined : parseBasisPoints(opts.to, '--to');
  const { deal } = loadOrThrow(file, global);
  checkKeep(deal, opts.keep ?? [], file);
  const c = curve(deal, { keep: opts.keep ?? [], timeLimit: parseTimeLimit(opts.timeLimit), clock: wallClock, ...(toBp !== undefined ? { toBp } : {}) });
  if (format === 'json') out.data(renderCurveJson(deal, c));
  else if (format === 'csv') out.data(renderCurveCsv(deal, c));
  else {
    // the chart library is loaded only for the chart
    const { renderCurveText } = await import('../report/curve-text.js');
    out.data(renderCurveText(deal, c, global.color, global.columns));
  }
  if (c.segments.length > 0) return 0;
  return c.optimal ? 1 : 3;
}
