// Measures, never asserts: how long the release build takes, in headless
// Chromium on this machine, from navigation to the key field, from "Connect"
// to the first rows, to turn a page, to apply a filter and to open a deal.
// Prints the median and the worst of ROUNDS fresh page loads, in ms.
//
// Usage: node bench.mjs <reference-api binary> <release build directory>
import { chromium } from 'playwright-core';
import { startApi, startHost } from './server.mjs';

const ROUNDS = 15;
const [binary, dist] = process.argv.slice(2);
const host = await startHost(dist);
const api = await startApi(binary, host.origin);
host.api.base = api.base;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const samples = {};
async function timed(name, action) {
  const started = performance.now();
  await action();
  (samples[name] ??= []).push(performance.now() - started);
}

try {
  for (let round = 0; round < ROUNDS; round += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await timed('load to key field', async () => {
      await page.goto(`${host.origin}/plain.html`);
      await page.getByLabel('API key').waitFor();
    });
    await page.getByLabel('API key').fill('isao_demo_rw');
    await timed('connect to first 50 rows', async () => {
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.locator('table.deals[data-page="1"][aria-busy="false"] tbody tr').nth(49).waitFor();
    });
    await timed('next page', async () => {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator('table.deals[data-page="2"][aria-busy="false"]').waitFor();
    });
    await timed('status filter', async () => {
      await page.getByLabel('Status').selectOption('won');
      await page.locator('table.deals[data-page="1"][aria-busy="false"]').waitFor();
    });
    await timed('page size 200', async () => {
      await page.getByLabel('Status').selectOption('');
      await page.getByLabel('Page size').selectOption('200');
      await page.locator('table.deals[aria-busy="false"] tbody tr').nth(199).waitFor();
    });
    await timed('open a deal', async () => {
      await page.locator('table.deals tbody tr a').first().click();
      await page.getByRole('button', { name: 'Mark won' }).waitFor();
    });
    await context.close();
  }
} finally {
  await browser.close();
  api.child.kill();
  host.close();
}

console.log(`${'widget step (headless Chromium)'.padEnd(34)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)}`);
for (const [name, values] of Object.entries(samples)) {
  values.sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)];
  console.log(`${name.padEnd(34)} ${median.toFixed(1).padStart(10)} ${values.at(-1).toFixed(1).padStart(10)}`);
}
