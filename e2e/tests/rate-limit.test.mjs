// The shipped widget against a reference API that limits each key to a few
// requests a minute: a refused read shows the wait and is asked again by
// itself once the wait is over, with no click from the user; and shows the
// refusal with a Retry when the countdown's code cannot be fetched.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startApi, startHost } from '../server.mjs';

const REQUESTS_PER_MINUTE = 12;

describe('rate limit, in chromium', () => {
  let api;
  let host;
  let browser;
  before(async () => {
    host = await startHost(process.env.WIDGET_DIST);
    api = await startApi(process.env.REFERENCE_API_BIN, host.origin, ['--rate-limit', String(REQUESTS_PER_MINUTE)]);
    host.api.base = api.base;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    api?.child.kill();
    host?.close();
  });

  // Guards: past the limit the list says how long it waits, counts down, and
  // shows the page the user asked for once the API lets it through.
  test('a refused page waits out Retry-After and loads by itself', { timeout: 90_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/plain.html`);
    await page.getByLabel('API key').fill('isao_demo_rw');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();
    await page.getByLabel('Page size').selectOption('10');
    const waiting = page.getByText(/Rate limit exceeded\. Trying again in \d+ seconds?…/);
    let asked = 1;
    for (let click = 0; click < REQUESTS_PER_MINUTE * 2 && !(await waiting.isVisible()); click += 1) {
      await page.locator('.deal-page[aria-busy="false"] table.deals').waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      asked += 1;
      await page.waitForFunction(() => {
        const root = document.querySelector('#deals').shadowRoot;
        return root.querySelector('.deal-page[aria-busy="false"] table.deals') || root.querySelector('.rate-limited');
      });
    }
    await waiting.waitFor();
    const seconds = Number(/in (\d+) second/.exec(await waiting.textContent())[1]);
    assert.ok(seconds >= 1 && seconds <= 60, `waits ${seconds} s`);
    await page.locator(`.deal-page[aria-busy="false"] table.deals[data-page="${asked}"]`).waitFor({ timeout: 75_000 });
    assert.match(await page.locator('.pager .page-of').textContent(), new RegExp(`^Page ${asked} of \\d+$`));
    assert.equal(await waiting.count(), 0);
  });

  // Guards: the countdown's code comes with the wait's chunk; when that
  // chunk cannot be fetched, the refusal still shows, as the API said it,
  // with a Retry that loads the page once the API lets it through.
  // The read-only key: the test above spent the other's requests.
  test('a refusal shows with a Retry when the wait\'s chunk cannot be fetched', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/plain.html`);
    await page.getByLabel('API key').fill('isao_demo_ro');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();
    await page.route('**/split_wait.wasm', (route) => route.abort('internetdisconnected'));
    await page.route('**/api/external/deals?*', (route) => route.fulfill({
      status: 429,
      headers: { 'retry-after': '30', 'access-control-allow-origin': host.origin, 'access-control-expose-headers': 'Retry-After' },
      contentType: 'application/json',
      body: JSON.stringify({ error: 'Rate limit exceeded', message: 'Too many requests for this key' }),
    }));
    await page.getByRole('button', { name: 'Next' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The Deals API answered 429. Try again in 30 seconds.' });
    await refusal.waitFor();
    assert.equal(await page.getByText(/Trying again in/).count(), 0, 'no countdown without its code');
    await page.unroute('**/api/external/deals?*');
    await refusal.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.deal-page[aria-busy="false"] table.deals[data-page="2"]').waitFor();
    await page.close();
  });
});
