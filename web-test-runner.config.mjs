// Browser tests in Debian's headless Chromium. Test files import our TypeScript sources through
// esbuild; the CDN tests import the built dist/ from a second server on another origin.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChromium, chromiumArgs } from './scripts/find-chromium.mjs';
import { serveStatic } from './scripts/static-server.mjs';

/** Starts the "CDN" (dist/ with CORS) and exposes its origin to tests as /__cdn.js. */
function cdnPlugin() {
  let cdn;
  return {
    name: 'pyinnards-cdn',
    async serverStart() {
      cdn = await serveStatic('dist', { cors: true });
    },
    serverStop() {
      cdn?.server.close();
    },
    serve(context) {
      if (context.path === '/__cdn.js') {
        return { body: `export const cdnOrigin = ${JSON.stringify(cdn.origin)};`, type: 'js' };
      }
      return undefined;
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs() },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }), cdnPlugin()],
};
