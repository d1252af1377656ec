/**
 * The brief's one stylesheet, inline. Colours come from two palettes, light and dark,
 * chosen so that text keeps a contrast of at least 4.5:1 and chart marks 3:1 against
 * the background (WCAG 2.1 AA; a test computes it). Print always uses the light one.
 */
export interface Palette {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly card: string;
  readonly line: string;
  readonly accent: string;
  readonly soft: string;
  readonly good: string;
  readonly bad: string;
  readonly mark: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff', fg: '#1b1d21', muted: '#4f5561', card: '#f3f5f8', line: '#c9ced6',
  accent: '#1f5fa8', soft: '#d7e4f4', good: '#1d6b35', bad: '#b42318', mark: '#7a4b00',
};

export const DARK: Palette = {
  bg: '#15171b', fg: '#e9ebef', muted: '#a9afb9', card: '#20242a', line: '#3d434c',
  accent: '#7ab3ef', soft: '#22374f', good: '#6fcf8f', bad: '#f28b82', mark: '#f0c060',
};

/** Text colours, and the surfaces they are read on. */
export const TEXT_COLOURS = ['fg', 'muted', 'accent', 'good', 'bad', 'mark'] as const;
export const SURFACES = ['bg', 'card'] as const;

const vars = (p: Palette) => Object.entries(p).map(([k, v]) => `--${k}:${v};`).join('');

export function stylesheet(): string {
  return `:root{color-scheme:light dark;${vars(LIGHT)}}
@media (prefers-color-scheme:dark){:root{${vars(DARK)}}}
*{box-sizing:border-box}
html{font-size:15px;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;line-height:1.2;margin:.1rem 0 .2rem}
h2{font-size:1.05rem;margin:1.1rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1rem;margin:0 0 .3rem}
p{margin:.3rem 0}
h1,h2,h3,p,li,dd,dt,figcaption{overflow-wrap:anywhere}
.kicker,.meta,.note,figcaption{color:var(--muted)}
.kicker{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin:0}
.verdict{font-size:1.05rem}
.verdict strong{color:var(--accent)}
.verdict strong.warn{color:var(--bad)}
.warn{color:var(--bad);font-weight:600}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,10.5rem),1fr));gap:.5rem;margin:.6rem 0 0}
.tile{background:var(--card);border-radius:6px;padding:.45rem .7rem;min-width:0}
.tile dt{font-size:.8rem;color:var(--muted)}
.tile dd{margin:0;font-size:1.1rem;font-weight:600}
.tile .sub{display:block;font-size:.8rem;font-weight:400;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr));gap:.75rem}
.card{background:var(--card);border-radius:6px;padding:.6rem .8rem;min-width:0;border-top:3px solid var(--line)}
.card.first{border-top-color:var(--accent)}
.card p{font-size:.9rem}
.figures{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:.1rem .6rem;margin:.2rem 0 .5rem;font-size:.9rem}
.figures dt{color:var(--muted)}
.figures dd{margin:0;font-weight:600;text-align:right}
.changes{margin:.2rem 0 0;padding-left:1.1rem;font-size:.9rem}
.changes li{margin:.25rem 0}
.give{font-weight:600}
.arrow{color:var(--accent);font-weight:700}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:1rem}
figure{margin:0;min-width:0}
svg.chart{display:block;width:100%;height:auto;max-width:40rem}
svg.chart text{fill:var(--muted);font-size:13px}
svg.chart .label{fill:var(--fg);font-weight:600}
.axis line,.axis path{stroke:var(--line)}
.grid line{stroke:var(--line);stroke-dasharray:2 3}
.total{fill:var(--accent)}
.down{fill:var(--bad)}
.up{fill:var(--good)}
.connector{stroke:var(--muted);stroke-dasharray:2 2}
.floor{stroke:var(--mark);stroke-width:2;stroke-dasharray:6 3}
.area{fill:var(--soft)}
.line{fill:none;stroke:var(--accent);stroke-width:2.5}
.request{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:5 3}
.dot{fill:var(--bg);stroke:var(--accent);stroke-width:2}
.dot.alt{stroke:var(--mark)}
.dot.first{fill:var(--accent)}
.step{fill:var(--mark)}
figcaption{font-size:.85rem}
footer{margin-top:1rem;font-size:.8rem;color:var(--muted)}
@media print{
:root{${vars(LIGHT)}}
@page{margin:12mm}
html{font-size:11px}
main{max-width:none;padding:0}
h2{margin-top:.7rem}
section,.card,figure{break-inside:avoid}
.tiles{grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.3rem}
.tile{padding:.3rem .45rem}
.tile dd{font-size:1rem}
.cards{grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.4rem}
.card{padding:.4rem .55rem}
.charts{gap:.6rem}
svg.chart{max-width:100%}
}
`;
}
