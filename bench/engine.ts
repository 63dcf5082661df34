// Interpreter layer benchmark with the built kit (dist/), in each browser of $BROWSERS
// (Chromium, Firefox ESR and WebKitGTK by default: scripts/browsers.mjs):
// - time to a first result with each backend through the kit, and with bare loadPyodide() in a
//   worker (no kit around it): our overhead on top of Pyodide; and the part of it that compiling
//   pyodide.asm.wasm takes, measured alone;
// - round-trip latency of a trivial REPL input on each backend;
// - the page's responsiveness while Python works: how long Stop takes to end `while True: pass`
//   (Python restarted in a new worker), and the longest the main thread was held up (a heartbeat
//   timer's longest delay) during that Stop and during a flood of a million prints, each against
//   the same heartbeat on the idle page;
// - a second page view in the same browser profile: the kit starting Python from the snapshot the
//   first view saved (src/engine/runtime/pyodide/snapshot.ts), against the kit with snapshots off
//   and bare loadPyodide(), each side's two views in a browser of its own.
// Each measurement runs in a browser of its own; assets are served from localhost without
// caching, so both sides download and compile the same bytes.
import { existsSync } from 'node:fs';
import { chosenBrowsers, launchBrowser } from '../scripts/browsers.mjs';
import { serveKitAndPyodide, serveStatic } from '../scripts/static-server.mjs';

if (!existsSync('dist/pyinnards.js')) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

// BENCH_ROUNDS=1 for a quick look (a median of one is no median).
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const cdn = await serveKitAndPyodide();
const { kit, pyodideUrl } = cdn;
const page = await serveStatic('bench/page', {});
/**
 * Runs `body` (a function's source, called with the settings) in a page of a browser of its
 * own: a browser process caches compiled WebAssembly across its pages, which would favour
 * whichever side runs second.
 */
async function measure<T>(name: string, body: string): Promise<T> {
  const browser = await launchBrowser(name);
  try {
    await browser.goto(`${page.origin}/index.html`);
    return (await browser.evaluate(`(${body})(${JSON.stringify({ kit: kit.origin, pyodideUrl })})`)) as T;
  } finally {
    await browser.close();
  }
}

/** Two page views in one browser (one profile): `first`, then, on a fresh page, `second`. */
async function twoViews<T>(name: string, first: string, between: string, second: string): Promise<[T, T]> {
  const browser = await launchBrowser(name);
  try {
    const settings = JSON.stringify({ kit: kit.origin, pyodideUrl });
    await browser.goto(`${page.origin}/index.html`);
    const one = (await browser.evaluate(`(${first})(${settings})`)) as T;
    await browser.evaluate(`(${between})()`);
    await browser.goto(`${page.origin}/index.html?again`);
    return [one, (await browser.evaluate(`(${second})(${settings})`)) as T];
  } finally {
    await browser.close();
  }
}

/** Waits until the kit's worker has saved its snapshot (it saves in the background). */
const snapshotSaved = `async () => {
  for (let i = 0; i < 600; i++) {
    if ((await (await caches.open('pyinnards-python-snapshot')).keys()).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no snapshot was saved');
}`;
const nothing = 'async () => {}';

const bare = `async ({ pyodideUrl }) => {
  const started = performance.now();
  const source = 'const { loadPyodide } = await import(' + JSON.stringify(pyodideUrl + 'pyodide.mjs') + ');' +
    'const py = await loadPyodide({ indexURL: ' + JSON.stringify(pyodideUrl) + ' });' +
    'postMessage(py.runPython("str(1 + 1)"));';
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
  const result = await new Promise((resolve, reject) => { worker.onmessage = (e) => resolve(e.data); worker.onerror = reject; });
  if (result !== '2') throw new Error('bare Pyodide answered ' + result);
  return performance.now() - started;
}`;

/** Where bare Pyodide's time goes: compiling pyodide.asm.wasm alone, in a worker as Pyodide does. */
const compileOnly = `async ({ pyodideUrl }) => {
  const source = 'const started = performance.now();' +
    'await WebAssembly.compileStreaming(fetch(' + JSON.stringify(pyodideUrl + 'pyodide.asm.wasm') + '));' +
    'postMessage(performance.now() - started);';
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
  return await new Promise((resolve, reject) => { worker.onmessage = (e) => resolve(e.data); worker.onerror = reject; });
}`;

const viaKit = (engine: string, snapshot = false) => `async ({ kit, pyodideUrl }) => {
  const started = performance.now();
  const { loadEngine } = await import(kit + '/pyinnards.js');
  const python = await loadEngine({ engine: ${JSON.stringify(engine)}, pyodideUrl, snapshot: ${snapshot} });
  if (python.capabilities.fromSnapshot !== ${snapshot} && ${snapshot} && location.search) throw new Error('the second view did not start from the snapshot');
  let out = '';
  const outcome = await python.run('print(1 + 1)', { onStdout: (text) => (out += text) }).done;
  if (outcome.status !== 'ok' || out !== '2\\n') throw new Error('the kit answered ' + JSON.stringify([outcome, out]));
  return performance.now() - started;
}`;

const replLatency = (engine: string) => `async ({ kit, pyodideUrl }) => {
  const { loadEngine } = await import(kit + '/pyinnards.js');
  const python = await loadEngine({ engine: ${JSON.stringify(engine)}, pyodideUrl });
  const session = python.session('bench');
  await session.push('x = 1');
  const times = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await session.push('x + 1', { onStdout: () => {} });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[15];
}`;

/**
 * The page while Python works (pyodide engine, Stop by restarting the worker): `stopMs` from
 * stop() to the run's end; the longest delay of a 10 ms heartbeat timer while idle, around Stop,
 * and during a million prints.
 */
