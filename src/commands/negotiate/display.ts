import type { Alternative, Metrics } from '../../engine/counter.js';
import type { Deal } from '../../engine/deal.js';
import { marginRatio } from '../../engine/pricing.js';
import { formatMoney, formatPercent, palette } from '../../report/format.js';

/**
 * The offer at a glance, before the first question: what it earns, and which levers
 * the session can move (locked ones are named apart, since no answer will touch them).
 */
export function renderGlance(deal: Deal, original: Metrics, color: boolean): string {
  const c = palette(color);
  const m = (u: number) => formatMoney(u, deal.digits);
  const lines = [
    c.bold(`${deal.title} — ${deal.customer}`) + c.dim(` (${deal.currency})`),
    `Offer   price ${m(original.price)} · cost ${m(original.cost)} · margin ${m(original.margin)}` +
      ` (${formatPercent(marginRatio(original.margin, original.price))})`,
  ];
  const movable = deal.levers.filter((l) => !l.locked);
  const locked = deal.levers.filter((l) => l.locked);
  if (movable.length === 0) {
    lines.push('No lever can move: every lever of this proposal is locked.');
  } else {
    lines.push('Levers that can move:');
    const width = Math.max(...movable.map((l) => l.path.length));
    for (const l of movable) {
      const others = l.options.filter((_, i) => i !== l.current).map((o) => o.name);
      lines.push(`  ${l.path.padEnd(width)}  ${l.name}: ${l.options[l.current]!.name}` + c.dim(` (or ${others.join(', ')})`));
    }
  }
  if (locked.length > 0) lines.push(c.dim(`Locked, never moved: ${locked.map((l) => l.path).join(', ')}`));
  return lines.join('\n') + '\n';
}

/** One line per alternative in the "what next" menu: its price and what it changes. */
export function takeLabel(alt: Alternative, deal: Deal): string {
  const changes = alt.changes.length === 0 ? 'the offer as it stands' : alt.changes.map((ch) => `${ch.name} → ${ch.to}`).join('; ');
  return `Take alternative ${alt.rank} — ${formatMoney(alt.price, deal.digits)} ${deal.currency}: ${changes}`;
}
