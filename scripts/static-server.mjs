// A tiny static file server for the demo and the browser tests. It plays the CDN: it can send
// CORS headers so pages on another origin can import the kit as a module.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `root` on `host:port` (port 0 picks a free one). `transform(path, text)` may rewrite
 * text files (the demo uses it to point the page at the kit's origin). With `tls` ({ key, cert })
 * it serves HTTPS, as a real CDN does. Resolves to { server, origin }.
 */
export function serveStatic(root, { port = 0, host = '127.0.0.1', cors = false, transform, tls } = {}) {
  const base = resolve(root);
  const handle = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      statSync(path);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url.pathname}`);
      return;
    }
    // `no-cache` with a validator, as a CDN that revalidates: every use of a file is still a
    // request the server sees (and the page's Resource Timing lists), but an unchanged file
    // answers 304 and the browser keeps its copy, and with it the machine code it compiled
    // from Pyodide's WebAssembly (Chromium and Firefox cache that beside the HTTP entry).
    const stat = statSync(path);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (cors) {
      headers['access-control-allow-origin'] = '*';
      // Also loadable from crossOriginIsolated pages (COEP: require-corp), as from a real CDN.
      headers['cross-origin-resource-policy'] = 'cross-origin';
    }
    if (transform && /^text\/html/.test(headers['content-type'])) {
      import('node:fs').then(({ readFileSync }) => {
        response.writeHead(200, headers).end(transform(path, readFileSync(path, 'utf8')));
      });
      return;
    }
    headers.etag = etag;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    // The size, as a CDN sends it: the kit's download progress needs it for a bar that fills
    // (without it the bar is indeterminate).
    headers['content-length'] = String(stat.size);
    response.writeHead(200, headers);
    createReadStream(path).pipe(response);
  };
  const server = tls ? createTlsServer(tls, handle) : createServer(handle);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, origin: `${tls ? 'https' : 'http'}://${host}:${address.port}` });
    });
  });
}

/**
 * What a page gets from CDNs: the kit (dist/) and CPython's assets (node_modules/pyodide), each
 * on an origin of its own with CORS. Used by the demo, the screenshots, the benchmarks and tests.
 */
export async function serveKitAndPyodide({ kitPort = 0, pyodidePort = 0 } = {}) {
  const kit = await serveStatic('dist', { port: kitPort, cors: true });
  const pyodide = await serveStatic('node_modules/pyodide', { port: pyodidePort, cors: true });
  return {
    kit,
    pyodide,
    pyodideUrl: `${pyodide.origin}/`,
    close() {
      kit.server.close();
      pyodide.server.close();
    },
  };
}

/** The demo pages, their %KIT_ORIGIN% and %PYODIDE_URL% placeholders pointing at `cdn`. */
export function serveDemoPage(cdn, { port = 0 } = {}) {
  return serveStatic('demo', {
    port,
    transform: (_path, text) =>
      text
        .replaceAll('%KIT_ORIGIN%', cdn.kit.origin)
        .replaceAll('%PYODIDE_URL%', cdn.pyodideUrl)
        // The embed builder's list of every element's attributes (`<` escaped: it sits in a script).
        .replace('%CUSTOM_ELEMENTS_JSON%', () => readFileSync('custom-elements.json', 'utf8').replace(/</g, '\\u003c')),
  });
}
