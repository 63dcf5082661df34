// The Skulpt backend, inside its worker: Skulpt 1.2.0 (a Python 3.7-like subset compiled to
// JavaScript) with the patches that make it print what CPython prints where that is cheap.
import type { Capabilities, RunOutcome } from '../types.js';
import type { LoadSettings, WorkerBackend, WorkerIO } from '../protocol.js';
import type { Trace, TraceEnd } from '../../trace/format.js';
import { RecordingLimit, SkulptRecorder } from './recorder.js';
import { needsMoreInput, stripFinalIndent } from './source-scan.js';
import { keywords } from '../../tokenizer/index.js';
import { configureSkulpt } from './patches.js';
import { isA, outcomeOf as outcomeOfError, systemExit as endBySystemExit } from './errors.js';
import { USE_PYODIDE, checkSupported as checkWith } from './support-check.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

const SKULPT = 'Skulpt 1.2.0';
const VERSION = `${SKULPT} (Python 3 subset)`;

interface Session {
  globals: Record<string, unknown>;
  /** Inputs run so far: the N in <python-input-N>. */
  count: number;
}

/** Output and input of the request running now; Skulpt's hooks are global, so they look here. */
let current: WorkerIO | undefined;
/** Source of every file name we compiled, for function names in tracebacks. */
const sources = new Map<string, string>();

