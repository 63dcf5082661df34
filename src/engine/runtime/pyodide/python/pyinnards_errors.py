"""Errors as CPython prints them: tracebacks without pyinnards' own frames, and their
description for the page (type, message, position in the user's code).

Part of pyinnards' Pyodide backend (see ``pyinnards_runtime``).
"""

import sys
import traceback
import types

from pyinnards_stdio import flush
import pyinnards_stdio

# Frames whose code comes from these files are ours: tracebacks and traces leave them out.
# (Each helper module adds itself; stdin's frames show up when input() fails.)
HELPER_FILES = {__file__, pyinnards_stdio.__file__}

# The outcome of code that ran to its end (callers copy it: outcomes are mutable dicts).
OK = {"status": "ok"}


def is_helper(frame):
    return frame.f_code.co_filename in HELPER_FILES


def strip_traceback(tb, user_filename):
    """The traceback without our frames: leading frames up to the user's first one (this
    module's, asyncio's task machinery between them), and any of ours further in (stdin)."""
    entries = []
    while tb is not None:
        entries.append(tb)
        tb = tb.tb_next
    first = next((i for i, e in enumerate(entries) if e.tb_frame.f_code.co_filename == user_filename), None)
    if first is not None:
        entries = entries[first:]
    entries = [e for e in entries if not is_helper(e.tb_frame)]
    result = None
    for entry in reversed(entries):
        result = types.TracebackType(result, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return result


def clean_exception(exc, user_filename):
    """Strip our frames from ``exc`` and every exception chained to it (cause, context,
    exception groups), so nothing of ours shows however the traceback is printed."""
    seen = set()
    stack = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        e.__traceback__ = strip_traceback(e.__traceback__, user_filename)
        stack.extend((e.__cause__, e.__context__))
        if isinstance(e, BaseExceptionGroup):
            stack.extend(e.exceptions)
    return exc


def type_name(exc):
    # As the last line of a traceback names it (TracebackException's rule).
    cls = type(exc)
    name = getattr(cls, "__qualname__", cls.__name__)
    module = getattr(cls, "__module__", None)
    if module not in ("__main__", "builtins"):
        name = f"{module if isinstance(module, str) else '<unknown>'}.{name}"
    return name


def message(exc):
    if isinstance(exc, SyntaxError):
        return str(exc.msg)
    try:
        return str(exc)
    except Exception:
        return "<exception str() failed>"


def _char_column(line, byte_offset):
    # Code positions count UTF-8 bytes; editors count characters (traceback does the same).
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))


def position(exc, user_filename, source):
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


def format_exception(exc):
    """The traceback text `python3.14` prints for an uncaught exception (no colour: the
    page styles output itself). BUILTIN_EXCEPTION_LIMIT honours sys.tracebacklimit the way
    the interpreter's own excepthook does."""
    return "".join(traceback.format_exception(
        type(exc), exc, exc.__traceback__, limit=traceback.BUILTIN_EXCEPTION_LIMIT, colorize=False,
    ))


def report(exc, user_filename, source, *, write=True):
    """Print ``exc`` to stderr like CPython and describe it for the page."""
    clean_exception(exc, user_filename)
    sys.last_exc = sys.last_value = exc
    sys.last_type = type(exc)
    sys.last_traceback = exc.__traceback__
    text = format_exception(exc)
    if write:
        flush()  # what the code printed before failing comes first
        sys.stderr.write(text)
        flush()
    info = {"type": type_name(exc), "message": message(exc), "traceback": text}
    info.update(position(exc, user_filename, source))
    return info


def outcome_for(exc, info):
    if isinstance(exc, KeyboardInterrupt):
        return {"status": "stopped", "sessionReset": False}
    return {"status": "error", "error": info}


def system_exit(exc):
    """`python3.14 FILE` on SystemExit: None and ints exit silently (the status isn't shown),
    anything else is printed to stderr (then the status is 1)."""
    code = exc.code
    if code is not None and not isinstance(code, int):
        flush()
        sys.stderr.write(f"{code}\n")
        flush()
    return dict(OK)
