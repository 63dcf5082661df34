"""Where user code reads and writes: stdin from lines the page hands over, a fresh ``__main__``.

Part of pyinnards' Pyodide backend (see ``pyinnards_runtime``). Nothing here knows about
JavaScript: stdin arrives as a plain callable returning the next line (or None at end of
input), or a promise of one where Python can wait for it.
"""

import builtins
import io
import linecache
import sys
import types


class LineSource(io.RawIOBase):
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
            line = resolve_line(self._readline()) if self._readline is not None else None
            if not line:
                return 0
            self._pending = str(line).encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def resolve_line(line):
    """A line from the worker, or a promise of one (the reader answers in the page): Python
    waits for it where WebAssembly stack switching lets it (``run_sync``), as input() waits for
    Enter in a terminal; elsewhere the worker never hands a promise."""
    if line is not None and hasattr(line, "then"):
        from pyodide.ffi import can_run_sync, run_sync
        # (Code that can't wait here, e.g. a task reading between inputs, gets end of input.)
        return run_sync(line) if can_run_sync() else None
    return line


def make_stdin(readline):
    stream = io.TextIOWrapper(io.BufferedReader(LineSource(readline)), encoding="utf-8")
    # CPython names it so in reprs and in error messages.
    stream.mode = "r"
    return stream


def new_main(filename=None):
    """A fresh module for user code: ``__name__ == '__main__'``, builtins, like a script's."""
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = builtins
    if filename is not None:
        # `python3.14 FILE` sets __file__; the REPL does not.
        module.__dict__["__file__"] = filename
    return module


class Running:
    """While user code runs: its module is ``sys.modules['__main__']`` (pickle, dataclasses and
    typing look globals up there), stdin reads from the request's lines; afterwards everything
    is put back and stdout/stderr are flushed so no text is left for the next request."""

    def __init__(self, module, readline):
        self._module = module
        self._readline = readline

    def __enter__(self):
        self._saved = sys.modules.get("__main__"), sys.stdin
        sys.modules["__main__"] = self._module
        sys.stdin = make_stdin(self._readline)
        return self

    def __exit__(self, *exc):
        main, stdin = self._saved
        if main is not None:
            sys.modules["__main__"] = main
        sys.stdin = stdin
        flush()
        return False


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def register_source(code, source, filename, *, as_file):
    """Make ``traceback``/``linecache`` find the source lines of code compiled from a string.

    The REPL registers each input by its code objects (``linecache._register_code``, what
    3.14's console does), so tracebacks show ``<python-input-N>`` lines. A run also goes into
    ``linecache.cache`` under its filename, standing in for the file `python3.14 FILE` reads.
    """
    linecache._register_code(code, source, filename)
    if as_file:
        lines = [line + "\n" for line in source.splitlines()]
        linecache.cache[filename] = (len(source), None, lines, filename)
