// The pyodide backend, inside its worker: loads CPython 3.14 (Pyodide) from the asset URL and
// answers requests through the Python helpers in ./python/ (pyinnards_runtime.py calls into the others, and
// ./python/pyinnards_recorder.py for recorded runs). This file is
// only glue (loading, progress, stdio wiring); everything Python-shaped lives in the helpers,
// where the Node tests check it against CPython.
import type { PyodideInterface } from 'pyodide';
import type { Capabilities, Disassembly, RunOutcome } from '../types.js';
import { PROGRESS_DONE } from '../../engines.js';
import type { LoadSettings, WorkerBackend, WorkerIO } from '../protocol.js';
import type { Trace } from '../../trace/format.js';
import type { Helpers, PyFunction, Readline, Recorder } from './helpers.js';
import { HELPERS_DIR, HELPERS_MODULE, MODULE_SOURCES, RECORDER_MODULE, STDLIB_MODULE } from './helper-modules.js';
import { snapshotStore } from './snapshot.js';
import { countDownloads } from './download-progress.js';

/** How long after a cold start its snapshot is stored (the first requests come first). */
const SAVE_SNAPSHOT_AFTER_MS = 3000;
/** The phase while Python starts from the state a previous page view saved (./snapshot.ts). */
export const RESTORING_PHASE = "starting from this browser's saved copy";
/** The phase while code waits for the standard library's whole zip (an import the trimmed one lacks). */
export const WHOLE_STDLIB_PHASE = 'downloading the rest of the standard library';
/** The phase while code waits for the sources of the trimmed stdlib's modules (a traceback's lines). */
export const STDLIB_SOURCES_PHASE = "downloading the standard library's sources";

/** The package ABI of the pinned Pyodide (its pyodide-lock.json `info.abi_version`; a test checks it). */
export const PYODIDE_ABI_VERSION = '2026_0';

/**
 * Pyodide's package index, given instead of downloading pyodide-lock.json (119 KB, a request
 * DevTools lists on every page): the kit installs no packages. Pyodide checks only the ABI.
 * With no packages listed, `import numpy` raises CPython's own ModuleNotFoundError rather than
 * Pyodide's hint to install it.
 */
const NO_PACKAGES = { info: { abi_version: PYODIDE_ABI_VERSION }, packages: {} };


type PyodideModule = { loadPyodide(options: Record<string, unknown>): Promise<PyodideInterface> };

/**
 * Pyodide can block Python on a JS promise (what `asyncio.run()` needs inside a run) only
 * with WebAssembly JS Promise Integration: the standard API, or the older flag-gated one.
 */
function hasStackSwitching(): boolean {
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  return typeof wasm.Suspending === 'function' || typeof wasm.Suspender === 'function';
}

