"""The Python side of pyinnards' Pyodide backend.

The worker (backend.ts) loads this file as the module ``pyinnards_runtime`` and calls the
functions at the bottom: ``run``, ``push``, ``complete``, ``reset``, ``disassemble`` and
``interrupt`` (recording a run for <py-frames> lives in ``pyinnards_recorder``, which builds on
this module). Each returns a JSON string, so the TypeScript side never holds Python objects
between calls. Nothing here knows about JavaScript: stdin arrives as a plain callable returning
the next line (or None at end of input), stdout/stderr are whatever ``sys.stdout``/``sys.stderr``
are (Pyodide's, wired to the page by the worker), so Node tests can drive the module directly.

The aim everywhere is the text CPython 3.14 itself prints: ``python3.14 FILE`` for ``run``,
the interactive console (``_pyrepl`` + ``python -m asyncio``) for ``push``, ``dis.dis`` for
``disassemble``. Frames of this module never show in a traceback.
"""

import ast
import asyncio
import builtins
import codeop
import contextlib
import contextvars
import dis
import inspect
import io
import json
import linecache
import re
import rlcompleter
import sys
import traceback
import types

# Frames whose code comes from these files are ours (this one, and the recorder, which adds
# itself): tracebacks and traces leave them out.
_HELPER_FILES = {__file__}

_OK = {"status": "ok"}


# ---------------------------------------------------------------------------------------------
# Input and the __main__ module


class _LineSource(io.RawIOBase):
    """A raw stream that asks ``readline()`` for text only when Python wants more bytes.

    Wrapped in a BufferedReader and a TextIOWrapper it is a real text stdin: ``input()`` (which
    writes the prompt to stdout and reads a line when stdin is not a terminal, exactly as
    CPython does with a pipe), ``sys.stdin.read()`` and iteration all work, and end of input
    gives CPython's own ``EOFError: EOF when reading a line``. A fresh one per request means
    text buffered but unread by one run never leaks into the next.
    """

    def __init__(self, readline):
        super().__init__()
        self._readline = readline
        self._pending = b""

    def readable(self):
        return True

    def readinto(self, buffer):
        if not self._pending:
            line = _answer(self._readline()) if self._readline is not None else None
            if not line:
                return 0
            self._pending = str(line).encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _answer(line):
    """A line from the worker, or a promise of one (the reader answers in the page): Python
    waits for it where WebAssembly stack switching lets it (``run_sync``), as input() waits for
    Enter in a terminal; elsewhere the worker never hands a promise."""
    if line is not None and hasattr(line, "then"):
        from pyodide.ffi import can_run_sync, run_sync
        # (Code that can't wait here, e.g. a task reading between inputs, gets end of input.)
        return run_sync(line) if can_run_sync() else None
    return line


def _make_stdin(readline):
    stream = io.TextIOWrapper(io.BufferedReader(_LineSource(readline)), encoding="utf-8")
    # CPython names it so in reprs and in error messages.
    stream.mode = "r"
    return stream


def _new_main(filename=None):
    """A fresh module for user code: ``__name__ == '__main__'``, builtins, like a script's."""
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = builtins
    if filename is not None:
        # `python3.14 FILE` sets __file__; the REPL does not.
        module.__dict__["__file__"] = filename
    return module


class _Running:
    """While user code runs: its module is ``sys.modules['__main__']`` (pickle, dataclasses and
    typing look globals up there), stdin reads from the request's lines; afterwards everything
    is put back and stdout/stderr are flushed so no text is left for the next request."""

    def __init__(self, module, readline):
        self._module = module
        self._readline = readline

    def __enter__(self):
        self._saved = sys.modules.get("__main__"), sys.stdin
        sys.modules["__main__"] = self._module
        sys.stdin = _make_stdin(self._readline)
        return self

    def __exit__(self, *exc):
        main, stdin = self._saved
        if main is not None:
            sys.modules["__main__"] = main
        sys.stdin = stdin
        _flush()
        return False


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _register_source(code, source, filename, *, as_file):
    """Make ``traceback``/``linecache`` find the source lines of code compiled from a string.

    The REPL registers each input by its code objects (``linecache._register_code``, what
    3.14's console does), so tracebacks show ``<python-input-N>`` lines. A run also goes into
    ``linecache.cache`` under its filename, standing in for the file `python3.14 FILE` reads.
    """
    linecache._register_code(code, source, filename)
    if as_file:
        lines = [line + "\n" for line in source.splitlines()]
        linecache.cache[filename] = (len(source), None, lines, filename)