export function createSkulptBackend(): WorkerBackend {
  let Sk: Sk;
  let interruptBuffer: Int32Array | undefined;
  let interruptRequested = false;
  const sessions = new Map<string, Session>();

  /** Nonzero in the shared buffer (the host writes 2, SIGINT, as for Pyodide) or a call to interrupt(). */
  function takeInterrupt(): boolean {
    let requested = interruptRequested;
    interruptRequested = false;
    if (interruptBuffer && Atomics.load(interruptBuffer, 0) !== 0) {
      Atomics.store(interruptBuffer, 0, 0);
      requested = true;
    }
    return requested;
  }

  const suspensionHandlers = {
    // Skulpt yields every few milliseconds (Sk.yieldLimit, patches.ts): give the event loop a turn, then
    // stop with KeyboardInterrupt if Stop was pressed. (Skulpt's own handler needs setImmediate.)
    'Sk.yield': (suspension: Sk) =>
      new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        if (takeInterrupt()) throw new Sk.builtin.KeyboardInterrupt();
        return suspension.resume();
      }),
  };

  function sessionFor(name: string): Session {
    let session = sessions.get(name);
    if (!session) {
      session = { globals: freshGlobals(), count: 0 };
      sessions.set(name, session);
    }
    return session;
  }

  function freshGlobals(): Record<string, unknown> {
    return { __name__: new Sk.builtin.str('__main__'), __doc__: Sk.builtin.none.none$, __package__: Sk.builtin.none.none$ };
  }

  /**
   * Compiles and runs `code` in `globals` (Skulpt's importMainWithBody would name the file
   * "<name>.py" and make a new namespace each time). With `echo`, expression statements at the
   * top level print their repr, as in CPython's 'single' mode. With a `recorder`, the code is
   * compiled to stop before each statement and the recorder takes each stop as a step.
   */
  async function execute(code: string, filename: string, globals: Record<string, unknown>, echo: boolean, recorder?: SkulptRecorder): Promise<void> {
    sources.set(filename, code);
    Sk.execStart = Sk.lastYield = Date.now();
    echoing = echo;
    // Read when compiling (library modules imported later compile without stops).
    Sk.debugging = recorder !== undefined;
    let compiled: { code: string; funcname: string };
    try {
      compiled = Sk.compile(code, filename, 'exec', true);
    } finally {
      echoing = false;
      Sk.debugging = false;
    }
    const javascript = recorder ? SkulptRecorder.instrument(compiled.code) : compiled.code;
    // Skulpt compiles Python to JavaScript source and evaluates it (so it needs 'unsafe-eval'
    // wherever it runs anyway).
    const moduleFunction = Sk.global['eval'](`${javascript}\n${compiled.funcname};`);
    const handlers = recorder ? { ...suspensionHandlers, 'Sk.debug': recorder.onStatement } : suspensionHandlers;
    await Sk.misceval.asyncToPromise(() => moduleFunction(globals), handlers);
  }

  /** The recording running now, which breakpoint() marks. */
  let recording: SkulptRecorder | undefined;

  /** A fresh interpreter state, as `python file.py` would have; returns the new __main__'s globals. */
  function freshMain(): Record<string, unknown> {
    Sk.sysmodules = new Sk.builtin.dict([]);
    Sk.realsyspath = undefined;
    Sk.resetCompiler();
    const globals = freshGlobals();
    const main = new Sk.builtin.module();
    main.$d = globals;
    Sk.sysmodules.mp$ass_subscript(new Sk.builtin.str('__main__'), main);
    return globals;
  }

  /** Set while compiling a REPL input: top-level expression statements get echoed. */
  let echoing = false;

  const outcomeOf = (error: unknown, io: WorkerIO, replFilenames: boolean) => outcomeOfError(Sk, error, io, replFilenames, sources);
  const systemExit = (error: unknown, io: WorkerIO) => endBySystemExit(Sk, error, io);
  const checkSupported = (code: string) => checkWith(Sk, code);



  function withIO<T>(io: WorkerIO, body: () => Promise<T>): Promise<T> {
    current = io;
    return body().finally(() => {
      current = undefined;
    });
  }

  return {
    async load(settings: LoadSettings, progress): Promise<Capabilities> {
      interruptBuffer = settings.interruptBuffer;
      progress('loading Skulpt');
      const { skulptSource, stdlibSource } = await import('./skulpt-files.js');
      // Skulpt's dist files are classic scripts that assign the global `Sk`; module workers have
      // no importScripts, so evaluate them as global code (indirect eval). This needs no more
      // than Skulpt itself needs: it evaluates the JavaScript it compiles Python into.
      (0, eval)(skulptSource);
      (0, eval)(stdlibSource);
      Sk = (globalThis as unknown as { Sk: Sk }).Sk;
      configureSkulpt(Sk, {
        io: () => current,
        recording: () => recording,
        replGlobals: () => replGlobals,
        echoing: () => echoing,
      });
      progress('ready');
      return {
        version: VERSION,
        dis: false,
        // Line steps only; each trace lists what else Skulpt can't show.
        trace: true,
        repl: true,
        topLevelAwait: false,
        // Stop reaches a running loop at each yield: through the shared buffer where there is
        // one, else through an interrupt message (Skulpt yields to the worker's event loop).
        interrupt: true,
        interactiveInput: true,
      };
    },

    run(code, filename, io) {
      return withIO(io, async () => {
        const unsupported = checkSupported(code);
        if (unsupported) return { status: 'failed', message: unsupported };
        takeInterrupt();
        const globals = freshMain();
        try {
          await execute(code, safeFilename(filename), globals, false);
          return { status: 'ok' };
        } catch (error) {
          if (isA(Sk, error, 'SystemExit')) return systemExit(error, io);
          return outcomeOf(error, io, false);
        }
      });
    },

    disassemble() {
      return Promise.reject(new Error(`The Skulpt engine cannot disassemble: it has no bytecode. ${USE_PYODIDE}`));
    },

    async trace(code, options, io): Promise<Trace> {
      if (options.granularity === 'instruction') {
        throw new Error(`The Skulpt engine has no bytecode, so it can't record instructions or their value stack. ${USE_PYODIDE}`);
      }
      const unsupported = checkSupported(code);
      if (unsupported) throw new Error(unsupported);
      takeInterrupt();
      const filename = safeFilename(options.filename ?? '<py-frames>');
      const globals = freshMain();
      const recorder = new SkulptRecorder(Sk, SKULPT, code, filename, globals, options);
      // The recording keeps the output too, and doesn't count the wait for input().
      const recordingIO: WorkerIO = {
        ...io,
        stdout: (text) => ((recorder.stdout += text), io.stdout(text)),
        stderr: (text) => ((recorder.stderr += text), io.stderr(text)),
        input: (prompt) => recorder.waitingFor(io.input(prompt)),
      };
      recording = recorder;
      try {
        return await withIO(recordingIO, async () => {
          let end: TraceEnd;
          try {
            await execute(code, filename, globals, false, recorder);
            end = { status: 'ok' };
          } catch (error) {
            if (error instanceof RecordingLimit) {
              end = error.end;
            } else if (isA(Sk, error, 'SystemExit')) {
              // As `python3.14 FILE` (and the Pyodide recorder): the run ends, a message is printed.
              systemExit(error, recordingIO);
              end = { status: 'ok' };
            } else if (isA(Sk, error, 'KeyboardInterrupt')) {
              end = { status: 'stopped' };
            } else {
              const outcome = outcomeOf(error, recordingIO, false);
              if (outcome.status === 'failed') throw new Error(outcome.message);
              if (outcome.status !== 'error') throw error;
              // A SyntaxError before the first statement ran is the code's own: it didn't compile.
              const compileError = error instanceof Sk.builtin.SyntaxError && recorder.stepCount === 0;
              end = { status: compileError ? 'syntax-error' : 'error', error: outcome.error };
            }
          }
          return recorder.trace(end);
        });
      } finally {
        recording = undefined;
      }
    },

    push(name, text, force, io) {
      const session = sessionFor(name);
      return withIO(io, async () => {
        if (!force && needsMoreInput(text)) return { more: true, outcome: { status: 'ok' } as RunOutcome };
        // Every accepted input takes a number, blank ones included, as in CPython's console.
        const filename = `<python-input-${session.count++}>`;
        const source = stripFinalIndent(text);
        if (source.trim() === '') return { more: false, outcome: { status: 'ok' } as RunOutcome };
        const unsupported = checkSupported(source);
        if (unsupported) return { more: false, outcome: { status: 'failed', message: unsupported } as RunOutcome };
        takeInterrupt();
        replGlobals = session.globals;
        try {
          await execute(source + '\n', filename, session.globals, true);
          return { more: false, outcome: { status: 'ok' } as RunOutcome };
        } catch (error) {
          if (isA(Sk, error, 'SystemExit')) return { more: false, outcome: systemExit(error, io) };
          return { more: false, outcome: outcomeOf(error, io, true) };
        } finally {
          replGlobals = undefined;
        }
      });
    },

    async complete(name, text) {
      const session = sessionFor(name);
      const match = /((?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)?$/.exec(text);
      const dotted = match?.[1] ?? '';
      const prefix = match?.[2] ?? '';
      let candidates: string[];
      if (dotted) {
        // obj.attr: look the object up without running code that could have side effects
        // beyond attribute access, and list dir(obj).
        try {
          const path = dotted.slice(0, -1).split('.');
          let value = lookupName(session, path[0]!);
          for (const attribute of path.slice(1)) value = Sk.abstr.gattr(value, new Sk.builtin.str(attribute));
          candidates = Sk.ffi.remapToJs(Sk.builtin.dir(value)) as string[];
          candidates = candidates.filter((attribute) => prefix.startsWith('_') || !attribute.startsWith('_'));
        } catch {
          return [];
        }
        return [...new Set(candidates)].filter((c) => c.startsWith(prefix)).sort().map((c) => dotted + c);
      }
      candidates = [
        ...Object.keys(session.globals).filter((key) => !key.startsWith('__')),
        ...Object.keys(Sk.builtins).filter((key) => !key.startsWith('__pyinnards') && Sk.builtins[key]),
        ...keywords,
      ];
      return [...new Set(candidates)].filter((c) => c.startsWith(prefix)).sort();
    },

    async reset(name) {
      sessions.delete(name);
    },

    interrupt() {
      interruptRequested = true;
    },
  };


  function lookupName(session: Session, name: string): Sk {
    const value = session.globals[name] ?? Sk.builtins[name];
    if (value === undefined) throw new Error(`no ${name}`);
    return value;
  }


}

/** The namespace of the REPL input running now (for `_`). */
let replGlobals: Record<string, unknown> | undefined;

/** Skulpt pastes the file name into JavaScript string literals, unescaped. */
function safeFilename(filename: string): string {
  return filename.replace(/['\\\n\r]/g, '_');
}