export function createPyodideBackend(): WorkerBackend {
  let py: PyodideInterface | undefined;
  let helpers: Helpers | undefined;
  let recorder: Recorder | undefined;
  let interruptBuffer: Int32Array | undefined;
  const promising = hasStackSwitching();

  // Python's stdout/stderr go to the request being served. Pyodide hands us raw UTF-8 bytes
  // (`write`), so nothing is added or dropped; a streaming decoder per request keeps a
  // character split across two writes whole.
  let current: { io: WorkerIO; out: TextDecoder; err: TextDecoder } | undefined;
  // What a console's tasks print while none of its inputs runs: the helpers hand it here.
  let toConsole: ((session: string, stream: 'stdout' | 'stderr', text: string) => void) | undefined;

  function ready(): { py: PyodideInterface; helpers: Helpers; recorder: Recorder } {
    if (!py || !helpers || !recorder) throw new Error('Python is not loaded yet.');
    return { py, helpers, recorder };
  }

  /** Serves one request with `io` as Python's stdio, whatever happens. */
  async function serving<T>(io: WorkerIO | undefined, body: () => Promise<T> | T): Promise<T> {
    // A Stop pressed while nothing ran must not interrupt this request.
    if (interruptBuffer) Atomics.store(interruptBuffer, 0, 0);
    const previous = current;
    current = io ? { io, out: new TextDecoder(), err: new TextDecoder() } : undefined;
    try {
      return await body();
    } finally {
      if (current) {
        const tailOut = current.out.decode();
        const tailErr = current.err.decode();
        if (tailOut) current.io.stdout(tailOut);
        if (tailErr) current.io.stderr(tailErr);
      }
      current = previous;
    }
  }

  /**
   * A line as Python's stdin gives it: ended by one newline. (A reader's answer has none; a line
   * of the stdin text has its own, but for the last: adding one to it would make an extra line.)
   */
  function newlineEnded(answer: string | null): string | undefined {
    return answer === null ? undefined : answer.endsWith('\n') ? answer : `${answer}\n`;
  }

  function readlineFor(io: WorkerIO): Readline {
    // undefined (not null) at end of input: Pyodide turns it into None. Python's input() has
    // already written its prompt to stdout when it asks. Where the page shares memory, the
    // worker blocks until the reader answers; with stack switching, Python waits for the
    // answer's promise (when the request asked for input at all: io.input reads the stdin
    // text otherwise); else the stdin text is read.
    return () => {
      if (io.inputSync) return newlineEnded(io.inputSync(''));
      if (promising) return io.input('').then(newlineEnded);
      return io.stdinLine() ?? undefined;
    };
  }

  /** A KeyboardInterrupt that escaped the helpers (raised between user code and them). */
  function stoppedOrThrow(error: unknown): RunOutcome {
    if (error instanceof Error && (error as { type?: string }).type === 'KeyboardInterrupt') {
      return { status: 'stopped', sessionReset: false };
    }
    throw error;
  }

  async function call<A extends unknown[], R>(fn: PyFunction<A, R>, ...args: A): Promise<Awaited<R>> {
    return promising ? fn.callPromising(...args) : await fn(...args);
  }

  return {
    async load(settings: LoadSettings, progress): Promise<Capabilities> {
      const base = settings.pyodideUrl.endsWith('/') ? settings.pyodideUrl : settings.pyodideUrl + '/';
      // (URLs as the browser resolves them: `a/./` is `a/`, the same assets.)
      const snapshots = settings.snapshot
        ? await snapshotStore({ pyodideUrl: new URL(base).href, stdlibUrl: settings.stdlibUrl && new URL(settings.stdlibUrl).href, sources: MODULE_SOURCES })
        : undefined;
      // Read (and its SHA-256 checked) while Pyodide's loader is fetched, not after it.
      const reading = snapshots?.read();
      const downloads = countDownloads(progress);
      let loaded: PyodideInterface | undefined;
      let restored = false;
      try {
        let module: PyodideModule;
        const entry = base + 'pyodide.mjs';
        try {
          module = (await import(/* @vite-ignore */ entry)) as PyodideModule;
        } catch (error) {
          throw new Error(`Could not load ${entry}: ${describe(error)}`);
        }
        const start = async (snapshot: Record<string, unknown>) => {
          try {
            return await module.loadPyodide({
              indexURL: indexUrlFor(base),
              lockFileContents: NO_PACKAGES,
              ...(settings.stdlibUrl ? { stdLibURL: indexUrlFor(settings.stdlibUrl) } : {}),
              // Startup chatter stays out of the page's console and out of the first output.
              stdout: () => {},
              stderr: () => {},
              ...snapshot,
            });
          } catch (error) {
            // Pyodide's own error is a dump of its internals; the failed download says it better.
            throw new Error(downloads.failure ?? `Python could not start from ${base}: ${describe(error)}`);
          }
        };
        const saved = await reading;
        if (saved) {
          progress(RESTORING_PHASE);
          try {
            loaded = await start({ _loadSnapshot: saved });
            // The stdlib zip is the one just downloaded: zipimport reads its table of contents
            // again (the snapshot's may describe an older zip at the same URL).
            loaded.runPython('import zipimport\nzipimport._zip_directory_cache.clear()');
            ({ helpers, recorder } = importHelpers(loaded));
            restored = true;
          } catch (error) {
            // (Another Pyodide build, or a state the helpers can't use: start as without it.)
            console.info(`pyinnards: Python's saved snapshot was refused (${describe(error)}); Python starts from scratch.`);
            await snapshots!.remove();
          }
        }
        if (!restored) loaded = await start(snapshots ? { _makeSnapshot: true } : {});
      } finally {
        downloads.restore();
      }
      progress('starting Python');
      if (!restored) {
        ({ helpers, recorder } = importHelpers(loaded!));
        // Made now, before Python holds any JavaScript object (a snapshot can't carry one);
        // hashed and stored a little later, so the page's first results don't wait for it.
        if (snapshots) {
          try {
            const snapshot = loaded!.makeMemorySnapshot();
            setTimeout(() => void snapshots.save(snapshot), SAVE_SNAPSHOT_AFTER_MS);
          } catch (error) {
            console.info(`pyinnards: Python's snapshot could not be made (${describe(error)}).`);
          }
        }
      }
      const pyodide = loaded!;

      for (const [kind, set] of [['stdout', pyodide.setStdout], ['stderr', pyodide.setStderr]] as const) {
        set({
          write(bytes: Uint8Array) {
            if (current) {
              const text = (kind === 'stdout' ? current.out : current.err).decode(bytes, { stream: true });
              if (text) current.io[kind](text);
            }
            return bytes.length;
          },
        });
      }
      if (settings.interruptBuffer) {
        interruptBuffer = settings.interruptBuffer;
        pyodide.setInterruptBuffer(settings.interruptBuffer);
      } else {
        // Without shared memory Stop terminates this worker. WebKit can end a worker only where
        // it runs JavaScript, never inside a WebAssembly loop such as `while True: pass`, so a
        // stopped run would burn a core for as long as the page is open. With a signal buffer
        // set, CPython calls into JavaScript every few dozen eval-loop ticks to read it: a
        // buffer nobody writes to is enough to give the browser those chances.
        pyodide.setInterruptBuffer(new Int32Array(1));
      }

      if (settings.stdlibUrl) {
        // With the trimmed stdlib, any other stdlib module comes from Pyodide's whole zip, and
        // the trimmed modules' sources from the zip beside it (scripts/build-stdlib.mjs).
        // Each request blocks this worker (an import can't wait for a promise) but not the
        // page: say what it waits for first, and when it is over.
        const waitingFor = (phase: string, url: string) => () => {
          progress(phase);
          try {
            return readSync(url);
          } finally {
            progress(PROGRESS_DONE);
          }
        };
        (pyodide.pyimport(STDLIB_MODULE) as unknown as { install(fetch: () => Uint8Array, fetchSources: () => Uint8Array): void }).install(
          waitingFor(WHOLE_STDLIB_PHASE, base + 'python_stdlib.zip'),
          waitingFor(STDLIB_SOURCES_PHASE, new URL('python_stdlib_sources.zip', settings.stdlibUrl).href),
        );
      }
      helpers!.send_console_output((session, stream, text) => toConsole?.(session, stream, text));
      py = pyodide;

      const python = (pyodide.runPython('import sys; ".".join(map(str, sys.version_info[:3]))') as string) ?? '';
      return {
        version: `CPython ${python} (Pyodide ${pyodide.version})`,
        dis: true,
        trace: true,
        repl: true,
        topLevelAwait: true,
        interrupt: !!settings.interruptBuffer,
        interactiveInput: settings.inputBuffer !== undefined || promising,
        ...(restored ? { fromSnapshot: true } : {}),
      };
    },

    run(code, filename, io) {
      const { helpers } = ready();
      return serving(io, async () => {
        try {
          return JSON.parse(await call(helpers.run, code, filename, readlineFor(io))) as RunOutcome;
        } catch (error) {
          return stoppedOrThrow(error);
        }
      });
    },

    push(session, source, force, io) {
      const { helpers } = ready();
      return serving(io, async () => {
        // While an input awaits (top-level await) no Python runs, so Pyodide never sees the
        // interrupt flag; poll it and cancel the awaiting task like the asyncio REPL's Ctrl-C.
        const poll = interruptBuffer
          ? setInterval(() => {
              if (interruptBuffer && Atomics.load(interruptBuffer, 0) !== 0) {
                Atomics.store(interruptBuffer, 0, 0);
                helpers.interrupt();
              }
            }, 50)
          : undefined;
        try {
          // Without a way to block for the reader, input() at the input's top level awaits the answer.
          const awaitLine = io.inputSync || promising ? undefined : () => io.input('').then(newlineEnded);
          return JSON.parse(await call(helpers.push, session, source, readlineFor(io), force, awaitLine)) as {
            more: boolean;
            outcome: RunOutcome;
          };
        } catch (error) {
          return { more: false, outcome: stoppedOrThrow(error) };
        } finally {
          if (poll !== undefined) clearInterval(poll);
        }
      });
    },

    interrupt() {
      // A message from Stop (no shared memory): cancels console inputs waiting at an `await`.
      helpers?.interrupt();
    },

    consoleOutput(listener) {
      toConsole = listener;
    },

    async complete(session, text) {
      const { helpers } = ready();
      return serving(undefined, () => JSON.parse(helpers.complete(session, text)) as string[]);
    },

    async reset(session) {
      const { helpers } = ready();
      await serving(undefined, () => helpers.reset(session));
    },

    async disassemble(code, options) {
      const { helpers } = ready();
      return serving(undefined, () => JSON.parse(helpers.disassemble(code, toPlain(options))) as Disassembly);
    },

    trace(code, options, io) {
      const { recorder } = ready();
      // Stop reaches the program as KeyboardInterrupt, which the recorder turns into the
      // recording so far (end.status "stopped").
      return serving(io, async () => JSON.parse(await call(recorder.trace, code, toPlain(options), readlineFor(io))) as Trace);
    },
  };
}