# ---------------------------------------------------------------------------------------------
# Errors, as CPython prints them


def _is_helper(frame):
    return frame.f_code.co_filename in _HELPER_FILES


def _strip_traceback(tb, user_filename):
    """The traceback without our frames: leading frames up to the user's first one (this
    module's, asyncio's task machinery between them), and any of ours further in (stdin)."""
    entries = []
    while tb is not None:
        entries.append(tb)
        tb = tb.tb_next
    first = next((i for i, e in enumerate(entries) if e.tb_frame.f_code.co_filename == user_filename), None)
    if first is not None:
        entries = entries[first:]
    entries = [e for e in entries if not _is_helper(e.tb_frame)]
    result = None
    for entry in reversed(entries):
        result = types.TracebackType(result, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return result


def _clean_exception(exc, user_filename):
    """Strip our frames from ``exc`` and every exception chained to it (cause, context,
    exception groups), so nothing of ours shows however the traceback is printed."""
    seen = set()
    stack = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        e.__traceback__ = _strip_traceback(e.__traceback__, user_filename)
        stack.extend((e.__cause__, e.__context__))
        if isinstance(e, BaseExceptionGroup):
            stack.extend(e.exceptions)
    return exc


def _type_name(exc):
    # As the last line of a traceback names it (TracebackException's rule).
    cls = type(exc)
    name = getattr(cls, "__qualname__", cls.__name__)
    module = getattr(cls, "__module__", None)
    if module not in ("__main__", "builtins"):
        name = f"{module if isinstance(module, str) else '<unknown>'}.{name}"
    return name


def _message(exc):
    if isinstance(exc, SyntaxError):
        return str(exc.msg)
    try:
        return str(exc)
    except Exception:
        return "<exception str() failed>"


def _char_column(line, byte_offset):
    # Code positions count UTF-8 bytes; editors count characters (traceback does the same).
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))


def _position(exc, user_filename, source):
    """1-based line/column(/end) in the user's code: the SyntaxError's own position when the
    user's code failed to compile, else the innermost frame running the user's code.
    Columns are 1-based characters; ``endColumn`` is just past the last character (like
    SyntaxError.end_offset)."""
    if isinstance(exc, SyntaxError) and exc.filename == user_filename and exc.__traceback__ is None:
        pos = {}
        if isinstance(exc.lineno, int) and exc.lineno > 0:
            pos["line"] = exc.lineno
            if isinstance(exc.offset, int) and exc.offset > 0:
                pos["column"] = exc.offset
            if isinstance(exc.end_lineno, int) and exc.end_lineno > 0:
                pos["endLine"] = exc.end_lineno
                if isinstance(exc.end_offset, int) and exc.end_offset > 0:
                    pos["endColumn"] = exc.end_offset
        return pos
    innermost = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == user_filename:
            innermost = tb
        tb = tb.tb_next
    if innermost is None:
        return {}
    pos = {"line": innermost.tb_lineno}
    positions = list(innermost.tb_frame.f_code.co_positions())
    index = innermost.tb_lasti // 2
    if 0 <= index < len(positions):
        lineno, end_lineno, col, end_col = positions[index]
        lines = source.splitlines()
        if lineno is not None and lineno == innermost.tb_lineno and col is not None and 0 < lineno <= len(lines):
            pos["column"] = _char_column(lines[lineno - 1], col) + 1
            if end_lineno is not None and end_col is not None and 0 < end_lineno <= len(lines):
                pos["endLine"] = end_lineno
                pos["endColumn"] = _char_column(lines[end_lineno - 1], end_col) + 1
    return pos


