// Browser tests in Debian's headless Chromium. Test files import our TypeScript sources through
// esbuild; the CDN tests import the built dist/ from a second server on another origin.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, chromiumArgs } from './scripts/find-chromium.mjs';
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
  files: ['test/browser/**/*.test.ts', '!test/browser/isolated/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs() },
    }),
  ],
  plugins: [devServerEngineImports(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }), cdnPlugin()],
};
