/**
 * The kit's entry (dist/pyinnards.js): a small loader. It reads the script tag's settings and
 * imports each element's module (dist/elements/<tag>.js) when that tag first appears in the page,
 * so it stays small however many elements there are. It imports no element, editor or interpreter
 * code statically.
 *
 * The element classes are exported here as types only (importing them would load every element):
 * a script that needs a class at run time imports it from the element's module, e.g.
 * `import { PyRepl } from 'pyinnards/elements/py-repl.js'`, or waits for
 * `customElements.whenDefined('py-repl')`.
 */
import { configure, configureFromScriptTag, getConfig, type PyinnardsConfig, type EngineName } from './config.js';
import type { Engine, LoadProgress } from './engine/runtime/index.js';
import { autoload } from './autoloader.js';

configureFromScriptTag(import.meta.url);
if (typeof document !== 'undefined') autoload(document);

export { configure, getConfig, type PyinnardsConfig, type EngineName };
export type * from './engine/runtime/types.js';

/**
 * The page's shared interpreter, for scripts that want Python without an element. The
 * interpreter layer is a separate chunk: nothing is downloaded until this is called.
 */
export async function loadEngine(
  options: Partial<Pick<PyinnardsConfig, 'engine' | 'pyodideUrl' | 'snapshot'>> = {},
  onProgress?: (progress: LoadProgress) => void,
): Promise<Engine> {
  const runtime = await import('./engine/runtime/index.js');
  return runtime.loadEngine({ ...getConfig(), ...options }, onProgress);
}

export type {
  PyErrorDetail,
  PyEngineDetail,
  PyResultDetail,
  TokenizerResultDetail,
  DisResultDetail,
  FramesResultDetail,
  ReplResultDetail,
  AstResultDetail,
  AstSyntaxErrorDetail,
} from './elements/events.js';
// Type-only, so that `HTMLElementTagNameMap` (declared by each element's module) reaches users.
export type { PyTokenizer } from './elements/py-tokenizer.js';
export type { PyDis } from './elements/py-dis.js';
export type { PyFrames } from './elements/py-frames.js';
export type { PyRepl } from './elements/py-repl.js';
export type { PyAst } from './elements/py-ast.js';
