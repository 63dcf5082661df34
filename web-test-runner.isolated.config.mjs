// The browser tests that need a crossOriginIsolated page: the same setup, with every page served
// with COOP/COEP as a site that opts in would be. SharedArrayBuffer then exists, and Stop can
// interrupt Python instead of restarting it.
import base from './web-test-runner.config.mjs';

async function crossOriginIsolation(context, next) {
  await next();
  context.set('Cross-Origin-Opener-Policy', 'same-origin');
  context.set('Cross-Origin-Embedder-Policy', 'require-corp');
}

export default {
  ...base,
  files: ['test/browser/isolated/**/*.test.ts'],
  middleware: [crossOriginIsolation],
};
