/**
 * The kit's entry (dist/pyinnards.js): registers every element. It must stay small, so it
 * imports no editor or interpreter code; those are dynamic imports made by the elements.
 */
import { configureFromScriptTag } from './config.js';

configureFromScriptTag(import.meta.url);

export { configure, getConfig, type PyinnardsConfig, type EngineName } from './config.js';
export type { PyErrorDetail, PyEngineDetail } from './elements/events.js';
export { PyTokenizer } from './elements/py-tokenizer.js';
export { PyDis } from './elements/py-dis.js';
export { PyFrames } from './elements/py-frames.js';
export { PyRepl } from './elements/py-repl.js';
