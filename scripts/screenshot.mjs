#!/usr/bin/env node
// `npm run screenshot` (after `npm run build`): serves the demo as `npm start` does and saves
// screenshots of it in headless Chromium to .cache/screenshots/: light and dark, desktop and phone.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChromium, chromiumArgs } from './find-chromium.mjs';
import { serveDemoPage, serveKitAndPyodide } from './static-server.mjs';

const cdn = await serveKitAndPyodide();
const page = await serveDemoPage(cdn);
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
mkdirSync('.cache/screenshots', { recursive: true });
const shots = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'phone-light', width: 375, height: 800, scheme: 'light' },
  { name: 'phone-dark', width: 375, height: 800, scheme: 'dark' },
];
try {
  for (const shot of shots) {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await tab.setViewport({ width: shot.width, height: shot.height });
    await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
    await tab.goto(`${page.origin.replace('127.0.0.1', 'localhost')}/`, { waitUntil: 'networkidle0' });
    // Widgets that run Python start when visible: scroll through the page, then wait for them.
    await tab.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      window.scrollTo(0, 0);
    });
    await tab
      .waitForFunction(() => [...document.querySelectorAll('py-dis')].every((el) => el.shadowRoot?.querySelector('[part="bytecode"], [part="error"]')), { timeout: 60000 })
      .catch(() => problems.push('py-dis did not finish within 60 s'));
    await tab
      .waitForFunction(() => [...document.querySelectorAll('py-frames')].every((el) => el.shadowRoot?.querySelector('[part~="controls"], [part="error"]')), { timeout: 60000 })
      .catch(() => problems.push('py-frames did not finish within 60 s'));
    // Show the frames demos a few steps in, where there is a stack to see.
    await tab.evaluate(() => document.querySelectorAll('py-frames').forEach((el) => (el.step = 6)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Consoles start when used: start each, and type the first's suggested input, as a reader would.
    await tab
      .evaluate(async () => {
        const consoles = [...document.querySelectorAll('py-repl')];
        for (const repl of consoles) await repl.start();
        await consoles[0]?.run('await asyncio.gather(handle(1), handle(2))');
      })
      .catch((error) => problems.push(`py-repl did not start: ${error.message}`));
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const path = `.cache/screenshots/${shot.name}.png`;
    await tab.screenshot({ path, fullPage: true });
    console.log(`${path}${overflow > 0 ? `  (page overflows sideways by ${overflow}px!)` : ''}`);
    for (const problem of problems) console.log(`  ${problem}`);
    await tab.close();
  }
} finally {
  await browser.close();
  cdn.close();
  page.server.close();
}