def _format(exc):
    """The traceback text `python3.14` prints for an uncaught exception (no colour: the
    page styles output itself). BUILTIN_EXCEPTION_LIMIT honours sys.tracebacklimit the way
    the interpreter's own excepthook does."""
    return "".join(traceback.format_exception(
        type(exc), exc, exc.__traceback__, limit=traceback.BUILTIN_EXCEPTION_LIMIT, colorize=False,
    ))


def _error(exc, user_filename, source, *, write=True):
    """Print ``exc`` to stderr like CPython and describe it for the page."""
    _clean_exception(exc, user_filename)
    sys.last_exc = sys.last_value = exc
    sys.last_type = type(exc)
    sys.last_traceback = exc.__traceback__
    text = _format(exc)
    if write:
        _flush()  # what the code printed before failing comes first
        sys.stderr.write(text)
        _flush()
    info = {"type": _type_name(exc), "message": _message(exc), "traceback": text}
    info.update(_position(exc, user_filename, source))
    return info


def _outcome_for(exc, info):
    if isinstance(exc, KeyboardInterrupt):
        return {"status": "stopped", "sessionReset": False}
    return {"status": "error", "error": info}


def _system_exit(exc):
    """`python3.14 FILE` on SystemExit: None and ints exit silently (the status isn't shown),
    anything else is printed to stderr (then the status is 1)."""
    code = exc.code
    if code is not None and not isinstance(code, int):
        _flush()
        sys.stderr.write(f"{code}\n")
        _flush()
    return dict(_OK)


# ---------------------------------------------------------------------------------------------
# run: a script


def _execute(source, filename, readline):
    module = _new_main(filename)
    with _Running(module, readline):
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, OverflowError) as exc:
            exc.__traceback__ = None
            return _outcome_for(exc, _error(exc, filename, source))
        _register_source(code, source, filename, as_file=True)
        try:
            exec(code, module.__dict__)
        except SystemExit as exc:
            return _system_exit(exc)
        except BaseException as exc:
            return _outcome_for(exc, _error(exc, filename, source))
    return dict(_OK)


def run(source, filename="<string>", readline=None):
    """Run ``source`` as `python3.14 FILE` runs a file named ``filename``: a fresh ``__main__``,
    no top-level await. ``asyncio.run()`` works where Pyodide can block on the event loop
    (WebAssembly stack switching; the worker calls this through ``callPromising``)."""
    return json.dumps(_execute(source, filename, readline))


# ---------------------------------------------------------------------------------------------
# The REPL


def _strip_final_indent(text):
    # The console drops spaces/tabs after the last newline: the auto-indent of an empty line.
    short = text.rstrip(" \t")
    if short and text[len(short) - 1] == "\n":
        return short
    return text


# Which console the running code belongs to: set in each console's contextvars Context, so the
# tasks an input creates (they copy the context) carry it too.
_CONSOLE = contextvars.ContextVar("pyinnards_console")
# The console whose input runs now, and where text goes that another console's task writes.
_inputs_of = None
_send_console_output = None


