// The events the widget tells its host page, heard by listeners on the
// page's document (e2e/host/events.js): connect, disconnect, deal-open,
// deal-create, deal-change and error, each with the API's own deal ids; a
// card dragged to another column whose move the page vetoes in
// before-deal-change goes back and nothing is sent; and the page's ::part()
// rules style the widget's pieces.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, connect, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();

/** The events the page has heard named `isao-deals:<name>`, as `{type, target, detail}`. */
const heard = (page, name) =>
  page.evaluate((type) => window.hostEvents.filter((event) => event.type === type), `isao-deals:${name}`);

/** Waits until the page has heard `count` events named `isao-deals:<name>`, and returns them. */
async function waitForEvents(page, name, count = 1) {
  await page.waitForFunction(([type, count]) =>
    window.hostEvents.filter((event) => event.type === type).length >= count, [`isao-deals:${name}`, count]);
  return heard(page, name);
}

/** The deal `id` as another client of the API reads it. */
async function apiDeal(id) {
  const response = await fetch(`${served.api.base}/api/external/deals/${id}`, {
    headers: { authorization: 'Bearer isao_demo_rw' },
  });
  assert.ok(response.ok, `GET /deals/${id}: ${response.status}`);
  return (await response.json()).data;
}

const column = (page, name) => page.locator('.board-column').filter({ has: page.getByRole('heading', { name, exact: true }) });

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`host page events in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: every event reaches a listener on the host page's document,
    // from the element, with the API's deal ids; a dragged card whose move
    // the page vetoes goes back to its column and nothing is sent; an
    // allowed move is told once the API has it.
    test('every event reaches the page with the API deal ids, and a vetoed move is not sent', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // The refused key's 401 is the one error the browser may log.
      const errors = [];
      const page = await watchedPage(context, errors);
      await page.goto(`${served.host.origin}/events.html`);
      await widgetStylesApplied(page);

      await page.getByLabel('API key').fill('isao_not_a_key');
      await page.getByRole('button', { name: 'Connect' }).click();
      const [refused] = await waitForEvents(page, 'error');
      assert.equal(refused.target, 'deals');
      assert.equal(refused.detail.status, 401);
      assert.ok(refused.detail.error.length > 0, 'the API error text');

      await connect(page);
      const [connected] = await waitForEvents(page, 'connect');
      assert.equal(connected.target, 'deals');

      const firstRow = page.locator('table.deals tbody tr').first();
      const rowId = await firstRow.getAttribute('data-deal-id');
      await firstRow.locator('a').click();
      const [opened] = await waitForEvents(page, 'deal-open');
      assert.equal(opened.detail.deal.id, rowId);
      assert.deepEqual(opened.detail.deal, await apiDeal(rowId), 'the deal as the API returns it');
      await page.getByRole('button', { name: 'Back to list' }).click();

      const title = `Event e2e ${name} ${Date.now()}`;
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Value').fill('321');
      await page.getByLabel('Stage', { exact: true }).fill('proposal');
      await page.getByRole('button', { name: 'Create deal' }).click();
      const [created] = await waitForEvents(page, 'deal-create');
      const id = created.detail.deal.id;
      const stored = await apiDeal(id);
      assert.equal(stored.title, title, 'the id the API gave the new deal');
      assert.deepEqual(created.detail.deal, stored);
      await page.getByRole('button', { name: 'Back to list' }).click();

      await page.getByRole('tab', { name: 'Board' }).click();
      const card = page.locator(`.card[data-deal-id="${id}"]`);
      await column(page, 'Proposal').locator(`.card[data-deal-id="${id}"]`).waitFor();
      await page.evaluate(() => {
        window.vetoMoves = true;
      });
      const from = await card.locator('.card-value').boundingBox();
      const to = await column(page, 'Negotiation').locator('header').boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 10, { steps: 5 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
      await page.mouse.up();
      const [asked] = await waitForEvents(page, 'before-deal-change');
      assert.deepEqual(asked.detail, {
        dealId: id, fromStatus: 'open', fromStage: 'proposal', toStatus: 'open', toStage: 'negotiation',
      });
      await page.waitForTimeout(500);
      assert.equal(await column(page, 'Proposal').locator(`.card[data-deal-id="${id}"]`).count(), 1, 'the card is back');
      assert.equal(await card.evaluate((element) => element.style.transform), '', 'no longer follows the pointer');
      assert.equal((await apiDeal(id)).stage, 'proposal', 'nothing was sent');
      assert.equal((await apiDeal(id)).updatedAt, stored.updatedAt, 'nothing was written');
      assert.deepEqual(await heard(page, 'deal-change'), []);

      await page.evaluate(() => {
        window.vetoMoves = false;
      });
      await card.locator('button.card-move').click();
      await page.locator('.move-prompt').getByRole('button', { name: 'Negotiation', exact: true }).click();
      const [changed] = await waitForEvents(page, 'deal-change');
      assert.equal(changed.detail.deal.id, id);
      assert.equal(changed.detail.deal.stage, 'negotiation');
      assert.equal(changed.detail.previousStage, 'proposal');
      assert.equal(changed.detail.previousStatus, 'open');
      assert.deepEqual(changed.detail.deal, await apiDeal(id), 'the deal as the API returned it');

      await page.getByRole('button', { name: 'Disconnect' }).click();
      const [disconnected] = await waitForEvents(page, 'disconnect');
      assert.equal(disconnected.target, 'deals');
      assert.ok(await page.locator('#event-log li').count() >= 8, 'the page shows what it heard');
      assert.deepEqual(errors.filter((error) => !/status of 401/.test(error)), []);
      await context.close();
    });

    // Guards: the host page's ::part() rules reach the widget's toolbar,
    // rows, buttons and cards through the shadow root.
    test('::part() rules of the host page style the widget', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/events.html`);
      await widgetStylesApplied(page);
      await connect(page);
      await page.getByRole('tab', { name: 'Board' }).click();
      await page.locator('.board-column .card').first().waitFor();
      const styles = await page.evaluate(() => {
        const root = document.querySelector('#deals').shadowRoot;
        const style = (selector) => getComputedStyle(root.querySelector(selector));
        return {
          toolbar: style('.toolbar').borderTopColor,
          button: style('.toolbar button').borderTopLeftRadius,
          card: style('.card').outlineColor,
        };
      });
      assert.deepEqual(styles, { toolbar: 'rgb(120, 20, 90)', button: '0px', card: 'rgb(0, 110, 60)' });
      await page.getByRole('tab', { name: 'List' }).click();
      await page.locator('table.deals tbody tr').first().waitFor();
      const row = await page.evaluate(() =>
        getComputedStyle(document.querySelector('#deals').shadowRoot.querySelector('table.deals tbody tr')).backgroundColor);
      assert.equal(row, 'rgb(250, 240, 200)');
      await context.close();
    });
  });
}
