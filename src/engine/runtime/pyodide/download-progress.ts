// Download progress for Pyodide's big assets, read from the worker's `fetch` while Pyodide loads.

/** The big downloads whose bytes we count for the progress bar. */
const COUNTED_ASSETS = ['pyodide.asm.wasm', 'python_stdlib.zip'];

/**
 * While Pyodide loads, counts the bytes of its big assets as they stream in, through the
 * worker's `fetch`: `progress('downloading', loaded, total)`, total being the sum of the
 * Content-Lengths known so far. Also remembers the first asset that failed, so the error
 * names its URL instead of whatever Pyodide makes of it.
 */
export function countDownloads(progress: (phase: string, loaded?: number, total?: number) => void): {
  restore(): void;
  failure: string | undefined;
} {
  const scope = globalThis as { fetch: typeof fetch };
  const original = scope.fetch;
  const state = { failure: undefined as string | undefined, restore: () => {} };
  if (typeof original !== 'function') return state;
  const sizes = new Map<string, { loaded: number; length: number }>();
  const report = () => {
    let loaded = 0;
    let total = 0;
    let known = true;
    for (const size of sizes.values()) {
      loaded += size.loaded;
      // No Content-Length (a chunked or re-compressed answer): the total is unknown, and the
      // progress says so rather than claiming 100 % at every chunk.
      if (!size.length) known = false;
      // A compressed transfer can deliver more bytes than its Content-Length says.
      total += Math.max(size.length, size.loaded);
    }
    if (known) progress('downloading', loaded, total);
    else progress('downloading', loaded);
  };
  const fail = (url: string, why: string) => {
    state.failure ??= `Could not load ${url}: ${why}`;
  };

  scope.fetch = async function countingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
    if (!COUNTED_ASSETS.includes(name)) return original.call(globalThis, input, init);
    let response: Response;
    try {
      response = await original.call(globalThis, input, init);
    } catch (error) {
      fail(url, error instanceof Error ? error.message : String(error));
      throw error;
    }
    if (!response.ok) {
      fail(url, `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
      return response;
    }
    if (!response.body) return response;
    const size = { loaded: 0, length: Number(response.headers.get('content-length')) || 0 };
    sizes.set(url, size);
    report();
    // Counted on a copy: the caller gets the browser's own Response. Chromium keeps the machine
    // code it compiles from a streamed WebAssembly response beside that response's cache entry,
    // and reuses it on the next page view (CPython starts in about half the time); a Response
    // we made ourselves has no cache entry, so every view compiled the wasm again.
    const reader = response.clone().body!.getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          size.loaded += value.byteLength;
          report();
        }
      } catch {
        // The download failed: the caller reads the same error from its own copy.
      }
    })();
    return response;
  } as typeof fetch;
  state.restore = () => {
    scope.fetch = original;
  };
  return state;
}