class _ConsoleStream:
    """sys.stdout or sys.stderr once there are consoles. What a console's task writes while none
    of that console's inputs runs (it prints later, between inputs) goes to that console, as a
    terminal would show it; everything else goes on to the stream as before."""

    def __init__(self, name, stream):
        self._name = name
        self._stream = stream

    def write(self, text):
        owner = _CONSOLE.get(None)
        if owner is None or owner == _inputs_of or _send_console_output is None:
            return self._stream.write(text)
        _send_console_output(owner, self._name, str(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _route_console_output():
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, _ConsoleStream):
            setattr(sys, name, _ConsoleStream(name, stream))
    loop = asyncio.get_event_loop()
    if loop.get_exception_handler() is None:
        loop.set_exception_handler(_report_like_cpython)


def _report_like_cpython(loop, context):
    # Pyodide's event loop reports a failed task at once when nothing waits for it (a context
    # with only the exception). CPython waits until the task is collected with its exception
    # never retrieved ("Task exception was never retrieved"), which Pyodide reports as well:
    # keep that one, as the console's reader would see it.
    if set(context) == {"exception"}:
        return
    loop.default_exception_handler(context)


def send_console_output(send):
    """``send(console, stream, text)`` gets what a console's tasks write between its inputs."""
    global _send_console_output
    _send_console_output = send


class _Session:
    """One console: like ``python -m asyncio``'s (top-level await, ``asyncio`` imported, tasks
    live on between inputs, one contextvars Context for every input) with the 3.14 console's
    rules for when an input is complete and how it runs."""

    def __init__(self, name):
        self.name = name
        self.module = _new_main()
        # `python -m asyncio` starts with asyncio imported (its banner shows `>>> import asyncio`).
        self.module.__dict__["asyncio"] = asyncio
        self.compiler = codeop.CommandCompiler()
        # What asyncio's REPL adds; __future__ imports are remembered by the compiler too.
        self.compiler.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        self.context = contextvars.Context()
        self.context.run(_CONSOLE.set, name)
        self.count = 0
        self.task = None
        self.interrupted = False
        # This console's `_` while none of its inputs runs (see _own_underscore).
        self.underscore = self._MISSING

    _MISSING = object()

    # When is an input complete? ------------------------------------------------------------

    def more_lines(self, text):
        """True while the console would print ``...`` and wait (3.14's _pyrepl rule): codeop
        says incomplete (open brackets, a backslash, a block still open: blocks end with a blank
        line); a syntax error in a multi-line input waits for the line that ends it, a one-line
        error is shown at once."""
        src = _strip_final_indent(text)
        try:
            code = self.compiler(src, "<stdin>", "single")
        except (OverflowError, SyntaxError, ValueError):
            lines = src.splitlines(keepends=True)
            if len(lines) == 1:
                return False
            last = lines[-1]
            return (last.startswith((" ", "\t")) or last.strip() != "") and not last.endswith("\n")
        return code is None

    # Running one input -------------------------------------------------------------------

    def _syntax_error(self, exc, filename, source):
        # The console's showsyntaxerror: the input's name, its line as the text, no frames.
        if isinstance(exc, SyntaxError):
            exc.filename = filename
            lines = source.splitlines()
            if not exc.text and exc.lineno is not None and len(lines) >= exc.lineno:
                exc.text = lines[exc.lineno - 1]
        exc.__traceback__ = None
        return _outcome_for(exc, _error(exc, filename, source))

    async def runsource(self, source, filename):
        """Compile and run one complete input. Several statements (a paste, or a block of
        them) run one by one in order, only the last in 'single' mode so only it echoes,
        stopping at the first that fails: what 3.14's console does."""
        compiler = self.compiler.compiler
        try:
            tree = compiler(source, filename, "exec", ast.PyCF_ONLY_AST, incomplete_input=False)
        except (SyntaxError, OverflowError, ValueError) as exc:
            return self._syntax_error(exc, filename, source)
        outcome = dict(_OK)
        for i, stmt in enumerate(tree.body):
            last = i == len(tree.body) - 1
            item = ast.Interactive([stmt]) if last else ast.Module([stmt], type_ignores=[])
            try:
                code = compiler(item, filename, "single" if last else "exec")
            except (SyntaxError, OverflowError, ValueError) as exc:
                return self._syntax_error(exc, filename, source)
            linecache._register_code(code, source, filename)
            outcome = await self.runcode(code, filename, source)
            if outcome["status"] != "ok":
                break
        return outcome

    async def runcode(self, code, filename, source):
        # As the asyncio REPL: the input is a function over the namespace, called in the
        # console's context; a coroutine (the input used await) runs as a task in that context
        # and is awaited.
        func = types.FunctionType(code, self.module.__dict__)
        self.interrupted = False
        try:
            result = self.context.run(func)
            if inspect.iscoroutine(result):
                self.task = asyncio.get_event_loop().create_task(result, context=self.context)
                try:
                    await self.task
                finally:
                    self.task = None
        except asyncio.CancelledError as exc:
            if not self.interrupted:
                return _outcome_for(exc, _error(exc, filename, source))
            # Stopped while awaiting (see interrupt()): the console shows a bare
            # KeyboardInterrupt, the code that was waiting is cancelled.
            return _outcome_for(KeyboardInterrupt(), _error(KeyboardInterrupt(), filename, source))
        except SystemExit as exc:
            # The console would exit; here the session lives on (reset() starts afresh).
            return _system_exit(exc)
        except BaseException as exc:
            return _outcome_for(exc, _error(exc, filename, source))
        return dict(_OK)

    async def push(self, source, readline, force):
        """The reader pressed Enter with ``source`` (every line of the input so far) at the
        prompt: unless ``force``, an incomplete input only answers ``more`` (nothing is kept:
        the page holds the lines, as the console's line editor does); a complete one runs as
        ``<python-input-N>``."""
        if not force and self.more_lines(source):
            return {"more": True, "outcome": dict(_OK)}
        filename = f"<python-input-{self.count}>"
        # Every accepted input takes a number, blank ones included, as in the console.
        self.count += 1
        global _inputs_of
        _inputs_of = self.name
        try:
            with _Running(self.module, readline), self._own_underscore():
                outcome = await self.runsource(_strip_final_indent(source), filename)
        finally:
            _inputs_of = None
        return {"more": False, "outcome": outcome}

    @contextlib.contextmanager
    def _own_underscore(self):
        # sys.displayhook keeps `_` in builtins, which every console on the page shares: each
        # console gets its own by swapping it in for its inputs.
        missing = self._MISSING
        others = builtins.__dict__.get("_", missing)
        builtins.__dict__.pop("_", None)
        if self.underscore is not missing:
            builtins._ = self.underscore
        try:
            yield
        finally:
            self.underscore = builtins.__dict__.pop("_", missing)
            if others is not missing:
                builtins._ = others


_sessions = {}


def _session(name):
    session = _sessions.get(name)
    if session is None:
        session = _sessions[name] = _Session(name)
        _route_console_output()
    return session


async def push(name, source, readline=None, force=False):
    """Enter pressed at the prompt of console ``name`` with ``source`` in its input (one line or
    several: typed, pasted or recalled from history); ``force`` runs it even if incomplete (the
    console's Enter on a blank line after a block)."""
    return json.dumps(await _session(name).push(source, readline, bool(force)))


def reset(name):
    """A fresh namespace for session ``name``; input numbers start again at 0."""
    session = _sessions.pop(name, None)
    if session is not None and session.task is not None:
        session.interrupted = True
        session.task.cancel()


def interrupt():
    """Stop inputs that are awaiting (top-level await): cancel their tasks. Python that is
    actually running is stopped by Pyodide's interrupt buffer instead."""
    stopped = False
    for session in _sessions.values():
        if session.task is not None and not session.task.done():
            session.interrupted = True
            session.task.cancel()
            stopped = True
    return stopped


_STEM = re.compile(r"[\w.]*\Z")


def complete(name, text):
    """Completions of the name or dotted attribute chain at the end of ``text``, against the
    session's namespace, keywords and builtins: exactly rlcompleter's (what the console's Tab
    uses), sorted, each as ``text`` with its last word completed."""
    stem = _STEM.search(text).group()
    if not stem:
        return json.dumps([])
    prefix = text[: len(text) - len(stem)]
    completer = rlcompleter.Completer(_session(name).module.__dict__)
    found = set()
    state = 0
    while True:
        try:
            match = completer.complete(stem, state)
        except Exception:
            break
        if match is None:
            break
        found.add(match)
        state += 1
    return json.dumps([prefix + match for match in sorted(found)])


# ---------------------------------------------------------------------------------------------
# disassemble


def _options(options):
    # From the worker: JSON text (JS objects would arrive as proxies); from Python: a dict.
    if isinstance(options, str):
        options = json.loads(options or "{}")
    return dict(options or {})


def _positions(pos):
    if pos is None:
        return None
    return {"lineno": pos.lineno, "end_lineno": pos.end_lineno, "col_offset": pos.col_offset,
            "end_col_offset": pos.end_col_offset}


def _instruction(ins):
    # Every field of dis.Instruction and its properties, values JSON-able (argval as repr).
    return {
        "opname": ins.opname,
        "opcode": ins.opcode,
        "arg": ins.arg,
        "oparg": ins.oparg,
        "argval": repr(ins.argval),
        "argrepr": ins.argrepr,
        "offset": ins.offset,
        "start_offset": ins.start_offset,
        "starts_line": ins.starts_line,
        "line_number": ins.line_number,
        "label": ins.label,
        "positions": _positions(ins.positions),
        "cache_info": None if ins.cache_info is None else [
            [name, size, data.hex()] for name, size, data in ins.cache_info
        ],
        "cache_offset": ins.cache_offset,
        "end_offset": ins.end_offset,
        "baseopcode": ins.baseopcode,
        "baseopname": ins.baseopname,
        "jump_target": ins.jump_target,
        "is_jump_target": ins.is_jump_target,
    }


def _flag_names(flags):
    return [name for bit, name in sorted(dis.COMPILER_FLAG_NAMES.items()) if flags & bit]


def _code_tree(co, depth, show_caches, adaptive):
    """One code object and, in dis.dis's order (its co_consts, depth first), the ones inside."""
    children = []
    consts = []
    for const in co.co_consts:
        entry = {"repr": repr(const), "type": type(const).__name__}
        if isinstance(const, types.CodeType) and (depth is None or depth > 0):
            entry["child"] = len(children)
            children.append(_code_tree(const, None if depth is None else depth - 1, show_caches, adaptive))
        consts.append(entry)
    return {
        "name": co.co_name,
        # What repr(code) shows after "at" (its %p), so a formatter can rebuild the
        # "Disassembly of <code object ...>:" headers exactly as this run printed them.
        "address": hex(id(co)),
        "qualname": co.co_qualname,
        "filename": co.co_filename,
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "nlocals": co.co_nlocals,
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
        "flag_names": _flag_names(co.co_flags),
        "pretty_flags": dis.pretty_flags(co.co_flags),
        "consts": consts,
        "names": list(co.co_names),
        "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars),
        "exception_table": [
            {"start": e.start, "end": e.end, "target": e.target, "depth": e.depth, "lasti": e.lasti}
            for e in dis._parse_exception_table(co)
        ],
        "instructions": [
            _instruction(ins) for ins in dis.get_instructions(co, show_caches=show_caches, adaptive=adaptive)
        ],
        "children": children,
    }


def disassemble(source, options=None, filename="<py-dis>"):
    """``{text, code}``: what ``dis.dis(compile(source, '<py-dis>', 'exec'), ...)`` prints and
    the code objects as a tree; or ``{error}`` when the code doesn't compile."""
    options = _options(options)
    show_caches = bool(options.get("showCaches", False))
    adaptive = bool(options.get("adaptive", False))
    show_offsets = bool(options.get("showOffsets", False))
    show_positions = bool(options.get("showPositions", False))
    depth = options.get("depth")
    depth = None if depth is None else int(depth)
    warmup = int(options.get("warmup", 0) or 0)
    try:
        co = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, OverflowError) as exc:
        exc.__traceback__ = None
        return json.dumps({"error": _error(exc, filename, source, write=False)})
    # adaptive shows what the specializing interpreter made of code that has run: run this very
    # code object (and so the functions it defines) that many times first, output discarded.
    for _ in range(warmup):
        namespace = {"__name__": "__main__", "__builtins__": builtins}
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                exec(co, namespace)
            except Exception:
                break
    tree = _code_tree(co, depth, show_caches, adaptive)
    if not options.get("withText", True):
        # <py-dis> renders the text from the tree itself; skipping dis.dis saves most of the time.
        return json.dumps({"code": tree})
    out = io.StringIO()
    dis.dis(co, file=out, depth=depth, show_caches=show_caches, adaptive=adaptive,
            show_offsets=show_offsets, show_positions=show_positions)
    return json.dumps({"text": out.getvalue(), "code": tree})
