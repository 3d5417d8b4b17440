// The shipped widget (release build) embedded in an intranet page served with
// a strict Content-Security-Policy, talking to the reference API on another
// origin, driven as a person would in Debian's Chromium and Firefox.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build), ARTIFACTS (where screenshots go).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { startApi, startHost } from '../server.mjs';
import { apiDeals, BROWSERS, connect, CONNECTED_SCREENS } from '../suite.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = process.env.ARTIFACTS ?? new URL('../artifacts', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });


let api;
let host;
const consoleErrors = [];

before(async () => {
  host = await startHost(process.env.WIDGET_DIST);
  api = await startApi(process.env.REFERENCE_API_BIN, host.origin);
  host.api.base = api.base;
});

after(() => {
  api?.child.kill();
  host?.close();
  // Guards: nothing the widget did logged an error, CSP violations included.
  assert.deepEqual(consoleErrors, [], 'no console error during the suite');
});

/** A page that records its console errors and uncaught exceptions. */
async function watchedPage(context) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

const rows = (page) => page.locator('table.deals tbody tr');

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: the whole journey of a sales person works in the built artifact
    // under a strict CSP: connect, page through, filter, open, create, win,
    // disconnect.
    test('connect, browse, filter, open, create, mark won, disconnect', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context);
      await page.goto(`${host.origin}/plain.html`);
      await connect(page);

      await page.getByLabel('Page size').selectOption('100');
      await page.locator('.deal-page[aria-busy="false"] table.deals[data-page="1"]').waitFor();
      await assert.doesNotReject(rows(page).nth(99).waitFor());
      const total = Number((await page.locator('.pager .total').textContent()).split(' ')[0]);
      const pages = Math.ceil(total / 100);
      const seen = new Set((await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.dealId))));
      for (let number = 2; number <= pages; number += 1) {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.locator(`.deal-page[aria-busy="false"] table.deals[data-page="${number}"]`).waitFor();
        await assert.equal(await page.locator('.pager .page-of').textContent(), `Page ${number} of ${pages}`);
        for (const id of await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.dealId))) seen.add(id);
      }
      assert.equal(seen.size, total, 'every deal once');
      assert.ok(await page.getByRole('button', { name: 'Next' }).isDisabled());

      await page.getByLabel('Status').selectOption('won');
      await page.locator('.deal-page[aria-busy="false"] table.deals[data-page="1"]').waitFor();
      const statuses = await rows(page).locator('td:nth-of-type(6)').allTextContents();
      assert.ok(statuses.length > 0 && statuses.every((status) => status === 'Won'), statuses.join());
      await page.waitForURL(/deals\.status=won/);
      await page.getByRole('button', { name: 'Reset filters' }).click();
      await page.waitForURL((url) => !url.search.includes('status=won'));

      await rows(page).first().locator('a').click();
      await page.getByRole('button', { name: 'Back to list' }).waitFor();
      await page.getByRole('button', { name: 'Back to list' }).click();

      const title = `E2E deal ${Date.now()} ${name}`;
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Value').fill('4200');
      await page.getByRole('button', { name: 'Create deal' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('button', { name: 'Mark won' }).click();
      await page.locator('dd .badge.won').waitFor();

      await page.getByRole('button', { name: 'Back to list' }).click();
      const first = rows(page).first();
      await assert.doesNotReject(first.getByText(title).waitFor());
      assert.equal(await first.locator('td:nth-of-type(6)').textContent(), 'Won');

      await page.getByRole('button', { name: 'Disconnect' }).click();
      await page.getByLabel('API key').waitFor();
      await context.close();
    });

    // Guards: the key lives in the tab's sessionStorage: a reload keeps it, a
    // new browser context (a new tab's session) does not have it.
    test('a reload keeps the key in the tab, a new context does not', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context);
      await page.goto(`${host.origin}/plain.html`);
      await connect(page, 'isao_demo_ro');
      await page.reload();
      await page.getByRole('button', { name: 'Disconnect' }).waitFor();
      await page.locator('table.deals tbody tr').first().waitFor();
      const fresh = await browser.newContext();
      const other = await watchedPage(fresh);
      await other.goto(`${host.origin}/plain.html`);
      await other.getByLabel('API key').waitFor();
      assert.equal(await other.getByRole('button', { name: 'Disconnect' }).count(), 0);
      await fresh.close();
      await context.close();
    });

    // Guards: a half-typed new deal survives a real reload (the form is in
    // the page URL, the draft in the tab's sessionStorage, never the key
    // with it), and once the deal is made, the next form starts empty.
    test('a half-typed new deal survives a reload of the page', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context);
      await page.goto(`${host.origin}/plain.html`);
      await connect(page);
      await page.getByRole('button', { name: 'New deal' }).click();
      const title = `Reloaded draft ${Date.now()}`;
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Value').fill('1200');
      await page.getByLabel('Description').fill('Typed before the reload');
      await page.reload();
      await page.getByLabel('Title').waitFor();
      assert.equal(await page.getByLabel('Title').inputValue(), title);
      assert.equal(await page.getByLabel('Value').inputValue(), '1200');
      assert.equal(await page.getByLabel('Description').inputValue(), 'Typed before the reload');
      const kept = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      assert.ok(kept.includes(title), 'the draft is in the tab');
      assert.ok(
        JSON.parse(kept).every(([name, value]) => !name.includes('new-deal') || !value.includes('isao_demo')),
        'the draft holds no key',
      );

      await page.getByRole('button', { name: 'Create deal' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      const created = (await apiDeals(host, { status: 'open' })).find((deal) => deal.title === title);
      assert.equal(created?.description, 'Typed before the reload', 'the API holds the deal as typed');
      await page.getByRole('button', { name: 'Back to list' }).click();
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').waitFor();
      assert.equal(await page.getByLabel('Title').inputValue(), '');
      await context.close();
    });
  });
}

