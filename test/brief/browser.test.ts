import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../helpers/io.js';

/**
 * The telecom brief in a real browser: Debian's chromium (installed by .ci/run, never
 * downloaded), headless. No assertion is about time; every wait is generous.
 */
const CHROMIUM = '/usr/bin/chromium';
const WAIT = 120_000;
let browser: Browser;
let dir: string;
/** The telecom brief at 20%, without and with the concession plan. */
const urls: Record<string, string> = {};
const BRIEFS = { plain: [], ladder: ['--ladder'] } as const;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does`);
  dir = mkdtempSync(join(tmpdir(), 'valuepack-brief-'));
  for (const [name, extra] of Object.entries(BRIEFS)) {
    const file = join(dir, `${name}.html`);
    const r = await cli(['brief', 'fixtures/telecom-switching.yaml', '--discount', '20%', ...extra, '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    urls[name] = pathToFileURL(file).href;
  }
  // --no-sandbox: CI runs as root, where chromium's sandbox cannot start
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], timeout: WAIT });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Layout {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Elements whose right edge passes the viewport's. */
  readonly overflowing: readonly string[];
  readonly charts: readonly { readonly width: number; readonly height: number }[];
}

/** Runs in the page (a string, so that the test's types need no DOM library). */
const MEASURE = `(() => {
  const root = document.documentElement;
  const overflowing = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map((e) => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') ?? ''));
  const charts = [...document.querySelectorAll('svg.chart')].map((e) => {
    const r = e.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing, charts };
})()`;

async function layout(url: string, width: number, colorScheme: 'light' | 'dark'): Promise<Layout> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
  page.setDefaultTimeout(WAIT);
  try {
    await page.goto(url, { waitUntil: 'load' });
    return (await page.evaluate(MEASURE)) as Layout;
  } finally {
    await page.close();
  }
}

const names = Object.keys(BRIEFS);
const views = names.flatMap((n) => [[n, 390, 'light'], [n, 390, 'dark'], [n, 1280, 'light'], [n, 1280, 'dark']] as const);

test.each(views)('%s brief at %i px (%s): no horizontal overflow, two charts of non-zero size', async (name, width, scheme) => {
  const l = await layout(urls[name]!, width, scheme);
  expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
  expect(l.overflowing).toEqual([]);
  expect(l.charts.length).toBeGreaterThanOrEqual(2);
  for (const c of l.charts) {
    expect(c.width).toBeGreaterThan(0);
    expect(c.height).toBeGreaterThan(0);
  }
});

test.each(names.flatMap((n) => [[n, 'A4'], [n, 'Letter']] as const))('%s brief prints to one or two %s pages', async (name, format) => {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  try {
    await page.goto(urls[name]!, { waitUntil: 'load' });
    const pdf = (await page.pdf({ format })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  } finally {
    await page.close();
  }
});
