// The Skulpt backend, inside its worker: Skulpt 1.2.0 (a Python 3.7-like subset compiled to
// JavaScript) with the patches that make it print what CPython prints where that is cheap.
import type { Capabilities, PythonError, RunOutcome } from '../types.js';
import type { LoadSettings, WorkerBackend, WorkerIO } from '../protocol.js';
import type { Trace, TraceEnd } from '../../trace/format.js';
import { floatRepr } from '../../float-repr.js';
import { RecordingLimit, SkulptRecorder } from './recorder.js';
import { findUnsupported, importedModules, needsMoreInput, scopeNames, stripFinalIndent } from './source-scan.js';
import { keywords } from '../../tokenizer/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

const SKULPT = 'Skulpt 1.2.0';
const VERSION = `${SKULPT} (Python 3 subset)`;
const USE_PYODIDE = 'Use engine="pyodide" for full CPython 3.14.';
/** How long Python runs before Skulpt yields to the worker's event loop (to see an interrupt). */
const YIELD_EVERY_MS = 50;

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
    // Skulpt yields every YIELD_EVERY_MS (Sk.yieldLimit): give the event loop a turn, then
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

  function outcomeOf(error: unknown, io: WorkerIO, replFilenames: boolean): RunOutcome {
    if (!(error instanceof Sk.builtin.BaseException)) {
      return { status: 'failed', message: `Skulpt failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const pythonError = describe(error, replFilenames);
    io.stderr(pythonError.traceback);
    if (isA(error, 'KeyboardInterrupt')) return { status: 'stopped', sessionReset: false };
    return { status: 'error', error: pythonError };
  }

  function describe(error: Sk, replFilenames: boolean): PythonError {
    const type: string = error.tp$name;
    const message = exceptionText(error);
    const finalLine = message === '' ? `${type}\n` : `${type}: ${message}\n`;
    if (error instanceof Sk.builtin.SyntaxError && error.$pyinnardsContext) {
      // A compile error: CPython prints where, the line and a caret, and no "Traceback" header.
      const [[line, column], , text] = error.$pyinnardsContext as [[number, number], [number, number], string];
      const filename = (error.traceback[0]?.filename as string | undefined) ?? '<string>';
      const sourceLine = String(text ?? '').replace(/\n$/, '');
      const stripped = sourceLine.trimStart();
      const caret = Math.max(0, column - (sourceLine.length - stripped.length));
      const shown = stripped ? `    ${stripped}\n    ${' '.repeat(caret)}^\n` : '';
      return { type, message, traceback: `  File "${filename}", line ${line}\n${shown}${finalLine}`, line, column: column + 1 };
    }
    const frames = [...(error.traceback as { lineno?: number; colno?: number; filename?: string }[])].reverse();
    let traceback = 'Traceback (most recent call last):\n';
    for (const frame of frames) {
      const filename = frame.filename ?? '<unknown>';
      const scope = scopeNames(sources.get(filename) ?? '')[frame.lineno ?? 0] ?? '<module>';
      traceback += `  File "${filename}", line ${frame.lineno ?? '?'}, in ${scope}\n`;
    }
    traceback += finalLine;
    // The position in the element's code: the innermost frame of its own file.
    const own = [...frames].reverse().find((frame) => frame.filename === frames[0]?.filename && !replFilenames);
    const where = own ?? frames.at(-1);
    return {
      type,
      message,
      traceback,
      ...(where?.lineno !== undefined ? { line: where.lineno } : {}),
      ...(where?.colno !== undefined ? { column: where.colno + 1 } : {}),
    };
  }

  /** str(exception), as the last traceback line shows it. */
  function exceptionText(error: Sk): string {
    try {
      return String(error.tp$str().v);
    } catch {
      return '';
    }
  }

  /** A message for code that needs what Skulpt lacks, or undefined when Skulpt can try. */
  function checkSupported(code: string): string | undefined {
    const unsupported = findUnsupported(code);
    if (unsupported) {
      return `This code uses ${unsupported.feature} (line ${unsupported.line}), which the Skulpt engine does not support. ${USE_PYODIDE}`;
    }
    // Code that guards its imports handles a missing module itself.
    if (/except\s*(\(|[\w.]*(ImportError|ModuleNotFoundError))/.test(code)) return undefined;
    for (const module of importedModules(code)) {
      if (!hasModule(module.name)) {
        return `This code imports '${module.name}' (line ${module.line}), which the Skulpt engine does not have. ${USE_PYODIDE}`;
      }
    }
    return undefined;
  }

  function hasModule(name: string): boolean {
    const files: Record<string, string> = Sk.builtinFiles.files;
    const candidates = [`src/builtin/${name}.js`, `src/lib/${name}.js`, `src/lib/${name}.py`, `src/lib/${name}/__init__.js`, `src/lib/${name}/__init__.py`];
    const file = candidates.find((path) => path in files);
    // Skulpt ships stubs for much of the stdlib that only raise NotImplementedError.
    return file !== undefined && !/^raise NotImplementedError/.test(files[file]!);
  }

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
      configure(Sk);
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
          if (isA(error, 'SystemExit')) return systemExit(error, io);
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
            } else if (isA(error, 'SystemExit')) {
              // As `python3.14 FILE` (and the Pyodide recorder): the run ends, a message is printed.
              systemExit(error, recordingIO);
              end = { status: 'ok' };
            } else if (isA(error, 'KeyboardInterrupt')) {
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
          if (isA(error, 'SystemExit')) return { more: false, outcome: systemExit(error, io) };
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

  /** instanceof a Skulpt exception class that this Skulpt may not have. */
  function isA(error: unknown, name: string): boolean {
    const type = Sk.builtin[name];
    return typeof type === 'function' && error instanceof type;
  }

  function lookupName(session: Session, name: string): Sk {
    const value = session.globals[name] ?? Sk.builtins[name];
    if (value === undefined) throw new Error(`no ${name}`);
    return value;
  }

  function systemExit(error: Sk, io: WorkerIO): RunOutcome {
    // Like the CLI: exit(0)/exit() end normally; exit("text") prints the text; exit(n) fails.
    const code = error.args.v[0];
    if (code === undefined || code === Sk.builtin.none.none$ || (code instanceof Sk.builtin.int_ && Sk.builtin.asnum$(code) === 0)) {
      return { status: 'ok' };
    }
    const text = code instanceof Sk.builtin.int_ ? '' : `${Sk.misceval.objectRepr(code) && String(new Sk.builtin.str(code).v)}\n`;
    if (text) io.stderr(text);
    return { status: 'error', error: { type: 'SystemExit', message: String(new Sk.builtin.str(code).v), traceback: text } };
  }

  /** Hooks and patches, once per worker (Skulpt reads Sk.output and Sk.inputfun on each use). */
  function configure(Sk: Sk): void {
    Sk.configure({
      __future__: Sk.python3,
      output: (text: string) => current?.stdout(text),
      read: (path: string) => {
        const file = Sk.builtinFiles?.files[path];
        if (file === undefined) throw new Error(`File not found: '${path}'`);
        return file;
      },
      // input(prompt): the prompt goes with the request to the host (not to stdout), and
      // Skulpt waits on the promise through a suspension.
      inputfunTakesPrompt: true,
      inputfun: (prompt: string) =>
        (current?.input(String(prompt)) ?? Promise.resolve(null)).then((line) => {
          if (line === null) throw new Sk.builtin.EOFError('EOF when reading a line');
          return line.replace(/\r?\n$/, '');
        }),
      yieldLimit: YIELD_EVERY_MS,
      // Code compiled for a recording (Sk.debugging) stops before every statement.
      breakpoints: () => true,
      // The host enforces time limits (it can stop the worker); Skulpt's own limit is off.
      execLimit: null,
    });
    applyPatches(Sk);
  }

  /** Exceptions CPython has and Skulpt 1.2.0 lacks, built the way Skulpt builds its own. */
  function addMissingExceptions(Sk: Sk): void {
    if (!Sk.builtin.EOFError) {
      Sk.builtin.EOFError = Sk.abstr.buildNativeClass('EOFError', {
        constructor: function EOFError(this: unknown, ...args: unknown[]) {
          Sk.builtin.Exception.apply(this, args);
        },
        base: Sk.builtin.Exception,
      });
      Sk.builtins['EOFError'] = Sk.builtin.EOFError;
    }
    // What Stop raises (a BaseException, so `except Exception` doesn't swallow it).
    if (!Sk.builtin.KeyboardInterrupt) {
      Sk.builtin.KeyboardInterrupt = Sk.abstr.buildNativeClass('KeyboardInterrupt', {
        constructor: function KeyboardInterrupt(this: unknown, ...args: unknown[]) {
          Sk.builtin.BaseException.apply(this, args);
        },
        base: Sk.builtin.BaseException,
      });
      Sk.builtins['KeyboardInterrupt'] = Sk.builtin.KeyboardInterrupt;
    }
  }

  function applyPatches(Sk: Sk): void {
    addMissingExceptions(Sk);
    // float repr/str: CPython's shortest round-trip layout instead of toPrecision(16).
    const originalStr = Sk.builtin.float_.prototype.str$;
    Sk.builtin.float_.prototype.str$ = function (this: { v: number }, base?: number, sign?: boolean) {
      if (base !== undefined && base !== 10) return originalStr.call(this, base, sign);
      return floatRepr(sign === false ? Math.abs(this.v) : this.v);
    };

    // breakpoint(): Skulpt has no sys.breakpointhook. In a recording it marks a stop (as
    // CPython's default hook stops in pdb); otherwise it does nothing and returns None (like
    // PYTHONBREAKPOINT=0).
    Sk.builtins['breakpoint'] = new Sk.builtin.func(function breakpoint() {
      recording?.breakpoint();
      return Sk.builtin.none.none$;
    });
    Sk.builtins['breakpoint'].$name = 'breakpoint';

    // The REPL's echo: repr of a top-level expression's value (not None), saved as `_`.
    Sk.builtins['__pyinnards_displayhook__'] = new Sk.builtin.func(function displayhook(value: Sk) {
      if (value === Sk.builtin.none.none$) return Sk.builtin.none.none$;
      return Sk.misceval.chain(Sk.misceval.callsimOrSuspendArray(Sk.builtins['repr'], [value]), (text: Sk) => {
        if (replGlobals) replGlobals['_'] = value;
        current?.stdout(`${text.v}\n`);
        return Sk.builtin.none.none$;
      });
    });

    // Echo: while compiling a REPL input, wrap each top-level expression statement `e` as
    // `__pyinnards_displayhook__(e)` in the AST Skulpt compiles.
    const astFromParse = Sk.astFromParse;
    Sk.astFromParse = function (...args: unknown[]) {
      const tree = astFromParse.apply(this, args);
      if (echoing) {
        for (const statement of tree.body) {
          if (statement instanceof Sk.astnodes.Expr) {
            const hook = new Sk.astnodes.Name(new Sk.builtin.str('__pyinnards_displayhook__'), Sk.astnodes.Load, statement.lineno, statement.col_offset);
            statement.value = new Sk.astnodes.Call(hook, [statement.value], [], statement.lineno, statement.col_offset);
          }
        }
      }
      return tree;
    };

    // CPython's wording for messages Skulpt words differently. Every built-in exception is
    // constructed through Exception's constructor, so one hook on its .apply sees them all.
    const exceptionApply = Function.prototype.apply;
    const Exception = Sk.builtin.Exception;
    // (defineProperty: a plain assignment to the inherited, read-only `apply` would throw.)
    Object.defineProperty(Exception, 'apply', { configurable: true, writable: true, value: function (this: unknown, self: Sk, args: unknown[]) {
      if (self instanceof Sk.builtin.ZeroDivisionError && typeof args[0] === 'string' && /^(integer |float )?division( or modulo)? by zero$|^integer modulo by zero$/.test(args[0])) {
        args = ['division by zero', ...args.slice(1)];
      } else if (self instanceof Sk.builtin.SyntaxError) {
        if (args[0] === 'bad input') args = ['invalid syntax', ...args.slice(1)];
        if (Array.isArray(args[3])) self.$pyinnardsContext = args[3];
      }
      return exceptionApply.call(this as (...a: unknown[]) => unknown, self, args);
    } });

    // KeyError's text is the repr of the key (KeyError: 'a'), as in CPython.
    Sk.builtin.KeyError.prototype.tp$str = function (this: Sk) {
      if (this.args.v.length === 1) return new Sk.builtin.str(Sk.misceval.objectRepr(this.args.v[0]));
      return Sk.builtin.BaseException.prototype.tp$str.call(this);
    };
  }
}

/** The namespace of the REPL input running now (for `_`). */
let replGlobals: Record<string, unknown> | undefined;

/** Skulpt pastes the file name into JavaScript string literals, unescaped. */
function safeFilename(filename: string): string {
  return filename.replace(/['\\\n\r]/g, '_');
}
