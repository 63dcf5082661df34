// What the browser running the tests lets the kit do, as the kit itself decides it (the engine's
// capabilities), so a test checks the documented fallback where a capability is missing.
import { pyodideUrl } from './cdn.js';

/** Whether input() in CPython can wait for the reader's answer here (stack switching or shared memory). */
export async function pythonCanWaitForInput(): Promise<boolean> {
  const { loadEngine } = await import('../../../src/engine/runtime/index.js');
  return (await loadEngine({ engine: 'pyodide', pyodideUrl })).capabilities.interactiveInput;
}