/** The screens a person meets, each reached from a fresh page. */
const SCREENS = {
  'not-connected': async () => {},
  list: CONNECTED_SCREENS.list,
  'empty-list': async (page) => {
    await connect(page);
    await page.getByLabel('Stage').fill('no-such-stage');
    await page.getByLabel('Stage').press('Tab');
    await page.getByText('No deals match these filters.').waitFor();
  },
  detail: CONNECTED_SCREENS.detail,
  export: CONNECTED_SCREENS.export,
  board: CONNECTED_SCREENS.board,
  forecast: CONNECTED_SCREENS.forecast,
  'saved-views': CONNECTED_SCREENS['saved-views'],
  'board-selection': CONNECTED_SCREENS['board-selection'],
  'form-errors': async (page) => {
    await connect(page);
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByLabel('Value').fill('-3');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByText('Please correct the fields marked below.').waitFor();
  },
};

describe('accessibility and looks, in chromium', () => {
  let browser;
  before(async () => {
    browser = await BROWSERS.chromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function open(screen, { width = 1280, colorScheme = 'light', hostile = false } = {}) {
    // The CSP is proven by the journeys above; here axe and the screenshot
    // tooling inject styles of their own, which the policy would block.
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
    const page = await watchedPage(context);
    await page.goto(`${host.origin}/${hostile ? 'hostile' : 'plain'}.html`);
    await page.getByLabel('API key').waitFor();
    // The widget's stylesheet loads beside the module; wait for it to apply.
    await page.waitForFunction(() => {
      const root = document.querySelector('#deals').shadowRoot;
      return root && [...root.querySelectorAll('link')].every((link) => link.sheet);
    });
    await SCREENS[screen](page);
    return { context, page };
  }

  // Guards: axe-core finds no violation on any screen, light or dark.
  for (const screen of Object.keys(SCREENS)) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: ${screen} (${colorScheme})`, async () => {
        const { context, page } = await open(screen, { colorScheme });
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const violations = result.violations.map((violation) =>
          `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        assert.deepEqual(violations, []);
        await context.close();
      });
    }
  }

  // Guards: screenshots of every screen, light and dark, wide and narrow, as artifacts.
  test('screenshots of every screen', async () => {
    for (const screen of Object.keys(SCREENS)) {
      for (const colorScheme of ['light', 'dark']) {
        for (const width of [1280, 390]) {
          const { context, page } = await open(screen, { width, colorScheme });
          const file = join(ARTIFACTS, `${screen}-${colorScheme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
          assert.ok(readFileSync(file).length > 1000, `${file} written`);
          await context.close();
        }
      }
    }
  });

  // Guards: a host page with aggressive global CSS leaves the widget looking
  // as it does on a plain page.
  for (const screen of ['not-connected', 'list', 'form-errors']) {
    test(`hostile host CSS does not change the widget: ${screen}`, async () => {
      const shots = {};
      for (const hostile of [false, true]) {
        const { context, page } = await open(screen, { hostile });
        shots[hostile] = PNG.sync.read(await page.locator('#deals .isao-deals-root').screenshot({ animations: 'disabled', caret: 'hide' }));
        await context.close();
      }
      const [plain, hostile] = [shots[false], shots[true]];
      assert.deepEqual([hostile.width, hostile.height], [plain.width, plain.height], 'same size');
      const diff = new PNG({ width: plain.width, height: plain.height });
      const different = pixelmatch(plain.data, hostile.data, diff.data, plain.width, plain.height, { threshold: 0.1 });
      writeFileSync(join(ARTIFACTS, `hostile-diff-${screen}.png`), PNG.sync.write(diff));
      assert.ok(different / (plain.width * plain.height) < 0.001, `${different} pixels differ`);
    });
  }
});
