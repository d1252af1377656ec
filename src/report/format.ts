import { Chalk, type ChalkInstance } from 'chalk';

export { anyFraction, formatCompact, formatCount, formatDelta, formatMoney, formatPercent } from '../proposal/numbers.js';

/** Colours for human output; all identity functions when colour is off. */
export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
