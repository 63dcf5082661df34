// Computes results for `pyinnards bake` with the pinned CPython: the `pyodide` package in Node,
// driven by the same backend (and so the same Python helpers) as the browser's worker, with the
// options each element passes. Loaded only when a bake has to be made.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPyodideBackend } from '../engine/runtime/pyodide/backend.js';
import { disassembleWith } from '../engine/dis/index.js';
import { BAKE_PYTHON, type BakeResults } from '../engine/bake/format.js';
import type { Engine } from '../engine/runtime/types.js';
import type { WorkerIO } from '../engine/runtime/protocol.js';
import { DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT_SECONDS } from '../elements/attributes.js';

/** Why an element can't be baked: said on its line, and the run fails. */
export class BakeRefusal extends Error {}

export interface Computer {
  compute<T extends keyof BakeResults>(tag: T, code: string, attribute: (name: string) => string | null): Promise<BakeResults[T]>;
}

/** A numeric attribute as lit reads it (Number(value)); undefined when absent. */
function numberAttribute(attribute: (name: string) => string | null, name: string, valid: (n: number) => boolean, what: string): number | undefined {
  const raw = attribute(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!valid(value)) throw new BakeRefusal(`${name}="${raw}" is not ${what}, so the element shows an error instead of a result`);
  return value;
}

export async function cpythonComputer(): Promise<Computer> {
  const folder = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const backend = createPyodideBackend();
  const capabilities = await backend.load({ pyodideUrl: pathToFileURL(folder + '/').href }, () => {});
  const python = capabilities.version.split(' (')[0];
  if (python !== BAKE_PYTHON) throw new Error(`The pyodide package runs ${python}; bakes need ${BAKE_PYTHON} (pyodide 314.0.7).`);
  const engine = { disassemble: (code: string, options: Record<string, unknown>) => backend.disassemble(code, options) } as Engine;

  return {
    async compute(tag, code, attribute) {
      if (tag === 'py-dis') {
        const whole = (n: number) => Number.isInteger(n) && n >= 0;
        const adaptive = numberAttribute(attribute, 'adaptive', whole, 'a whole number of warm-up runs');
        const depth = numberAttribute(attribute, 'depth', whole, 'a whole number of levels');
        // What <py-dis> passes (src/elements/py-dis.ts).
        const result = await disassembleWith(engine, code, {
          showCaches: attribute('show-caches') !== null,
          showOffsets: attribute('show-offsets') !== null,
          showPositions: attribute('show-positions') !== null,
          adaptive: adaptive !== undefined && adaptive > 0,
          warmup: adaptive ?? 0,
          depth: depth ?? null,
        });
        return result as BakeResults[typeof tag];
      }
      if (tag === 'py-frames') {
        const granularity = attribute('granularity') ?? 'line';
        if (granularity !== 'line' && granularity !== 'instruction') throw new BakeRefusal(`granularity="${granularity}" is not one of line, instruction`);
        const maxSteps = numberAttribute(attribute, 'max-steps', (n) => Number.isInteger(n) && n > 0, 'a positive whole number') ?? DEFAULT_MAX_STEPS;
        const timeout = numberAttribute(attribute, 'timeout', (n) => Number.isFinite(n) && n >= 0, 'a number of seconds') ?? DEFAULT_TIMEOUT_SECONDS;
        const stdin = attribute('stdin');
        const lines = stdin === null ? [] : stdin.split(/(?<=\n)/);
        let askedReader = false;
        const readLine = () => {
          if (stdin === null) {
            askedReader = true;
            return null;
          }
          return lines.shift() ?? null;
        };
        const io: WorkerIO = { stdout: () => {}, stderr: () => {}, input: async () => readLine(), stdinLine: readLine };
        // What <py-frames> asks for (src/elements/py-frames.ts, engine-element.ts).
        const trace = await backend.trace(code, { maxSteps, granularity, timeLimitMs: timeout * 1000 }, io);
        if (askedReader) throw new BakeRefusal('the code calls input(), which asks the reader: give the element a stdin attribute to bake it');
        if (trace.end.status === 'time-limit') throw new BakeRefusal(`the run took longer than its time limit (${timeout} s), so the reader's run would differ`);
        return trace as BakeResults[typeof tag];
      }
      throw new BakeRefusal('baking <py-repl> is not supported yet');
    },
  };
}
