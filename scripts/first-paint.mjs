#!/usr/bin/env node
// `npm run first-paint` (after `npm run build`): serves the demo as `npm start` does and measures,
// in headless Chromium, the time from navigation to the first frame that shows an element's
// highlighted static code view. Prints the median of several cold loads, with no added latency
// and with 50 ms added to every request (a slow CDN, where each round trip of the loader shows).
// KIT_DIRS=dist,other/dist compares builds, their loads interleaved so both see the same machine.
import puppeteer from 'puppeteer-core';
import { findChromium, chromiumArgs } from './find-chromium.mjs';
import { serveDemoPage, serveStatic } from './static-server.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const KIT_DIRS = (process.env.KIT_DIRS ?? 'dist').split(',');

/** Runs in the page before its scripts: notes the first animation frame with coloured code. */
function watchFirstCode() {
  const check = () => {
    for (const element of document.querySelectorAll('py-tokenizer, py-dis, py-frames, py-repl')) {
      if (element.shadowRoot?.querySelector('.static-code span[class]')) {
        window.__firstCode = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const pyodide = await serveStatic('node_modules/pyodide', { cors: true });
const kits = [];
for (const dir of KIT_DIRS) {
  const kit = await serveStatic(dir, { cors: true });
  const cdn = { kit, pyodideUrl: `${pyodide.origin}/` };
  kits.push({ dir, kit, page: await serveDemoPage(cdn) });
}
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  for (const latency of [0, 50]) {
    const times = new Map(kits.map(({ dir }) => [dir, []]));
    for (let run = 0; run < RUNS; run++) for (const { dir, page } of kits) {
      const tab = await browser.newPage();
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
      await tab.evaluateOnNewDocument(watchFirstCode);
      await tab.goto(`${page.origin.replace('127.0.0.1', 'localhost')}/`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.__firstCode !== undefined, { timeout: 30000 });
      times.get(dir).push(await tab.evaluate(() => window.__firstCode));
      await tab.close();
    }
    for (const [dir, values] of times) {
      console.log(
        `${dir}: first highlighted code, ${latency} ms latency: median ${median(values).toFixed(0)} ms ` +
          `(runs: ${values.map((t) => t.toFixed(0)).join(', ')})`,
      );
    }
  }
} finally {
  await browser.close();
  for (const { kit, page } of kits) {
    kit.server.close();
    page.server.close();
  }
  pyodide.server.close();
}
