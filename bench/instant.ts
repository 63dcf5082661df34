// Baked results and CPython's start, in headless Chromium with the built kit (dist/), each
// measurement in a fresh browser, assets from localhost without caching:
// - a blog-like page with all four elements in view, unbaked and baked (`pyinnards bake`):
//   bytes downloaded (gzip -9 of each file served, summed) and time until all four show their
//   output, against the same page with <py-tokenizer> alone;
// - time to a first result with engine="pyodide" against bare loadPyodide() in a worker (the
//   bytes each downloads);
// - the first edit of a baked <py-dis>: time and bytes from the edit to the new bytecode.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { findChromium, chromiumArgs } from '../scripts/find-chromium.mjs';
import { serveKitAndPyodide, serveStatic, type Served } from '../scripts/static-server.mjs';

if (!existsSync('dist/python/python_stdlib.zip')) {
  console.error('dist/ is missing or old: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

// Four by default: each page then takes each place in a round's order once (below).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const cdn = await serveKitAndPyodide();
const folder = mkdtempSync(join(tmpdir(), 'pyinnards-bench-instant-'));
const pages = await serveStatic(folder, {});

/** Every file served (by any of the servers), to count what a measurement downloaded. */
const served: string[] = [];
const roots = new Map<Served, string>([[cdn.kit, 'dist'], [cdn.pyodide, 'node_modules/pyodide'], [pages, folder]]);
for (const [server, root] of roots) server.server.on('request', (request: { url: string }) => served.push(join(root, decodeURIComponent(request.url.split('?')[0]!))));
const gzipped = new Map<string, number>();
function gzipBytes(files: string[]): number {
  return files.reduce((sum, file) => {
    if (!gzipped.has(file)) gzipped.set(file, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    return sum + gzipped.get(file)!;
  }, 0);
}

// The demo's seed examples, one per element.
const ELEMENTS = {
  tokenizer: '<py-tokenizer>\n  <script type="text/x-python">\n    name = "world"\n    print(f"Hello, {name!r:>10}!")\n  </script>\n</py-tokenizer>',
  dis: '<py-dis>\n  <script type="text/x-python">\n    def is_small(n: int) -> bool:\n        return 0 <= n < 10 and n & 1 == 0\n  </script>\n</py-dis>',
  frames: '<py-frames>\n  <script type="text/x-python">\n    def fact(n: int) -> int:\n        return 1 if n < 2 else n * fact(n - 1)\n\n    print(fact(3))\n  </script>\n</py-frames>',
  repl: '<py-repl>\n  <script type="text/x-python">\n    greeting = "hello"\n  </script>\n</py-repl>',
};
const page = (body: string) =>
  `<!doctype html><meta charset="utf-8"><title>bench</title>\n<script type="module" src="${cdn.kit.origin}/pyinnards.js" data-pyodide-url="${cdn.pyodideUrl}"></script>\n<article>\n<p>A post.</p>\n${body}\n</article>\n`;
writeFileSync(join(folder, 'tokenizer.html'), page(ELEMENTS.tokenizer));
writeFileSync(join(folder, 'unbaked.html'), page(Object.values(ELEMENTS).join('\n')));
// The same four code blocks, each as a <py-tokenizer>: what four widgets cost with no engine
// element at all, the floor a baked page can get to.
writeFileSync(join(folder, 'four-tokenizers.html'), page(Object.values(ELEMENTS).map((element) => element.replace(/py-(dis|frames|repl)\b/g, 'py-tokenizer')).join('\n')));
writeFileSync(join(folder, 'baked.html'), page(Object.values(ELEMENTS).join('\n')));
const bake = spawnSync(process.execPath, ['dist/cli.js', 'bake', join(folder, 'baked.html')], { encoding: 'utf8' });
if (bake.status !== 0) throw new Error(`pyinnards bake failed: ${bake.stderr}`);

/** Until every engine element on the page shows its output: ms since navigation. */
const allShown = `new Promise((resolve, reject) => {
  const parts = { 'py-tokenizer': '[part~="tokens"], table', 'py-dis': '[part="bytecode"]', 'py-frames': '[part="step"]', 'py-repl': '[part~="console"]' };
  const missing = () => [...document.querySelectorAll('py-tokenizer, py-dis, py-frames, py-repl')].filter((el) => !(el.shadowRoot && el.shadowRoot.querySelector(parts[el.localName]))).map((el) => el.localName);
  const check = () => {
    if (missing().length === 0) resolve(performance.now());
    else if (performance.now() > 120000) reject(new Error('no output after 2 minutes: ' + missing().join(', ')));
    else setTimeout(check, 5);
  };
  check();
})`;

async function visit(name: string, then?: string): Promise<{ ms: number; bytes: number; after?: { ms: number; bytes: number } }> {
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
  try {
    const tab = await browser.newPage();
    await tab.setCacheEnabled(false);
    // All four elements in view (engine elements compute when they come into view).
    await tab.setViewport({ width: 1000, height: 2400 });
    served.length = 0;
    await tab.goto(`${pages.origin}/${name}`);
    const ms = (await tab.evaluate(allShown)) as number;
    // Let anything the page starts on its own arrive (an interpreter loading in the background).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const bytes = gzipBytes(served);
    if (!then) return { ms, bytes };
    served.length = 0;
    const afterMs = (await tab.evaluate(then)) as number;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ms, bytes, after: { ms: afterMs, bytes: gzipBytes(served) } };
  } finally {
    await browser.close();
  }
}

/** The first edit of the baked <py-dis>: ms until its bytecode shows the edit. */
const editDis = `new Promise((resolve) => {
  const dis = document.querySelector('py-dis');
  const started = performance.now();
  dis.code = 'def is_small(n):\\n    return n < 7';
  // The baked bytecode loads 10; the edit's loads 7 and no 10.
  const check = () => (/ 7\\n/.test(dis.text) && !/ 10\\n/.test(dis.text) ? resolve(performance.now() - started) : setTimeout(check, 10));
  check();
})`;

/** Bare Pyodide in a worker against the kit's engine: ms to "2". */
const bare = `(async () => {
  const started = performance.now();
  const source = 'const { loadPyodide } = await import(' + JSON.stringify(${JSON.stringify(cdn.pyodideUrl)} + 'pyodide.mjs') + ');' +
    'const py = await loadPyodide({ indexURL: ' + JSON.stringify(${JSON.stringify(cdn.pyodideUrl)}) + ' });' +
    'postMessage(py.runPython("str(1 + 1)"));';
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
  const result = await new Promise((resolve, reject) => { worker.onmessage = (e) => resolve(e.data); worker.onerror = reject; });
  if (result !== '2') throw new Error('bare Pyodide answered ' + result);
  return performance.now() - started;
})()`;
const viaKit = `(async () => {
  const started = performance.now();
  const { loadEngine } = await import(${JSON.stringify(cdn.kit.origin + '/pyinnards.js')});
  const python = await loadEngine({ engine: 'pyodide', pyodideUrl: ${JSON.stringify(cdn.pyodideUrl)} });
  let out = '';
  await python.run('print(1 + 1)', { onStdout: (text) => (out += text) }).done;
  if (out !== '2\\n') throw new Error('the kit answered ' + out);
  return performance.now() - started;
})()`;
writeFileSync(join(folder, 'empty.html'), '<!doctype html><title>empty</title>');
async function firstResult(body: string): Promise<{ ms: number; bytes: number }> {
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
  try {
    const tab = await browser.newPage();
    await tab.setCacheEnabled(false);
    await tab.goto(`${pages.origin}/empty.html`);
    served.length = 0;
    const ms = (await tab.evaluate(body)) as number;
    return { ms, bytes: gzipBytes(served) };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
const kb = (value: number) => `${(value / 1024).toFixed(0).padStart(6)} KB`;

try {
  const runs: Record<string, Array<{ ms: number; bytes: number; after?: { ms: number; bytes: number } }>> = { tokenizer: [], 'four-tokenizers': [], unbaked: [], baked: [], bare: [], kit: [] };
  const pages = ['tokenizer', 'four-tokenizers', 'baked', 'unbaked'];
  for (let round = 0; round < ROUNDS; round++) {
    // Each page takes each place in the order in turn: the first visit of a round comes right
    // after the previous round's interpreters, on a machine still busy closing them, and would
    // be slower for it (the reference, always first, measured up to 1.2x four of itself).
    for (const name of [...pages.slice(round % pages.length), ...pages.slice(0, round % pages.length)]) {
      runs[name]!.push(await visit(`${name}.html`, name === 'baked' ? editDis : undefined));
    }
    const order = round % 2 === 0 ? ['bare', 'kit'] : ['kit', 'bare'];
    for (const which of order) runs[which]!.push(await firstResult(which === 'bare' ? bare : viaKit));
  }
  const m = (name: string, pick: (r: { ms: number; bytes: number; after?: { ms: number; bytes: number } }) => number) => median(runs[name]!.map(pick));
  const ref = m('tokenizer', (r) => r.ms);
  console.log(`a blog-like page with all four elements in view (median of ${ROUNDS}, a fresh browser each; bytes: gzip -9 of what was served):`);
  console.log(`  <py-tokenizer> alone (reference)  ${ms(ref)}  ${kb(m('tokenizer', (r) => r.bytes))}`);
  console.log(`  four <py-tokenizer>s, same code     ${ms(m('four-tokenizers', (r) => r.ms))}  ${kb(m('four-tokenizers', (r) => r.bytes))}   ${(m('four-tokenizers', (r) => r.ms) / ref).toFixed(2)}x the reference (four widgets, no engine element)`);
  for (const name of ['baked', 'unbaked']) {
    console.log(`  all four, ${name.padEnd(8)}               ${ms(m(name, (r) => r.ms))}  ${kb(m(name, (r) => r.bytes))}   ${(m(name, (r) => r.ms) / ref).toFixed(2)}x the reference${name === 'baked' ? ' (goal: 1.10x, 100 KB)' : ''}`);
  }
  const bareMs = m('bare', (r) => r.ms);
  console.log('time to a first result, and bytes for it:');
  console.log(`  bare loadPyodide() in a worker    ${ms(bareMs)}  ${kb(m('bare', (r) => r.bytes))}`);
  console.log(`  pyinnards, engine="pyodide"       ${ms(m('kit', (r) => r.ms))}  ${kb(m('kit', (r) => r.bytes))}   ${(m('kit', (r) => r.ms) / bareMs).toFixed(2)}x bare (goal: 0.6x, 4.5 MB)`);
  console.log('the first edit of a baked <py-dis> (from the edit to its new bytecode):');
  console.log(`  time and bytes                    ${ms(m('baked', (r) => r.after!.ms))}  ${kb(m('baked', (r) => r.after!.bytes))}   ${(m('baked', (r) => r.after!.ms) / bareMs).toFixed(2)}x bare loadPyodide()`);
} finally {
  cdn.close();
  pages.server.close();
}
