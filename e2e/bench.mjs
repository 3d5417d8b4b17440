// Measures, never asserts: the widget's release build against the same deal
// list written by hand without a framework (host/hand-written.js), both in
// one headless Chromium run against one reference API on loopback:
//   - page load to the API key field usable, in Firefox too, and in
//     Chromium with 40 ms added to every request,
//   - page size 50 -> 200 to the next frame with the 200 rows,
//   - status filter change to the next frame with the filtered rows,
// each the median of ROUNDS fresh page loads, the two pages taking turns; then
// the JS heap (after a forced GC) and the widget's wasm memory after 10 and
// after CHANGES page and filter changes, once in Chromium as it runs and once
// with V8 kept on its first tiers (see firstTiersBrowser).
//
// Both pages are driven alike, through their labels and buttons: the clock
// starts in the page just before the change event and stops once the expected
// rows (count, first and last title, from the API) are in the table, nothing
// is aria-busy and the frame showing them has been rendered.
//
// The widget's page is the host page with the release build's preload links
// (host/plain.html), as docs/embedding.md's snippet has them.
//
// Usage: node bench.mjs <reference-api binary> <release build directory> [results file]
// The results file gets one tab-separated line per ratio for scripts/bench.sh.
import { appendFileSync } from 'node:fs';
import { chromium, firefox } from 'playwright-core';
import { startApi, startHost } from './server.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const LATENCY_MS = 40;
const KEY = 'isao_demo_rw';
// Each load waits this long after the one before: a closed context leaves
// its browser busy for a while (Firefox takes its page's process down), and
// that work competed with the next page's. It fell on the widget's side:
// Firefox compiles its wasm on the cores that were busy, while the
// hand-written page has nothing of the kind to do (docs/performance.md has
// the compile times with and without the pause).
const SETTLE_MS = 1000;
const PAGES = { widget: '/plain.html', 'hand-written': '/hand-written.html' };

const [binary, dist, resultsFile] = process.argv.slice(2);
const host = await startHost(dist);
const api = await startApi(binary, host.origin);
host.api.base = api.base;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
// V8 keeps compiling hot JavaScript and wasm functions into faster tiers long
// after start-up, and that machine code counts in the JS heap: a heap snapshot
// of the widget over 300 changes grows by about 230 KB of code and under 1 KB
// of objects. The leak is therefore measured twice: as the page runs, and in
// a Chromium whose V8 stays on its first tiers, where only what the page
// keeps can grow. Both pages get both browsers.
const firstTiersBrowser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--js-flags=--liftoff-only --no-opt --no-maglev --no-sparkplug'],
});
// Stock Firefox speaks WebDriver BiDi, which playwright-core drives through the moz-firefox channel.
const firefoxBrowser = await firefox.launch({ channel: 'moz-firefox', executablePath: '/usr/bin/firefox-esr' });

/**
 * Reports, through the context's `benchKeyFieldReady` binding, when the API
 * key field first exists, enabled, in the document or any shadow root.
 */
