// Skulpt's hooks (output, input(), yields) and the patches that make it print what CPython
// prints where that is cheap: float repr, exception wording, KeyError's text, breakpoint(),
// the REPL's echo of expression statements, and the exceptions Skulpt 1.2.0 lacks.
import type { WorkerIO } from '../protocol.js';
import type { SkulptRecorder } from './recorder.js';
import { floatRepr } from '../../float-repr.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

/** How long Python runs before Skulpt yields to the worker's event loop (to see an interrupt). */
const YIELD_EVERY_MS = 50;

/** What the patches read from the backend at the moment Python calls them (Skulpt's hooks are global). */
export interface SkulptHooks {
  /** Output and input of the request running now. */
  io(): WorkerIO | undefined;
  /** The recording running now, which breakpoint() marks. */
  recording(): SkulptRecorder | undefined;
  /** The namespace of the REPL input running now (for `_`). */
  replGlobals(): Record<string, unknown> | undefined;
  /** Whether a REPL input is being compiled: top-level expression statements get echoed. */
  echoing(): boolean;
}

/** Hooks and patches, once per worker (Skulpt reads Sk.output and Sk.inputfun on each use). */
export function configureSkulpt(Sk: Sk, hooks: SkulptHooks): void {
  Sk.configure({
    __future__: Sk.python3,
    output: (text: string) => hooks.io()?.stdout(text),
    read: (path: string) => {
      const file = Sk.builtinFiles?.files[path];
      if (file === undefined) throw new Error(`File not found: '${path}'`);
      return file;
    },
    // input(prompt): the prompt goes with the request to the host (not to stdout), and
    // Skulpt waits on the promise through a suspension.
    inputfunTakesPrompt: true,
    inputfun: (prompt: string) =>
      (hooks.io()?.input(String(prompt)) ?? Promise.resolve(null)).then((line) => {
        if (line === null) throw new Sk.builtin.EOFError('EOF when reading a line');
        return line.replace(/\r?\n$/, '');
      }),
    yieldLimit: YIELD_EVERY_MS,
    // Code compiled for a recording (Sk.debugging) stops before every statement.
    breakpoints: () => true,
    // The host enforces time limits (it can stop the worker); Skulpt's own limit is off.
    execLimit: null,
  });
  applyPatches(Sk, hooks);
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

function applyPatches(Sk: Sk, hooks: SkulptHooks): void {
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
    hooks.recording()?.breakpoint();
    return Sk.builtin.none.none$;
  });
  Sk.builtins['breakpoint'].$name = 'breakpoint';

  // The REPL's echo: repr of a top-level expression's value (not None), saved as `_`.
  Sk.builtins['__pyinnards_displayhook__'] = new Sk.builtin.func(function displayhook(value: Sk) {
    if (value === Sk.builtin.none.none$) return Sk.builtin.none.none$;
    return Sk.misceval.chain(Sk.misceval.callsimOrSuspendArray(Sk.builtins['repr'], [value]), (text: Sk) => {
      const globals = hooks.replGlobals();
      if (globals) globals['_'] = value;
      hooks.io()?.stdout(`${text.v}\n`);
      return Sk.builtin.none.none$;
    });
  });

  // Echo: while compiling a REPL input, wrap each top-level expression statement `e` as
  // `__pyinnards_displayhook__(e)` in the AST Skulpt compiles.
  const astFromParse = Sk.astFromParse;
  Sk.astFromParse = function (...args: unknown[]) {
    const tree = astFromParse.apply(this, args);
    if (hooks.echoing()) {
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
