// <py-repl> benchmark, in headless Chromium with the built kit: input-to-echo latency of `1 + 1`
// (from entering it to `2` rendered in the transcript) on each backend, against the bare round
// trip of the same input through the engine's console session (what the element waits for
// anyway), measured in the same page, interpreter already loaded on both sides.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChromium, chromiumArgs } from '../scripts/find-chromium.mjs';
import { serveKitAndPyodide, serveStatic } from '../scripts/static-server.mjs';

if (!existsSync('dist/pyinnards.js')) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

const ROUNDS = 41;
const cdn = await serveKitAndPyodide();
const { kit, pyodideUrl } = cdn;
const page = await serveStatic('bench/page', {});

// Plain JavaScript, sent as text: tsx's helpers don't exist in the page.
const measure = `async ({ kit, pyodideUrl, engine, rounds }) => {
  const { loadEngine, configure } = await import(kit + '/pyinnards.js');
  configure({ pyodideUrl });
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const python = await loadEngine({ engine, pyodideUrl });
  const session = python.session('bench-reference');
  await session.push('1 + 1');
  const element = document.createElement('py-repl');
  element.setAttribute('engine', engine);
  element.setAttribute('no-banner', '');
  document.body.append(element);
  // The kit defines <py-repl> once one is in the page.
  await customElements.whenDefined('py-repl');
  await element.start();
  await element.run('1 + 1');
  const reference = [];
  const echo = [];
  // Interleaved, so both see the same conditions.
  for (let i = 0; i < rounds; i++) {
    let started = performance.now();
    let out = '';
    await session.push('1 + 1', { onStdout: (text) => (out += text) });
    reference.push(performance.now() - started);
    if (out !== '2\\n') throw new Error('the session answered ' + JSON.stringify(out));
    started = performance.now();
    const answer = await element.run('1 + 1');
    await element.updateComplete;
    // The console is an element of its own inside <py-repl> (loaded when started).
    const consoleRoot = element.shadowRoot.querySelector('pyinnards-repl-console').shadowRoot;
    const shown = consoleRoot.querySelector('[part="transcript"]').textContent.endsWith('>>> 1 + 1\\n2\\n');
    echo.push(performance.now() - started);
    if (answer !== '2\\n' || !shown) throw new Error('the element answered ' + JSON.stringify(answer));
  }
  return { reference: median(reference), echo: median(echo) };
}`;

const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
try {
  console.log(`input-to-echo of \`1 + 1\` in <py-repl> (median of ${ROUNDS}), against the engine session's own round trip:`);
  for (const engine of ['pyodide', 'skulpt']) {
    const tab = await browser.newPage();
    await tab.goto(`${page.origin}/index.html`);
    const { reference, echo } = (await tab.evaluate(`(${measure})(${JSON.stringify({ kit: kit.origin, pyodideUrl, engine, rounds: ROUNDS })})`)) as {
      reference: number;
      echo: number;
    };
    console.log(
      `  ${engine.padEnd(8)} session.push ${reference.toFixed(2).padStart(6)} ms   <py-repl> echo ${echo.toFixed(2).padStart(6)} ms   ratio ${(echo / reference).toFixed(2)}x`,
    );
    await tab.close();
  }
} finally {
  await browser.close();
  cdn.close();
  page.server.close();
}
