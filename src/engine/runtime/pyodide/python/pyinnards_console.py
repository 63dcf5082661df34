"""The console behind <py-repl>: sessions like ``python -m asyncio``'s, with the 3.14
console's rules for when an input is complete, how it runs and what Tab completes.

Part of pyinnards' Pyodide backend (see ``pyinnards_runtime``, which hands ``push``,
``complete``, ``reset``, ``interrupt`` and ``send_console_output`` to the worker).
"""

import ast
import asyncio
import builtins
import codeop
import contextlib
import contextvars
import inspect
import json
import linecache
import re
import rlcompleter
import sys
import types

from pyinnards_errors import HELPER_FILES, OK, outcome_for, report, system_exit
from pyinnards_stdio import Running, new_main

HELPER_FILES.add(__file__)


def strip_final_indent(text):
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


class Session:
    """One console: like ``python -m asyncio``'s (top-level await, ``asyncio`` imported, tasks
    live on between inputs, one contextvars Context for every input) with the 3.14 console's
    rules for when an input is complete and how it runs."""

    def __init__(self, name):
        self.name = name
        self.module = new_main()
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
        src = strip_final_indent(text)
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
        return outcome_for(exc, report(exc, filename, source))

    async def runsource(self, source, filename, await_line=None):
        """Compile and run one complete input. Several statements (a paste, or a block of
        them) run one by one in order, only the last in 'single' mode so only it echoes,
        stopping at the first that fails: what 3.14's console does."""
        compiler = self.compiler.compiler
        try:
            tree = compiler(source, filename, "exec", ast.PyCF_ONLY_AST, incomplete_input=False)
        except (SyntaxError, OverflowError, ValueError) as exc:
            return self._syntax_error(exc, filename, source)
        if await_line is not None:
            tree = _TopLevelInput().visit(tree)
            builtins.__dict__[_AWAITED_INPUT] = self._awaited_input(await_line)
        outcome = dict(OK)
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
                return outcome_for(exc, report(exc, filename, source))
            # Stopped while awaiting (see interrupt()): the console shows a bare
            # KeyboardInterrupt, the code that was waiting is cancelled.
            return outcome_for(KeyboardInterrupt(), report(KeyboardInterrupt(), filename, source))
        except SystemExit as exc:
            # The console would exit; here the session lives on (reset() starts afresh).
            return system_exit(exc)
        except BaseException as exc:
            return outcome_for(exc, report(exc, filename, source))
        return dict(OK)

    def _awaited_input(self, await_line):
        async def awaited_input(prompt=""):
            # The reader's own `input` (a name they defined) is called as it is.
            if self.module.__dict__.get("input", builtins.input) is not builtins.input:
                return self.module.__dict__["input"](prompt)
            sys.stdout.write(str(prompt))
            sys.stdout.flush()
            line = await await_line()
            if line is None:
                raise EOFError("EOF when reading a line")
            return line[:-1] if line.endswith("\n") else line
        return awaited_input

    async def push(self, source, readline, force, await_line=None):
        """The reader pressed Enter with ``source`` (every line of the input so far) at the
        prompt: unless ``force``, an incomplete input only answers ``more`` (nothing is kept:
        the page holds the lines, as the console's line editor does); a complete one runs as
        ``<python-input-N>``."""
        if not force and self.more_lines(source):
            return {"more": True, "outcome": dict(OK)}
        filename = f"<python-input-{self.count}>"
        # Every accepted input takes a number, blank ones included, as in the console.
        self.count += 1
        global _inputs_of
        _inputs_of = self.name
        try:
            with Running(self.module, readline), self._own_underscore():
                outcome = await self.runsource(strip_final_indent(source), filename, await_line)
        finally:
            _inputs_of = None
            builtins.__dict__.pop(_AWAITED_INPUT, None)
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
        session = _sessions[name] = Session(name)
        _route_console_output()
    return session


# Where the worker can't block for the reader's answer (no stack switching, no shared memory:
# Safari), an input() call at the top level of an input becomes an await of the answer: the
# input runs as a task on the event loop already (top-level await), so it can wait there. One
# inside a function can't (the function isn't a coroutine): it reads stdin, and gets EOFError.
_AWAITED_INPUT = "__pyinnards_awaited_input__"


class _TopLevelInput(ast.NodeTransformer):
    """``input(...)`` -> ``await __pyinnards_awaited_input__(...)`` outside functions, classes,
    lambdas and comprehensions (where an await would change what the code means or not compile)."""

    def _keep(self, node):
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _keep
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _keep

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "input":
            func = ast.copy_location(ast.Name(_AWAITED_INPUT, ast.Load()), node.func)
            call = ast.copy_location(ast.Call(func, node.args, node.keywords), node)
            return ast.copy_location(ast.Await(call), node)
        return node


async def push(name, source, readline=None, force=False, await_line=None):
    """Enter pressed at the prompt of console ``name`` with ``source`` in its input (one line or
    several: typed, pasted or recalled from history); ``force`` runs it even if incomplete (the
    console's Enter on a blank line after a block). ``await_line``, where the worker can't
    block for the reader: a function returning an awaitable of the next line (None at end)."""
    return json.dumps(await _session(name).push(source, readline, bool(force), await_line))


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
