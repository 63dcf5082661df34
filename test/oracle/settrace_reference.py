"""A plain sys.settrace recorder: what CPython itself reports for a program, step by step.

The Node tests run it in CPython 3.14 (Pyodide in Node) and compare the recorder of the
Pyodide backend (src/engine/runtime/pyodide/python/pyinnards_recorder.py) against it. It is
written apart from that recorder and shares no code with it: a trace function that writes down,
for every event in a frame running the code, the event, every frame of the code on the stack
(qualified name, line, f_lasti, locals), the return value or the exception, and how much had
been printed.

The same rule for what a frame shows: f_locals, except that a module frame leaves out the
names that start and end with two underscores. ``breakpoint()`` goes through CPython's default
``sys.breakpointhook`` with PYTHONBREAKPOINT naming ``settrace_reference.debugger``, which
notes the event the debugger would stop at (since 3.13, the line of the ``breakpoint()`` call).

``native_event_loop()`` makes ``asyncio.run()`` use CPython's own event loop (base_events'
``BaseEventLoop``, with a selector that only sleeps: no I/O), driven inside the one Python
call, where Pyodide would hand the waiting to JavaScript.
"""

import asyncio
import asyncio.runners
import contextlib
import io
import json
import os
import sys
import time
import traceback
import warnings

_breakpoints = None


def debugger(*args, **kws):
    """What PYTHONBREAKPOINT names while recording: marks the last event as a stop."""
    _breakpoints.append(len(_events) - 1)


_events = None


def _type_name(value):
    cls = type(value)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return cls.__module__ + "." + cls.__qualname__


def _traceback_name(exc):
    # As the last line of a traceback names it.
    return traceback.TracebackException(type(exc), exc, None).exc_type_str


def record(source, filename="<py-frames>", stdin="", opcodes=False):
    """Run ``source`` under a trace function; return what it saw as JSON text:
    ``{"events": [...], "stdout": ..., "error": exception type name or None}``."""
    global _events, _breakpoints
    events = _events = []
    _breakpoints = []
    out = io.StringIO()

    def local_variables(frame):
        names = frame.f_locals
        found = []
        # A repr() that prints must not add to the program's output.
        printing, sys.stdout = sys.stdout, io.StringIO()
        for name, value in list(names.items()):
            if frame.f_code.co_name == "<module>" and name.startswith("__") and name.endswith("__") and len(name) > 4:
                continue
            try:
                text = repr(value)
            except Exception:
                text = "<local repr() failed>"
            found.append([name, text, _type_name(value), id(value)])
        sys.stdout = printing
        return found

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != filename:
            return None
        if opcodes and event == "call":
            frame.f_trace = tracer
            frame.f_trace_opcodes = True
        stack = []
        f = frame
        while f is not None:
            if f.f_code.co_filename == filename:
                stack.append([f.f_code.co_qualname, f.f_lineno, f.f_lasti, local_variables(f)])
            f = f.f_back
        stack.reverse()
        entry = {"event": event, "stack": stack, "stdout": len(out.getvalue())}
        if event == "return":
            entry["value"] = repr(arg)
        if event == "exception":
            entry["exception"] = [_traceback_name(arg[1]), str(arg[1])]
        events.append(entry)
        return tracer

    code = compile(source, filename, "exec")
    saved = sys.stdout, sys.stdin, sys.breakpointhook, os.environ.get("PYTHONBREAKPOINT")
    sys.stdout = out
    sys.stdin = io.StringIO(stdin)
    sys.breakpointhook = sys.__breakpointhook__
    os.environ["PYTHONBREAKPOINT"] = __name__ + ".debugger"
    error = None
    sys.settrace(tracer)
    try:
        exec(code, {"__name__": "__main__"})
    except BaseException as exc:
        error = _traceback_name(exc)
    finally:
        sys.settrace(None)
        sys.stdout, sys.stdin, sys.breakpointhook, setting = saved
        if setting is None:
            os.environ.pop("PYTHONBREAKPOINT", None)
        else:
            os.environ["PYTHONBREAKPOINT"] = setting
    return json.dumps({"events": events, "stdout": out.getvalue(), "error": error, "breakpoints": _breakpoints})


class _SleepingSelector:
    def select(self, timeout):
        if timeout:
            time.sleep(timeout)
        return []


class _NativeLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _SleepingSelector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


class _NativePolicy(asyncio.events._BaseDefaultEventLoopPolicy):
    _loop_factory = _NativeLoop


@contextlib.contextmanager
def native_event_loop():
    """asyncio.run() as CPython has it (Pyodide replaces it with one that runs on WebLoop)."""
    saved = asyncio.run, asyncio.events.get_event_loop_policy(), asyncio.events._get_running_loop()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.events.set_event_loop_policy(_NativePolicy())
    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        run, policy, running = saved
        asyncio.run = run
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            asyncio.events.set_event_loop_policy(policy)
        asyncio.events._set_running_loop(running)
