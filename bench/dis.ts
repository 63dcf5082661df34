// <py-dis> benchmark, in headless Chromium with the built kit: time from setting the code of a
// 300-line module to its bytecode being rendered, against the same dis.dis call in bare Pyodide
// (in a worker, interpreter already loaded on both sides), measured in the same run.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChromium, chromiumArgs } from '../scripts/find-chromium.mjs';
import { serveKitAndPyodide, serveStatic } from '../scripts/static-server.mjs';

if (!existsSync('dist/pyinnards.js')) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

/** A 300-line module: functions with loops, branches, closures and calls. */
function module300(variant: number): string {
  const lines: string[] = [];
  for (let f = 0; lines.length < 300; f++) {
    lines.push(
      `def f${f}_${variant}(items, limit=${f}):`,
      '    total = 0',
      '    for item in items:',
      '        if item > limit:',
      '            total += item * 2',
      '        else:',
      '            total -= 1',
      '    def helper(x):',
      '        return x + total',
      `    return helper(len(items)) + ${f}`,
    );
  }
  return lines.slice(0, 300).join('\n');
}

const ROUNDS = 7;
/** The call <py-dis> makes, as bare Pyodide would run it. */
const DIS_CALL = "out = io.StringIO(); dis.dis(compile(src, '<py-dis>', 'exec'), file=out); text = out.getvalue()";
const cdn = await serveKitAndPyodide();
const { kit, pyodideUrl } = cdn;
const page = await serveStatic('bench/page', {});
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });

try {
  const tab = await browser.newPage();
  await tab.goto(`${page.origin}/index.html`);
  const sources = Array.from({ length: ROUNDS + 1 }, (_, i) => module300(i));
  // Plain JavaScript, sent as text: tsx's helpers don't exist in the page.
  const pageScript = `async ({ kitOrigin, pyodideUrl, sources, disCall }) => {
      // Bare: Pyodide in a worker of our own, timing dis.dis inside it.
      const bareSource =
        \`const { loadPyodide } = await import(\${JSON.stringify(pyodideUrl + 'pyodide.mjs')});\` +
        \`const py = await loadPyodide({ indexURL: \${JSON.stringify(pyodideUrl)} });\` +
        'py.runPython("import dis, io");' +
        'onmessage = (e) => { const t = performance.now(); py.globals.set("src", e.data);' +
        'py.runPython(' + JSON.stringify(disCall) + ');' +
        'postMessage(performance.now() - t); }; postMessage("ready");';
      const worker = new Worker(URL.createObjectURL(new Blob([bareSource], { type: 'text/javascript' })), { type: 'module' });
      const next = () => new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
      await next();
      const bare = [];
      for (const source of sources.slice(1)) {
        worker.postMessage(source);
        bare.push(await next());
      }
      // The kit: a <py-dis> on the page, code set, until its listing shows the new code.
      const script = document.createElement('script');
      script.type = 'module';
      script.src = \`\${kitOrigin}/pyinnards.js\`;
      script.dataset.pyodideUrl = pyodideUrl;
      document.head.append(script);
      // The kit defines <py-dis> once one is in the page: add it first, then give it its code.
      const element = document.createElement('py-dis');
      document.body.append(element);
      await customElements.whenDefined('py-dis');
      element.code = sources[0];
      const until = async (check) => {
        while (!check()) await new Promise((resolve) => requestAnimationFrame(resolve));
      };
      await until(() => element.text.includes('f0_0'));
      const kit = [];
      for (const [i, source] of sources.slice(1).entries()) {
        const started = performance.now();
        element.code = source;
        await until(() => element.text.includes(\`f0_\${i + 1}\`));
        kit.push(performance.now() - started);
      }
      return { bare, kit };
    }`;
  const result = (await tab.evaluate(`(${pageScript})(${JSON.stringify({ kitOrigin: kit.origin, pyodideUrl, sources, disCall: DIS_CALL })})`)) as {
    bare: number[];
    kit: number[];
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bare = median(result.bare);
  const ours = median(result.kit);
  console.log(`300-line module, median of ${ROUNDS} (interpreter already loaded):`);
  console.log(`  dis.dis in bare Pyodide (worker)           ${bare.toFixed(0).padStart(6)} ms`);
  console.log(`  <py-dis>: code set -> bytecode rendered    ${ours.toFixed(0).padStart(6)} ms   ratio ${(ours / bare).toFixed(2)}x`);
  console.log('  (the element also waits out its 300 ms edit debounce, included above)');
} finally {
  await browser.close();
  cdn.close();
  page.server.close();
}
