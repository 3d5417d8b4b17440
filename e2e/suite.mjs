// What the suite's test files share: the servers started and stopped around
// a file, Debian's own Chromium and Firefox, pages that record their errors,
// the widget's stylesheet awaited, axe run over a page.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, firefox } from 'playwright-core';
import { startApi, startHost } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The widget's version, as Cargo.toml's [package] section has it. */
export const CRATE_VERSION = /\[package\][^[]*?\nversion = "([^"]+)"/.exec(
  readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8'))[1];

export const BROWSERS = {
  chromium: () =>
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    }),
  // Stock Firefox speaks WebDriver BiDi, which playwright-core drives through the moz-firefox channel.
  firefox: () => firefox.launch({ channel: 'moz-firefox', executablePath: '/usr/bin/firefox-esr' }),
};

/**
 * Starts the host page and the reference API (given `apiArgs`) before the
 * calling file's tests, stops them after, and then checks that no page logged
 * an error, CSP violations included. Returns `{ host, api, consoleErrors }`,
 * its servers set once started.
 */
export function servedWidget(apiArgs = []) {
  const served = { host: undefined, api: undefined, consoleErrors: [] };
  before(async () => {
    served.host = await startHost(process.env.WIDGET_DIST);
    served.api = await startApi(process.env.REFERENCE_API_BIN, served.host.origin, apiArgs);
    served.host.api.base = served.api.base;
  });
  after(() => {
    served.api?.child.kill();
    served.host?.close();
    assert.deepEqual(served.consoleErrors, [], 'no console error during the suite');
  });
  return served;
}

/** A page that adds its console errors and uncaught exceptions to `errors`. */
export async function watchedPage(context, errors) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

/**
 * A page whose failures the test provokes and checks itself: its console
 * errors in `logged`, and its uncaught exceptions there as `uncaught: …`.
 */
export async function loggingPage(context) {
  const page = await context.newPage();
  const logged = [];
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
  return { page, logged };
}

/** Waits until the stylesheet the widget loads beside its module applies. */
export function widgetStylesApplied(page) {
  return page.waitForFunction(() => {
    const root = document.querySelector('#deals').shadowRoot;
    return root && [...root.querySelectorAll('link')].every((link) => link.sheet);
  });
}

/** axe-core's violations on the page, one line each ("id: help — targets"). */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((violation) =>
    `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Connects the widget on `page` with `key` and waits for the first page of deals, settled. */
export async function connect(page, key = 'isao_demo_rw') {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();
}

/**
 * The screens that both the wide and the narrow checks visit, each reached
 * from a fresh page that is not connected yet.
 */
export const CONNECTED_SCREENS = {
  list: async (page) => connect(page),
  detail: async (page) => {
    await connect(page);
    await page.locator('table.deals tbody tr').first().locator('a').click();
    await page.getByRole('button', { name: 'Mark won' }).waitFor();
  },
  export: async (page) => {
    await connect(page);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByRole('button', { name: 'Save CSV' }).waitFor();
  },
  board: async (page) => {
    await connect(page);
    await page.getByRole('tab', { name: 'Board' }).click();
    await page.locator('.board-column .card').first().waitFor();
  },
  'board-selection': async (page) => {
    await connect(page);
    await page.getByRole('tab', { name: 'Board' }).click();
    await page.locator('.board-column .card .card-select').first().check();
    await page.locator('.bulk-bar').waitFor();
  },
  forecast: async (page) => {
    await connect(page);
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.locator('table.forecast-table').first().waitFor();
  },
  'saved-views': async (page) => {
    await connect(page);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByLabel('Name of the view').fill('Big deals this quarter');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.locator('.view-links a').filter({ hasText: 'Big deals this quarter' }).waitFor();
  },
};

/** Another client of the API of `served`, with the demo's read-write key: the `data` of its answer. */
export async function apiCall(served, method, path, body) {
  const response = await fetch(`${served.api.base}/api/external${path}`, {
    method,
    headers: { authorization: 'Bearer isao_demo_rw', 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return (await response.json()).data;
}

/**
 * Calls `read` (an API read, say) every 100 ms until `done` holds for its
 * answer, for at most 15 s, and gives that answer, or the last one for the
 * caller's assertion to show: the API gets a change after the screen shows
 * it (an undo window, a queue).
 */
export async function untilApi(read, done) {
  let answer = await read();
  for (let waited = 0; !done(answer) && waited < 15000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await read();
  }
  return answer;
}

/** Every deal the API of `served` lists for `filters`, through every page, as another client reads them. */
export async function apiDeals(served, filters) {
  const deals = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({ ...filters, page: String(page), limit: '200' });
    const response = await fetch(`${served.api.base}/api/external/deals?${query}`, {
      headers: { authorization: 'Bearer isao_demo_rw' },
    });
    assert.ok(response.ok, `GET /deals?${query}: ${response.status}`);
    const { data, meta } = await response.json();
    deals.push(...data);
    if (page >= meta.totalPages) return deals;
  }
}

/**
 * The texts of `lang`'s catalogue (`en`, `fr`, `de`) by message name, read
 * from the crate's source (i18n/src/<lang>.rs), the one place they live.
 */
export function catalogueTexts(lang) {
  const source = readFileSync(new URL(`../i18n/src/${lang}.rs`, import.meta.url), 'utf8');
  const texts = new Map();
  for (const [, name, literal] of source.matchAll(/Msg::(\w+)\s*=>\s*\{?\s*"((?:[^"\\]|\\.)*)"/gs)) {
    texts.set(name, literal.replace(/\\\n\s*/g, '').replace(/\\u\{([0-9a-fA-F]+)\}|\\(.)/g, (_, code, escaped) =>
      (code ? String.fromCodePoint(parseInt(code, 16)) : escaped === 'n' ? '\n' : escaped)));
  }
  assert.ok(texts.size > 20, `${lang}: the catalogue's texts`);
  return texts;
}

/** Sets the `lang` attribute of the <isao-deals> #deals and waits until the widget's root speaks it. */
export async function switchLanguage(page, lang) {
  await page.evaluate((lang) => document.querySelector('#deals').setAttribute('lang', lang), lang);
  await page.waitForFunction((lang) =>
    document.querySelector('#deals').shadowRoot?.querySelector('.isao-deals')?.getAttribute('lang') === lang, lang);
}