/**
 * Writes the helpers into Python's file system (JavaScript's: a snapshot doesn't restore it) and
 * imports them (imported already in a restored snapshot).
 */
function importHelpers(pyodide: PyodideInterface): { helpers: Helpers; recorder: Recorder } {
  pyodide.FS.mkdirTree(HELPERS_DIR);
  for (const [module, source] of Object.entries(MODULE_SOURCES)) pyodide.FS.writeFile(`${HELPERS_DIR}/${module}.py`, source);
  pyodide.runPython(`import sys\nif ${JSON.stringify(HELPERS_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(HELPERS_DIR)})`);
  return { helpers: pyodide.pyimport(HELPERS_MODULE) as unknown as Helpers, recorder: pyodide.pyimport(RECORDER_MODULE) as unknown as Recorder };
}

/** Options cross into Python as JSON text (a JS object would arrive as a JsProxy). */
function toPlain(options: object): string {
  return JSON.stringify(options ?? {});
}

/**
 * A file's bytes, synchronously: Python's import system can't wait for a promise. Workers may
 * make synchronous requests; Node (tests, the CLI) reads a file URL.
 */
function readSync(url: string): Uint8Array {
  if (typeof XMLHttpRequest === 'function') {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.responseType = 'arraybuffer';
    request.send();
    if (request.status !== 200) throw new Error(`Could not load ${url}: HTTP ${request.status}`);
    return new Uint8Array(request.response as ArrayBuffer);
  }
  const node = (globalThis as { process?: { getBuiltinModule?(name: 'fs'): { readFileSync(path: URL): Uint8Array } } }).process;
  const fs = node?.getBuiltinModule?.('fs');
  if (!fs) throw new Error(`Could not load ${url}: no synchronous way to read it here.`);
  const bytes = fs.readFileSync(new URL(url));
  // A Node Buffer, which Pyodide doesn't convert: the same bytes as a plain Uint8Array.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Pyodide under Node (our tests) reads its assets with `fs` and wants a path, not a file URL. */
function indexUrlFor(base: string): string {
  const inNode = !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return inNode && base.startsWith('file:') ? decodeURIComponent(new URL(base).pathname) : base;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
