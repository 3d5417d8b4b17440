// Measures, never asserts: the board at scale, in the release build, in
// headless Chromium at 1x CPU, against a reference API seeded with enough
// demo deals for 2,000 or more open ones:
//   - from a click on the Board tab to the board on screen with every open
//     deal counted in its column (all pages read at limit 200, grouped, each
//     column's first cards drawn), and the longest task the page ran meanwhile;
//   - from a click on a stage in a card's "Move to" to the API's answer shown,
//     and the longest task meanwhile.
// Each the median of ROUNDS fresh pages; long tasks (over 50 ms) come from
// the browser's own PerformanceObserver.
//
// Usage: node bench-board.mjs <reference-api binary> <release build directory> [results file]
// The results file gets one tab-separated line per measure for scripts/bench.sh.
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startApi, startHost } from './server.mjs';

const ROUNDS = Number(process.env.BENCH_BOARD_ROUNDS ?? 5);
const DEMO_DEALS = Number(process.env.BENCH_BOARD_DEALS ?? 2800);
const KEY = 'isao_demo_rw';

const [binary, dist, resultsFile] = process.argv.slice(2);
const host = await startHost(dist);
const api = await startApi(binary, host.origin, ['--demo-deals', String(DEMO_DEALS)]);
host.api.base = api.base;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const response = await fetch(`${api.base}/api/external/deals?status=open&limit=1`, { headers: { Authorization: `Bearer ${KEY}` } });
const openDeals = (await response.json()).meta.total;

/** Records every long task of the page from its start. */
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task that started at or after `since` (0 when none was long). */
const longestSince = (page, since) => page.evaluate((from) =>
  Math.max(0, ...window.__longTasks.filter((task) => task.start >= from).map((task) => task.duration)), since);

const now = (page) => page.evaluate(() => performance.now());

/** Resolves in the page once `done()` holds and the frame showing it is drawn: the time then. */
function whenShown(page, done, argument) {
  return page.evaluate(([source, value]) => new Promise((resolve) => {
    const holds = new Function('root', 'value', source);
    const root = document.querySelector('#deals').shadowRoot;
    const check = () => {
      if (holds(root, value)) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      } else {
        setTimeout(check, 5);
      }
    };
    check();
  }), [done, argument]);
}

async function round() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watchLongTasks);
  const page = await context.newPage();
  await page.goto(`${host.origin}/plain.html`);
  await page.getByLabel('API key').fill(KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByLabel('Status').selectOption('open');
  await page.locator('.deal-page[aria-busy="false"] table.deals').waitFor();

  const loadStart = await now(page);
  const loaded = whenShown(page, `
    const counts = [...root.querySelectorAll('.board-column .column-count')].map((count) => Number(count.textContent.replace(/\\D/g, '')));
    return root.querySelector('.card') && counts.reduce((sum, count) => sum + count, 0) === value;`, openDeals);
  await page.getByRole('tab', { name: 'Board' }).click();
  const loadEnd = await loaded;
  const loadLongest = await longestSince(page, loadStart);

  const card = page.locator('.board-column[data-drop-stage="discovery"] .card').first();
  const [id, title] = await card.evaluate((element) => [element.dataset.dealId, element.querySelector('.card-title').textContent]);
  await card.getByRole('button', { name: `Move ${title}` }).click();
  const target = page.getByRole('group', { name: `Move ${title}` }).getByRole('button', { name: 'Negotiation', exact: true });
  await target.waitFor();
  const answered = page.waitForResponse((answer) => answer.url().endsWith(`/deals/${id}/status`));
  const moveStart = await now(page);
  await target.click();
  await answered;
  const moveEnd = await whenShown(page,
    'return !!root.querySelector(`.board-column[data-drop-stage="negotiation"] .card[data-deal-id="${value}"]`);', id);
  const moveLongest = await longestSince(page, moveStart);
  await context.close();
  return { load: loadEnd - loadStart, loadLongest, move: moveEnd - moveStart, moveLongest };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (let index = 0; index < ROUNDS; index += 1) results.push(await round());
await browser.close();
api.child.kill();
host.close();

const pick = (key) => results.map((result) => result[key]);
const worst = (key) => Math.max(...pick(key));
console.log(`board at scale: ${openDeals} open deals (${DEMO_DEALS} demo deals), ${ROUNDS} rounds`);
console.log('round   load ms   longest task   move ms   longest task');
results.forEach((result, index) => console.log(
  `${String(index + 1).padStart(5)} ${result.load.toFixed(1).padStart(9)} ${result.loadLongest.toFixed(0).padStart(14)} ` +
  `${result.move.toFixed(1).padStart(9)} ${result.moveLongest.toFixed(0).padStart(14)}`));
const lines = [
  [`board, ${openDeals} open deals: tab to all counted`, `${median(pick('load')).toFixed(1)} ms`, '',
    `longest task ${worst('loadLongest').toFixed(0)} ms`, 'no task > 100 ms'],
  ['board: a move to the API\'s answer shown', `${median(pick('move')).toFixed(1)} ms`, '',
    `longest task ${worst('moveLongest').toFixed(0)} ms`, 'no task > 100 ms'],
];
if (resultsFile) appendFileSync(resultsFile, lines.map((line) => `${line.join('\t')}\n`).join(''));
