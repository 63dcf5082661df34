// Builds dist/python/python_stdlib.zip: the part of Pyodide's standard library that the kit's
// helpers and common teaching code import, so the first start downloads less. Each module is
// compiled here, by the same CPython build the reader's browser runs, and stored as bytecode
// only: Pyodide's zip holds sources, so every start compiles the ~140 modules Pyodide and the
// helpers import (2.7 s of a 3.4 s start in Node; 0.8 s from bytecode). Their sources go in
// dist/python/python_stdlib_sources.zip, which the worker fetches only when Python first needs
// one (a traceback's line, inspect.getsource()); a module left out is imported from Pyodide's
// whole zip, fetched on the first miss (src/engine/runtime/pyodide/python/pyinnards_stdlib.py).
// Data files of the packages are copied byte for byte.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON_DIR = join(root, 'src/engine/runtime/pyodide/python');

/**
 * What teaching code commonly imports, besides what the helpers do: the modules of the seed
 * articles and of an introductory course (data structures, text, numbers, time, typing, async).
 */
export const TEACHING_MODULES = [
  'abc', 'array', 'bisect', 'collections', 'contextlib', 'copy', 'dataclasses', 'datetime', 'decimal',
  'enum', 'fractions', 'functools', 'gc', 'heapq', 'itertools', 'json', 'math', 'numbers', 'operator',
  'os', 'pathlib', 'pprint', 'queue', 'random', 're', 'statistics', 'string', 'struct', 'sys',
  'textwrap', 'threading', 'time', 'timeit', 'typing', 'weakref',
];

/** The trimmed zip's bytes, its modules' sources as a zip of their own, and the modules it holds (as the paths of their sources). */
export async function buildTrimmedStdlib() {
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const py = await loadPyodide({ indexURL: pyodideDir + '/', stdout: () => {}, stderr: () => {} });
  py.FS.mkdirTree('/pyinnards');
  // Every helper module, so whatever they import is counted.
  for (const file of readdirSync(PYTHON_DIR).filter((name) => name.endsWith('.py'))) {
    py.FS.writeFile(`/pyinnards/${file}`, readFileSync(join(PYTHON_DIR, file), 'utf8'));
  }
  const result = py.runPython(`
import importlib, sys
sys.path.insert(0, "/pyinnards")
for name in ["pyinnards_stdlib", "pyinnards_runtime", "pyinnards_recorder", *${JSON.stringify(TEACHING_MODULES)}]:
    importlib.import_module(name)
# What the helpers import lazily while they run: a console session, a recording, a disassembly.
import pyinnards_runtime, pyinnards_recorder
pyinnards_runtime.disassemble("def f(x):\\n    return [i for i in x]\\n", '{"adaptive": true, "warmup": 2}')
pyinnards_recorder.trace("import asyncio\\nasync def main():\\n    await asyncio.sleep(0)\\nasyncio.run(main())\\n", '{}')
prefix = "/lib/python314.zip/"
# The modules CPython has frozen in (os, codecs, site, zipimport…) are named after the zip but
# never read from it: their code is in the interpreter and their file name is "<frozen os>", so
# no traceback or inspect call asks for their source either. Neither zip holds them.
import importlib.machinery
modules = {m.__file__[len(prefix):] for m in list(sys.modules.values()) if (getattr(m, "__file__", None) or "").startswith(prefix) and getattr(m, "__loader__", None) is not importlib.machinery.FrozenImporter}
# A package's data files come with it (only its unused .py modules are left out).
packages = {name.rsplit("/", 1)[0] + "/" for name in modules if "/" in name}
# Only now (zipfile would count as used otherwise).
import importlib.util, io, marshal, zipfile
source = zipfile.ZipFile("/lib/python314.zip")
out = io.BytesIO()
sources_out = io.BytesIO()
with zipfile.ZipFile(out, "w") as trimmed, zipfile.ZipFile(sources_out, "w") as sources:
    for info in source.infolist():
        name = info.filename
        data_file = not name.endswith(".py") and not name.endswith("/") and any(name.startswith(p) for p in packages)
        if name in modules:
            # Compiled as zipimport compiles a source (its path in the zip as the code's file
            # name, so tracebacks and co_filename read as they would) and stored as an
            # unchecked hash-based .pyc: valid without its source, and the same bytes each build.
            text = source.read(info)
            code = compile(text.replace(b"\\r\\n", b"\\n").replace(b"\\r", b"\\n"), prefix + name, "exec", dont_inherit=True)
            pyc = importlib.util.MAGIC_NUMBER + (0b01).to_bytes(4, "little") + importlib.util.source_hash(text) + marshal.dumps(code)
            trimmed.writestr(zipfile.ZipInfo(name + "c", info.date_time), pyc, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            sources.writestr(info, text, compress_type=info.compress_type)
        elif data_file:
            trimmed.writestr(info, source.read(info), compress_type=info.compress_type)
    # What the whole zip holds, so the worker fetches it only for modules it really has.
    index = "\\n".join(i.filename for i in source.infolist() if i.filename.endswith(".py"))
    trimmed.writestr("pyinnards-stdlib-index.txt", index, compress_type=zipfile.ZIP_DEFLATED)
(out.getvalue(), sources_out.getvalue(), sorted(modules))
`);
  const [bytes, sources, names] = result.toJs();
  result.destroy();
  return { bytes: new Uint8Array(bytes), sources: new Uint8Array(sources), names };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, sources } = await buildTrimmedStdlib();
  mkdirSync(join(root, 'dist/python'), { recursive: true });
  writeFileSync(join(root, 'dist/python/python_stdlib.zip'), bytes);
  writeFileSync(join(root, 'dist/python/python_stdlib_sources.zip'), sources);
  // Quiet: scripts/build.mjs narrates the step on the same line.
}
