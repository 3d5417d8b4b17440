// "Export CSV" in the release build: the file saved for a filtered list holds
// exactly the deals the API has for those filters, all pages of them, in the
// shape spreadsheet programs read (BOM, CRLF, the separator chosen, amounts
// as plain numbers beside their currency), in both browsers.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { apiDeals, BROWSERS, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

// 700 deals: the open ones alone take more than one page of 200.
const served = servedWidget(['--demo-deals', '700']);

const rows = (page) => page.locator('table.deals tbody tr');

/** The records of an RFC 4180 text: quoted cells may hold the separator, quotes (doubled) and line breaks. */
function parseCsv(text, separator) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        cell += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === separator) {
      record.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      index += 1;
    } else {
      cell += character;
    }
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`CSV export in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: the CSV of the open deals, with the API's names for re-import,
    // holds each of the API's open deals once, in its order, with the columns
    // a spreadsheet needs and the API's values.
    test('the file for a filtered list holds exactly the API\'s deals', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      // Records what the widget hands to the browser to save; the save itself
      // goes ahead. (Playwright sees Firefox's downloads only in Chromium's
      // protocol, so the file is read from here in both browsers.)
      await context.addInitScript(() => {
        const createObjectURL = URL.createObjectURL;
        window.savedBlobs = [];
        URL.createObjectURL = function (blob) {
          window.savedBlobs.push(blob);
          return createObjectURL.call(this, blob);
        };
      });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await widgetStylesApplied(page);
      await page.getByLabel('API key').fill('isao_demo_rw');
      await page.getByRole('button', { name: 'Connect' }).click();
      await rows(page).first().waitFor();
      await page.getByLabel('Status').selectOption('open');
      await page.locator('.deal-page[aria-busy="false"]').waitFor();

      await page.getByRole('button', { name: 'Export CSV' }).click();
      await page.getByLabel('CSV separator').selectOption('comma');
      await page.getByLabel('API field names and values (for re-import)').check();
      const downloaded = name === 'chromium' ? page.waitForEvent('download') : undefined;
      await page.getByRole('button', { name: 'Save CSV' }).click();
      const expected = await apiDeals(served, { status: 'open' });
      assert.ok(expected.length > 200, `${expected.length} open deals: more than one page of 200`);
      await page.getByRole('status').filter({ hasText: `Exported ${expected.length.toLocaleString('en-US')} deals.` }).waitFor();

      const bytes = Buffer.from(await page.evaluate(async () =>
        [...new Uint8Array(await window.savedBlobs.at(-1).arrayBuffer())]));
      if (downloaded) {
        const download = await downloaded;
        assert.match(download.suggestedFilename(), /^deals-\d{4}-\d{2}-\d{2}\.csv$/);
        assert.deepEqual(await readFile(await download.path()), bytes, 'the saved file is the text the widget made');
      }
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'), ',');
      assert.equal(records.length, expected.length, 'one row per deal');
      const at = (label) => {
        const index = header.indexOf(label);
        assert.ok(index >= 0, `${label} in ${header}`);
        return index;
      };
      const [id, title, value, currency, status] = ['id', 'title', 'value', 'currency', 'status'].map(at);
      assert.deepEqual(records.map((record) => record[id]), expected.map((deal) => deal.id), 'the API\'s deals, in its order');
      records.forEach((record, index) => {
        const deal = expected[index];
        const guarded = /^[=+\-@\t\r]/.test(deal.title) ? `'${deal.title}` : deal.title;
        assert.equal(record[title], guarded);
        assert.equal(Number(record[value]), deal.value, `${deal.id}: the amount is a plain number`);
        assert.equal(record[currency], deal.currency);
        assert.equal(record[status], 'open');
      });
      await context.close();
    });
  });
}
