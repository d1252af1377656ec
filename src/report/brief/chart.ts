import type { ScaleLinear } from 'd3-scale';
import { html, num, type Markup } from './html.js';

/**
 * What the brief's charts share: the SVG frame with its text alternative, and the
 * value axis. Scales and ticks come from d3-scale; sizes are in the viewBox, which the
 * stylesheet stretches to the width of the page (fonts scale with it, so the viewBox
 * is kept narrow enough that labels stay legible on a phone).
 */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const FRAME: Frame = { width: 460, height: 270, top: 22, right: 16, bottom: 40, left: 52 };

/** An inline SVG chart: role="img", named by its <title> and described by its <desc>. */
export function svgChart(id: string, title: string, desc: string, body: Markup, frame: Frame = FRAME): Markup {
  return html`<svg class="chart" id="${id}" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${title}</title><desc id="${id}-desc">${desc}</desc>${body}</svg>`;
}

/** Horizontal grid lines with their labels at the left, at d3's ticks. */
export function valueAxis(y: ScaleLinear<number, number>, label: (v: number) => string, frame: Frame = FRAME): Markup {
  const ticks = y.ticks(5);
  const x0 = frame.left;
  const x1 = frame.width - frame.right;
  return html`<g class="grid">${ticks.map((t) => html`<line x1="${num(x0)}" x2="${num(x1)}" y1="${num(y(t))}" y2="${num(y(t))}"/>`)}</g><g class="axis">${ticks.map(
    (t) => html`<text x="${num(x0 - 6)}" y="${num(y(t) + 4)}" text-anchor="end">${label(t)}</text>`,
  )}</g>`;
}
