// Whether Skulpt can run some code, before it tries: features it lacks and modules it doesn't
// have get a message that names them and points to engine="pyodide".
import { findUnsupported, importedModules } from './source-scan.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

export const USE_PYODIDE = 'Use engine="pyodide" for full CPython 3.14.';

/** A message for code that needs what Skulpt lacks, or undefined when Skulpt can try. */
export function checkSupported(Sk: Sk, code: string): string | undefined {
  const unsupported = findUnsupported(code);
  if (unsupported) {
    return `This code uses ${unsupported.feature} (line ${unsupported.line}), which the Skulpt engine does not support. ${USE_PYODIDE}`;
  }
  // Code that guards its imports handles a missing module itself.
  if (/except\s*(\(|[\w.]*(ImportError|ModuleNotFoundError))/.test(code)) return undefined;
  for (const module of importedModules(code)) {
    if (!hasModule(Sk, module.name)) {
      return `This code imports '${module.name}' (line ${module.line}), which the Skulpt engine does not have. ${USE_PYODIDE}`;
    }
  }
  return undefined;
}

function hasModule(Sk: Sk, name: string): boolean {
  const files: Record<string, string> = Sk.builtinFiles.files;
  const candidates = [`src/builtin/${name}.js`, `src/lib/${name}.js`, `src/lib/${name}.py`, `src/lib/${name}/__init__.js`, `src/lib/${name}/__init__.py`];
  const file = candidates.find((path) => path in files);
  // Skulpt ships stubs for much of the stdlib that only raise NotImplementedError.
  return file !== undefined && !/^raise NotImplementedError/.test(files[file]!);
}
