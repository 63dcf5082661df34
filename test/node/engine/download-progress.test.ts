// The worker's download progress (src/engine/runtime/pyodide/download-progress.ts), on a stubbed
// fetch: it counts the bytes of Pyodide's big assets and hands Pyodide the browser's own
// Response, which Chromium needs to reuse the machine code it compiled from the wasm.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { countDownloads } from '../../../src/engine/runtime/pyodide/download-progress.js';

const scope = globalThis as { fetch: typeof fetch };
const realFetch = scope.fetch;
const wasm = new Uint8Array(300_000).fill(7);

/** A fetch answering every URL with `wasm` in chunks, and remembering the Responses it made. */
function stubFetch(status = 200): Response[] {
  const made: Response[] = [];
  scope.fetch = (async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < wasm.length; at += 65_536) controller.enqueue(wasm.subarray(at, at + 65_536));
        controller.close();
      },
    });
    const response = new Response(status === 200 ? body : null, {
      status,
      headers: { 'content-type': 'application/wasm', 'content-length': String(wasm.length) },
    });
    made.push(response);
    return response;
  }) as typeof fetch;
  return made;
}

describe('download progress', () => {
  afterEach(() => {
    scope.fetch = realFetch;
  });

  it('gives Pyodide the Response fetch made, not a copy, and still counts every byte', async () => {
    const made = stubFetch();
    const steps: Array<[string, number | undefined, number | undefined]> = [];
    const downloads = countDownloads((phase, loaded, total) => steps.push([phase, loaded, total]));
    const response = await fetch('https://cdn.example/pyodide/pyodide.asm.wasm');
    assert.equal(response, made[0], 'the very Response the browser made');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), wasm, 'with its whole body');
    await new Promise((resolve) => setTimeout(resolve, 0));
    downloads.restore();
    assert.deepEqual(steps.at(-1), ['downloading', wasm.length, wasm.length]);
    assert.ok(steps.length > 2, `progress as the bytes arrive (${steps.length} steps)`);
  });

  it('names an asset that failed, and gives fetch back afterwards', async () => {
    stubFetch(404);
    const stubbed = scope.fetch;
    const downloads = countDownloads(() => {});
    assert.notEqual(scope.fetch, stubbed, 'fetch is watched while Pyodide loads');
    await fetch('https://cdn.example/pyodide/pyodide.asm.wasm');
    assert.equal(downloads.failure, 'Could not load https://cdn.example/pyodide/pyodide.asm.wasm: HTTP 404');
    downloads.restore();
    assert.equal(scope.fetch, stubbed, 'and given back afterwards');
  });
});