function watchKeyField() {
  let reported = false;
  const roots = [document];
  const ready = (root) =>
    [...root.querySelectorAll('label')].some((label) => label.textContent.trim() === 'API key' && label.control && !label.control.disabled);
  const observer = new MutationObserver(() => {
    if (!reported && roots.some(ready)) {
      reported = true;
      observer.disconnect();
      window.benchKeyFieldReady(performance.now());
    }
  });
  const options = { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function observed(init) {
    const root = attachShadow.call(this, init);
    if (!reported) {
      roots.push(root);
      observer.observe(root, options);
    }
    return root;
  };
}

/**
 * In the page: starts the clock, selects `value` in `control` (or clicks it
 * when `value` is null), and resolves with the ms until the frame after the
 * table shows `titles`.
 */
function changeAndTime([control, value, titles]) {
  const root = control.getRootNode();
  const shown = () => {
    const rows = root.querySelectorAll('table tbody tr');
    const title = (row) => row.querySelector('th').textContent.trim();
    return rows.length === titles.length && !root.querySelector('[aria-busy="true"]') &&
      title(rows[0]) === titles[0] && title(rows[rows.length - 1]) === titles.at(-1);
  };
  return new Promise((resolve) => {
    let started;
    const afterNextFrame = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - started);
        channel.port2.postMessage(null);
      });
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        afterNextFrame();
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
    started = performance.now();
    if (value === null) {
      control.click();
    } else {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}

const expected = new Map();
/** The titles the API lists for a query, in order: what a page must show. */
async function titlesFor({ page = 1, limit = 50, status = '' }) {
  const query = new URLSearchParams({ page: String(page), limit: String(limit) });
  if (status) query.set('status', status);
  if (!expected.has(query.toString())) {
    const response = await fetch(`${api.base}/api/external/deals?${query}`, { headers: { Authorization: `Bearer ${KEY}` } });
    const { data } = await response.json();
    if (data.length === 0) throw new Error(`the demo data has no deals for ${query}`);
    expected.set(query.toString(), data.map((deal) => deal.title));
  }
  return expected.get(query.toString());
}

/** A page's controls, found as a person finds them. */
function controls(page) {
  return {
    status: page.getByLabel('Status'),
    pageSize: page.getByLabel('Page size'),
    connect: page.getByRole('button', { name: 'Connect', exact: true }),
    next: page.getByRole('button', { name: 'Next' }),
    previous: page.getByRole('button', { name: 'Previous' }),
  };
}

async function change(page, locator, value, query) {
  const titles = await titlesFor(query);
  // Disposed at once: a thousand live handles would count in the heap measured below.
  const control = await locator.elementHandle();
  try {
    return await page.evaluate(changeAndTime, [control, value, titles]);
  } finally {
    await control.dispose();
  }
}

/**
 * Loads `path` in a fresh context and returns it, its page and the ms to a
 * usable key field. The page reports that time itself: polling it from here
 * would have Playwright inject its own scripts into the page while it loads,
 * on the main thread being measured, which costs a page that is still
 * starting (the widget) and not one that is done (the hand-written page).
 */
async function open(path, inBrowser, latencyMs = 0) {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const context = await inBrowser.newContext();
  let keyFieldReady;
  const ready = new Promise((resolve) => {
    keyFieldReady = resolve;
  });
  await context.exposeBinding('benchKeyFieldReady', (_source, ms) => keyFieldReady(ms));
  await context.addInitScript(watchKeyField);
  const page = await context.newPage();
  if (latencyMs) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await page.goto(`${host.origin}${path}`);
  const loadMs = await ready;
  return { context, page, loadMs };
}

/** Loads `path` in a fresh context, connects, and returns the page and its load time. */
async function openConnected(path, inBrowser = browser) {
  const { context, page, loadMs } = await open(path, inBrowser);
  await page.getByLabel('API key').fill(KEY);
  await change(page, controls(page).connect, null, {});
  return { context, page, loadMs };
}

const samples = {};
const record = (kind, step, ms) => ((samples[step] ??= {})[kind] ??= []).push(ms);
const STEPS = {
  load: 'page load to API key field usable',
  firefoxLoad: '  the same in Firefox',
  latencyLoad: `  the same, ${LATENCY_MS} ms per request`,
  render: 'page size 50 -> 200, next frame',
  filter: 'status filter change, next frame',
  fetch: 'bare fetch + JSON parse, 200 deals',
};

async function measureRound(kind, keep) {
  const { context, page, loadMs } = await openConnected(PAGES[kind]);
  const { pageSize, status } = controls(page);
  const render = await change(page, pageSize, '200', { limit: 200 });
  await change(page, pageSize, '50', {});
  const filter = await change(page, status, 'won', { status: 'won' });
  const fetchOnly = await page.evaluate(bareFetch, [`${api.base}/api/external/deals?page=1&limit=200`, KEY]);
  await context.close();
  if (keep) {
    record(kind, STEPS.load, loadMs);
    record(kind, STEPS.render, render);
    record(kind, STEPS.filter, filter);
    record(kind, STEPS.fetch, fetchOnly);
  }
}

/**
 * The load alone, in Chromium, each request answered LATENCY_MS later, as
 * over an intranet's network rather than loopback: what the preload links
 * save (a request that waits for the loader to arrive and run) shows there.
 */
async function measureLatencyLoad(kind, keep) {
  const { context, loadMs } = await open(PAGES[kind], browser, LATENCY_MS);
  await context.close();
  if (keep) record(kind, STEPS.latencyLoad, loadMs);
}

/** The load alone, in Firefox. */
async function measureFirefoxLoad(kind, keep) {
  const { context, loadMs } = await open(PAGES[kind], firefoxBrowser);
  await context.close();
  if (keep) record(kind, STEPS.firefoxLoad, loadMs);
}

/** In the page: the 200-deal request and its JSON parse alone, the floor under any rendering. */
async function bareFetch([url, key]) {
  const started = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  await response.json();
  return performance.now() - started;
}

/** JS heap after a forced GC and, for the widget, its wasm memory, in bytes. */
async function memory(kind, page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  if (kind !== 'widget') return { heap: usedSize };
  // The glue's init() hands back the instance it already made: the same module, the same memory.
  const wasm = await page.evaluate(async () => (await (await import('/widget/isao-deals-widget.js')).default()).memory.buffer.byteLength);
  return { heap: usedSize, wasm };
}

/**
 * Memory after CHANGES page and filter changes, with points in between that
 * tell a steady leak from a one-off growth. The hand-written page, which has
 * no pager, changes filter and page size instead: a control for what the
 * browser and this harness keep on their own.
 */
async function measureLeak(kind, inBrowser) {
  const { context, page } = await openConnected(PAGES[kind], inBrowser);
  const cdp = await context.newCDPSession(page);
  const { next, previous, status, pageSize } = controls(page);
  const filters = [
    [status, 'won', { status: 'won' }],
    [status, 'lost', { status: 'lost' }],
    [status, '', {}],
  ];
  const cycle = kind === 'widget'
    ? [[next, null, { page: 2 }], [next, null, { page: 3 }], [previous, null, { page: 2 }], ...filters]
    : [[pageSize, '100', { limit: 100 }], [pageSize, '25', { limit: 25 }], [pageSize, '50', {}], ...filters];
  const checkpoints = new Set([10, CHANGES / 10, CHANGES / 4, CHANGES / 2, CHANGES].map(Math.round).filter((done) => done >= 10));
  const points = new Map();
  for (let done = 0; done <= CHANGES; done += 1) {
    if (checkpoints.has(done)) points.set(done, await memory(kind, page, cdp));
    if (done === CHANGES) break;
    const [control, value, query] = cycle[done % cycle.length];
    await change(page, control, value, query);
  }
  await context.close();
  return points;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const growth = (from, to) => ((to - from) / from) * 100;

/**
 * `measure(kind, keep)` ROUNDS times for each page, the two taking turns and
 * each going first every other round; after one unkept load of each when
 * `warmUp` (a browser's first pages pay for its own start-up).
 */
async function takingTurns(measure, { warmUp }) {
  if (warmUp) {
    for (const kind of Object.keys(PAGES)) await measure(kind, false);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ['widget', 'hand-written'] : ['hand-written', 'widget'];
    for (const kind of order) await measure(kind, true);
  }
}

const leaks = {};
const objectLeaks = {};
try {
  await takingTurns(measureRound, { warmUp: true });
  await takingTurns(measureLatencyLoad, { warmUp: false });
  await takingTurns(measureFirefoxLoad, { warmUp: true });
  for (const kind of Object.keys(PAGES)) leaks[kind] = await measureLeak(kind, browser);
  for (const kind of Object.keys(PAGES)) objectLeaks[kind] = await measureLeak(kind, firstTiersBrowser);
} finally {
  await browser.close();
  await firstTiersBrowser.close();
  await firefoxBrowser.close();
  api.child.kill();
  host.close();
}

const lines = [];
console.log(`headless Chromium (and Firefox where said), median of ${ROUNDS} fresh page loads each (min-max in brackets), ms`);
console.log(`${'step'.padEnd(36)} ${'widget'.padStart(22)} ${'hand-written JS'.padStart(22)} ${'ratio'.padStart(7)}`);
for (const step of [STEPS.render, STEPS.filter, STEPS.load, STEPS.firefoxLoad, STEPS.latencyLoad, STEPS.fetch]) {
  const { widget, 'hand-written': plain } = samples[step];
  const cell = (values) => `${median(values).toFixed(1)} [${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}]`;
  const ratio = median(widget) / median(plain);
  console.log(`${step.padEnd(36)} ${cell(widget).padStart(22)} ${cell(plain).padStart(22)} ${`${ratio.toFixed(2)}x`.padStart(7)}`);
  if (step === STEPS.fetch) continue;
  const target = [STEPS.load, STEPS.firefoxLoad, STEPS.latencyLoad].includes(step) ? '<= 1.5x' : '<= 1.3x';
  lines.push([step, `${median(widget).toFixed(1)} ms`, `${median(plain).toFixed(1)} ms hand-written`, `${ratio.toFixed(2)}x`, target]);
}

const percent = (from, to) => `${growth(from, to).toFixed(1)}%`;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
/** Prints the memory table of one leak run and returns its first and last widget points. */
function reportLeak({ widget: leak, 'hand-written': control }, heading) {
  console.log(`\nmemory over ${CHANGES} changes, bytes, ${heading}; JS heap after a forced GC; growth from the point after 10`);
  const columns = ['changes', 'widget JS heap', 'growth', 'wasm memory', 'growth', 'hand-written heap', 'growth'];
  console.log(columns.map((name, index) => (index === 0 ? name.padEnd(8) : name.padStart(index % 2 ? 17 : 8))).join(' '));
  const [first, last] = [leak.get(10), leak.get(CHANGES)];
  for (const [done, { heap, wasm }] of leak) {
    const plain = control.get(done).heap;
    console.log([String(done).padEnd(8), String(heap).padStart(17), percent(first.heap, heap).padStart(8),
      String(wasm).padStart(17), percent(first.wasm, wasm).padStart(8),
      String(plain).padStart(17), percent(control.get(10).heap, plain).padStart(8)].join(' '));
  }
  return { first, last, plainGrowth: percent(control.get(10).heap, control.get(CHANGES).heap) };
}
const asRun = reportLeak(leaks, 'V8 as it runs');
const objectsOnly = reportLeak(objectLeaks, 'V8 on its first tiers (no compiled-code growth)');
lines.push([`JS heap growth, 10 -> ${CHANGES} changes`, `${kib(asRun.first.heap)} -> ${kib(asRun.last.heap)}`,
  `${asRun.plainGrowth} hand-written`, percent(asRun.first.heap, asRun.last.heap), 'reported']);
lines.push([`  the same, V8 on its first tiers`, `${kib(objectsOnly.first.heap)} -> ${kib(objectsOnly.last.heap)}`,
  `${objectsOnly.plainGrowth} hand-written`, percent(objectsOnly.first.heap, objectsOnly.last.heap), '<= 10%']);
lines.push([`wasm memory growth, 10 -> ${CHANGES} changes`, `${kib(asRun.first.wasm)} -> ${kib(asRun.last.wasm)}`, '',
  percent(asRun.first.wasm, asRun.last.wasm), '<= 10%']);

if (resultsFile) appendFileSync(resultsFile, lines.map((line) => `${line.join('\t')}\n`).join(''));
