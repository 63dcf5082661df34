// Computes results for `pyinnards bake` with the pinned CPython: the `pyodide` package in Node,
// driven by the same backend (and so the same Python helpers) as the browser's worker, through
// the bakers' shared computation (src/engine/bake/compute.ts). Loaded only when a bake has to
// be made.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPyodideBackend } from '../engine/runtime/pyodide/backend.js';
import { BAKE_PYTHON, type BakeResults } from '../engine/bake/format.js';
import { computeResult, type BakeEngine } from '../engine/bake/compute.js';
import type { WorkerIO } from '../engine/runtime/protocol.js';
import { nodeSession, TimeLimits } from './bake-console.js';

export { BakeRefusal } from '../engine/bake/compute.js';

export interface Computer {
  compute<T extends keyof BakeResults>(tag: T, code: string, attribute: (name: string) => string | null): Promise<BakeResults[T]>;
}

export async function cpythonComputer(): Promise<Computer> {
  const folder = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const backend = createPyodideBackend();
  const limits = new TimeLimits();
  const capabilities = await backend.load({ pyodideUrl: pathToFileURL(folder + '/').href, interruptBuffer: limits.interruptBuffer }, () => {});
  const python = capabilities.version.split(' (')[0];
  if (python !== BAKE_PYTHON) throw new Error(`The pyodide package runs ${python}; bakes need ${BAKE_PYTHON} (pyodide 314.0.7).`);
  const engine: BakeEngine = {
    capabilities,
    session: (name) => nodeSession(backend, limits, name),
    disassemble: (code, options) => backend.disassemble(code, options),
    trace: (code, { stdin, onInput, ...options }) => {
      // The worker's input(): the stdin lines, or the reader (who isn't there when baking).
      const lines = stdin === undefined ? undefined : stdin.split(/(?<=\n)/);
      const readLine = () => (lines ? (lines.shift() ?? null) : null);
      const io: WorkerIO = {
        stdout: () => {},
        stderr: () => {},
        input: async () => (lines ? readLine() : ((await onInput?.()) ?? null)),
        stdinLine: () => {
          if (!lines) void onInput?.();
          return readLine();
        },
      };
      return backend.trace(code, options, io);
    },
  };
  return { compute: (tag, code, attribute) => computeResult(engine, tag, code, attribute) };
}
