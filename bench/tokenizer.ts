// Tokenizer benchmark: the whole stdlib corpus (Pyodide's python_stdlib.zip) through our
// tokenizer and through CPython 3.14's tokenize (in Pyodide, same run). Prints tokens/second for
// each and the ratio. Also times re-tokenizing one ~2,000-line file, the editor's per-keystroke
// case. Run: npx tsx bench/tokenizer.ts
import { cpython } from '../test/oracle/cpython.js';
import { stdlibFiles } from '../test/oracle/tokenize.js';
import { tokenize, tokenizeBytesSafe } from '../src/engine/tokenizer/index.js';

const files = await stdlibFiles();
const totalBytes = files.reduce((n, [, b]) => n + b.length, 0);
console.log(`corpus: ${files.length} files, ${(totalBytes / 1e6).toFixed(1)} MB`);

function ours(): { tokens: number; ms: number } {
  const started = performance.now();
  let tokens = 0;
  for (const [, bytes] of files) tokens += tokenizeBytesSafe(bytes).tokens.length;
  return { tokens, ms: performance.now() - started };
}

// Warm up the JIT, then take the best of three.
ours();
const runs = [ours(), ours(), ours()];
const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));

const py = await cpython();
const measure = py.runPython(`
def _bench(blobs):
    import io, time, tokenize
    blobs = [bytes(b) for b in blobs]
    best = None
    for _ in range(2):
        count = 0
        t0 = time.perf_counter()
        for b in blobs:
            try:
                count += len(list(tokenize.tokenize(io.BytesIO(b).readline)))
            except (SyntaxError, tokenize.TokenError):
                pass
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    return [count, best * 1000]
_bench
`) as (blobs: unknown) => { toJs(): [number, number]; destroy(): void };
const pyBlobs = py.toPy(files.map(([, b]) => b));
const result = measure(pyBlobs);
const [cpyTokens, cpyMs] = result.toJs();
result.destroy();

const rate = (tokens: number, ms: number): string => `${((tokens / ms) * 1000 / 1e6).toFixed(2)} M tokens/s`;
console.log(`ours:    ${best.tokens} tokens in ${best.ms.toFixed(0)} ms  (${rate(best.tokens, best.ms)})`);
console.log(`CPython: ${cpyTokens} tokens in ${cpyMs.toFixed(0)} ms  (${rate(cpyTokens, cpyMs)}, tokenize module in Pyodide/wasm)`);
console.log(`ratio ours/CPython (throughput): ${((best.tokens / best.ms) / (cpyTokens / cpyMs)).toFixed(2)}x`);

// Editor case: one file of about 2,000 lines, re-tokenized from scratch.
const decoder = new TextDecoder();
const sources = files.map(([name, b]) => [name, decoder.decode(b)] as const);
const [name, big] = sources.reduce((a, b) =>
  Math.abs(a[1].split('\n').length - 2000) < Math.abs(b[1].split('\n').length - 2000) ? a : b,
);
const times: number[] = [];
for (let i = 0; i < 60; i++) {
  const t0 = performance.now();
  tokenize(big);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
  `re-tokenize ${name} (${big.split('\n').length} lines): median ${(times[30] as number).toFixed(2)} ms, ` +
    `p90 ${(times[54] as number).toFixed(2)} ms`,
);
