// Browser tests in Debian's Chromium, Firefox ESR and WebKitGTK ($BROWSERS picks some: see
// scripts/browsers.mjs). Test files import our TypeScript sources through
// esbuild; the CDN tests import the built dist/ from a second server on another origin.
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testLaunchers } from './scripts/test-launchers.mjs';
import { testCommandsPlugin } from './scripts/test-commands.mjs';
import { serveKitAndPyodide } from './scripts/static-server.mjs';
import { devServerEngineImports } from './scripts/build-plugins.mjs';

/**
 * Starts two "CDNs" on other origins, with CORS: dist/ (the kit) and node_modules/pyodide (the
 * interpreter's assets, so tests never reach the network). Tests import their origins from
 * /__cdn.js.
 */
function cdnPlugin() {
  let cdn;
  return {
    name: 'pyinnards-cdn',
    async serverStart() {
      cdn = await serveKitAndPyodide();
    },
    serverStop() {
      cdn?.close();
    },
    serve(context) {
      // The demo page, on the tests' own origin (so a test can frame it and read its layout),
      // loading the built kit from the kit's "CDN" as `npm start` does.
      if (context.path === '/__demo/') {
        return {
          body: readFileSync(new URL('./demo/index.html', import.meta.url), 'utf8')
            .replaceAll('%KIT_ORIGIN%', cdn.kit.origin)
            .replaceAll('%PYODIDE_URL%', cdn.pyodideUrl),
          type: 'html',
        };
      }
      if (context.path === '/__cdn.js') {
        return {
          body: `export const cdnOrigin = ${JSON.stringify(cdn.kit.origin)};\nexport const pyodideUrl = ${JSON.stringify(cdn.pyodideUrl)};`,
          type: 'js',
        };
      }
      return undefined;
    },
  };
}

export default {
  // test/browser/isolated/ needs other page headers: web-test-runner.isolated.config.mjs runs it.
  // The snapshot's tests come first: they leave Python's snapshot saved in the browser, and every
  // later file's page starts Python from it, as a reader's second page view does. The cold start
  // is tested where a test says so (engine-snapshot's own, and loadEngine without `snapshot`).
  files: ['test/browser/engine-snapshot.test.ts', 'test/browser/**/*.test.ts', '!test/browser/isolated/**'],
  nodeResolve: true,
  // web-test-runner's own page, plus one line. WebKitGTK's WebDriver session keeps storage in
  // memory, and it drops an origin's Cache Storage (the saved snapshot with it) as soon as a page
  // of that origin loads without touching Cache Storage: each test page opens it, so the snapshot
  // lasts the whole run there too (without this, most WebKit files started Python cold, ~8 s).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script>self.caches?.open('pyinnards-tests-keep-storage').catch(() => {});</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  concurrency: 1,
  // A file's tests share one page; WebKit takes longer than the others to start Python in each.
  testsFinishTimeout: 20 * 60 * 1000,
  browserStartTimeout: 180000,
  testsStartTimeout: 300000,
  testFramework: { config: { timeout: 20000 } },
  browsers: testLaunchers(),
  plugins: [testCommandsPlugin(), devServerEngineImports(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }), cdnPlugin()],
};