const responsiveness = `async ({ kit, pyodideUrl }) => {
  const { loadEngine } = await import(kit + '/pyinnards.js');
  const python = await loadEngine({ engine: 'pyodide', pyodideUrl });
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const heartbeat = () => {
    let longest = 0, last = performance.now(), timer;
    const beat = () => { const now = performance.now(); longest = Math.max(longest, now - last - 10); last = now; timer = setTimeout(beat, 10); };
    timer = setTimeout(beat, 10);
    return () => { clearTimeout(timer); beat(); clearTimeout(timer); return longest; };
  };
  let stop = heartbeat();
  await pause(1000);
  const idleGapMs = stop();
  const spin = python.run('while True: pass');
  await pause(300);
  stop = heartbeat();
  const pressed = performance.now();
  spin.stop();
  await spin.done;
  const stopMs = performance.now() - pressed;
  await pause(500);
  const stopGapMs = stop();
  const fresh = await loadEngine({ engine: 'pyodide', pyodideUrl });
  stop = heartbeat();
  const flood = await fresh.run('for i in range(1_000_000): print(i)', { onStdout: () => {} }).done;
  const floodGapMs = stop();
  if (flood.status !== 'ok') throw new Error('the flood ended ' + JSON.stringify(flood));
  return { stopMs, idleGapMs, stopGapMs, floodGapMs };
}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

try {
  const startups: string[] = [];
  for (const name of chosenBrowsers()) {
    const results: Record<string, number[]> = { bare: [], pyodide: [], skulpt: [], compile: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate so neither side always goes first.
      const order = round % 2 === 0 ? ['bare', 'pyodide'] : ['pyodide', 'bare'];
      for (const which of order) results[which]!.push(await measure<number>(name, which === 'bare' ? bare : viaKit('pyodide')));
      results['skulpt']!.push(await measure<number>(name, viaKit('skulpt')));
      results['compile']!.push(await measure<number>(name, compileOnly));
    }
    const bareMs = median(results['bare']!);
    const kitMs = median(results['pyodide']!);
    console.log(`\n${name}: time to a first result (median of ${ROUNDS}, a fresh browser each):`);
    console.log(`  bare loadPyodide() in a worker  ${ms(bareMs)}`);
    console.log(`  pyinnards, engine="pyodide"     ${ms(kitMs)}   overhead ${(((kitMs - bareMs) / bareMs) * 100).toFixed(1)}% (goal: under 10%)`);
    console.log(`  pyinnards, engine="skulpt"      ${ms(median(results['skulpt']!))}   ratio to bare Pyodide ${(median(results['skulpt']!) / bareMs).toFixed(2)}x`);
    const compileMs = median(results['compile']!);
    console.log(`  of bare Pyodide's time: compiling pyodide.asm.wasm ${ms(compileMs)} (${((compileMs / bareMs) * 100).toFixed(0)}%), the rest is instantiating it and CPython's start`);
    console.log(`${name}: REPL round trip of \`x + 1\` (median of 30):`);
    for (const engine of ['pyodide', 'skulpt']) {
      console.log(`  ${engine.padEnd(8)} ${(await measure<number>(name, replLatency(engine))).toFixed(2)} ms`);
    }
    startups.push(`${name} ${(kitMs / 1000).toFixed(1)} s`);

    const pages: Array<{ stopMs: number; idleGapMs: number; stopGapMs: number; floodGapMs: number }> = [];
    for (let round = 0; round < ROUNDS; round++) pages.push(await measure(name, responsiveness));
    const at = (key: keyof (typeof pages)[number]) => median(pages.map((one) => one[key]));
    console.log(`${name}: the page while Python works (median of ${ROUNDS}; the heartbeat: a 10 ms timer's longest delay):`);
    console.log(`  Stop of \`while True: pass\`      ${ms(at('stopMs'))}   the heartbeat idle ${ms(at('idleGapMs'))}`);
    console.log(`  heartbeat around Stop           ${ms(at('stopGapMs'))}   ${(at('stopGapMs') / Math.max(at('idleGapMs'), 1)).toFixed(1)}x idle`);
    console.log(`  heartbeat during 10^6 prints    ${ms(at('floodGapMs'))}   ${(at('floodGapMs') / Math.max(at('idleGapMs'), 1)).toFixed(1)}x idle`);

    const views: Record<string, [number[], number[]]> = { bare: [[], []], cold: [[], []], snapshot: [[], []] };
    for (let round = 0; round < ROUNDS; round++) {
      const sides: Array<[string, string, string]> = [
        ['bare', bare, nothing],
        ['cold', viaKit('pyodide'), nothing],
        ['snapshot', viaKit('pyodide', true), snapshotSaved],
      ];
      for (const [side, body, between] of round % 2 === 0 ? sides : sides.reverse()) {
        const [one, two] = await twoViews<number>(name, body, between, body);
        views[side]![0].push(one);
        views[side]![1].push(two);
      }
    }
    const view = (side: string, which: 0 | 1) => median(views[side]![which]);
    console.log(`${name}: first and second page view in one browser profile (median of ${ROUNDS}):`);
    console.log('                                     first view   second view');
    for (const [side, label] of [['bare', 'bare loadPyodide() in a worker'], ['cold', 'pyinnards, snapshot off'], ['snapshot', 'pyinnards, snapshot on']] as const) {
      console.log(`  ${label.padEnd(33)} ${ms(view(side, 0))}   ${ms(view(side, 1))}   ratio to bare ${(view(side, 0) / view('bare', 0)).toFixed(2)}x / ${(view(side, 1) / view('bare', 1)).toFixed(2)}x`);
    }
  }
  console.log(`\nCPython's start-up through the kit (median): ${startups.join(', ')}`);
} finally {
  cdn.close();
  page.server.close();
}
