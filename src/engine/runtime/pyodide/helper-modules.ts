// The Python helpers the pyodide worker writes into Pyodide's file system: one table, so a new
// .py module is added in one place (a Node test checks that every file in ./python/ is here).
import helpersSource from './python/pyinnards_runtime.py?text';
import consoleSource from './python/pyinnards_console.py?text';
import disassemblySource from './python/pyinnards_disassembly.py?text';
import errorsSource from './python/pyinnards_errors.py?text';
import stdioSource from './python/pyinnards_stdio.py?text';
import recorderSource from './python/pyinnards_recorder.py?text';
import valueStackSource from './python/pyinnards_value_stack.py?text';
import stdlibSource from './python/pyinnards_stdlib.py?text';
import loopSource from './python/pyinnards_loop.py?text';
import stepsSource from './python/pyinnards_steps.py?text';
import captureSource from './python/pyinnards_capture.py?text';
import interruptsSource from './python/pyinnards_interrupts.py?text';

/** Where the helpers live in Pyodide's file system (a folder put first on sys.path). */
export const HELPERS_DIR = '/pyinnards';
export const HELPERS_MODULE = 'pyinnards_runtime';
export const RECORDER_MODULE = 'pyinnards_recorder';
export const STDLIB_MODULE = 'pyinnards_stdlib';

/** Every helper module, written into HELPERS_DIR before the first import. */
export const MODULE_SOURCES: Record<string, string> = {
  [HELPERS_MODULE]: helpersSource,
  pyinnards_console: consoleSource,
  pyinnards_disassembly: disassemblySource,
  pyinnards_errors: errorsSource,
  pyinnards_stdio: stdioSource,
  pyinnards_interrupts: interruptsSource,
  [RECORDER_MODULE]: recorderSource,
  // The recorder's asyncio event loop (a virtual clock: see the module).
  pyinnards_loop: loopSource,
  // The recorder's trace functions and tables, and its capture of the program's output.
  pyinnards_steps: stepsSource,
  pyinnards_capture: captureSource,
  pyinnards_value_stack: valueStackSource,
  [STDLIB_MODULE]: stdlibSource,
};
