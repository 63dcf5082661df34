/**
 * The kit's entry (dist/pyinnards.js): registers every element. It must stay small, so it
 * imports no editor or interpreter code; those are dynamic imports made by the elements.
 */
import { configure, configureFromScriptTag, getConfig, type PyinnardsConfig, type EngineName } from './config.js';
import type { Engine, LoadProgress } from './engine/runtime/index.js';

configureFromScriptTag(import.meta.url);

export { configure, getConfig, type PyinnardsConfig, type EngineName };
export type * from './engine/runtime/types.js';

/**
 * The page's shared interpreter, for scripts that want Python without an element. The
 * interpreter layer is a separate chunk: nothing is downloaded until this is called.
 */
export async function loadEngine(
  options: Partial<Pick<PyinnardsConfig, 'engine' | 'pyodideUrl'>> = {},
  onProgress?: (progress: LoadProgress) => void,
): Promise<Engine> {
  const runtime = await import('./engine/runtime/index.js');
  return runtime.loadEngine({ ...getConfig(), ...options }, onProgress);
}

export type { PyErrorDetail, PyEngineDetail } from './elements/events.js';
export { PyTokenizer } from './elements/py-tokenizer.js';
export { PyDis } from './elements/py-dis.js';
export { PyFrames } from './elements/py-frames.js';
export { PyRepl } from './elements/py-repl.js';
