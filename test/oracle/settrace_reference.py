"""A plain sys.settrace recorder: what CPython itself reports for a program, step by step.

The Node tests run it in CPython 3.14 (Pyodide in Node) and compare the recorder of the
Pyodide backend (src/engine/runtime/pyodide/python/pyinnards_recorder.py) against it. It is
written apart from that recorder and shares no code with it: a trace function that writes down,
for every event in a frame running the code, the event, every frame of the code on the stack
(qualified name, line, f_lasti, locals), the return value or the exception, and how much had
been printed.

The same rule for what a frame shows: f_locals, except that a module frame leaves out the
names that start and end with two underscores.
"""

import io
import json
import sys


def _type_name(value):
    cls = type(value)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return cls.__module__ + "." + cls.__qualname__


def record(source, filename="<py-frames>", stdin="", opcodes=False):
    """Run ``source`` under a trace function; return what it saw as JSON text:
    ``{"events": [...], "stdout": ..., "error": exception type name or None}``."""
    events = []
    out = io.StringIO()

    def local_variables(frame):
        names = frame.f_locals
        found = []
        for name, value in list(names.items()):
            if frame.f_code.co_name == "<module>" and name.startswith("__") and name.endswith("__") and len(name) > 4:
                continue
            try:
                text = repr(value)
            except Exception:
                text = "<local repr() failed>"
            found.append([name, text, _type_name(value), id(value)])
        return found

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != filename:
            return None
        if opcodes:
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
            entry["exception"] = [_type_name(arg[1]), str(arg[1])]
        events.append(entry)
        return tracer

    code = compile(source, filename, "exec")
    saved = sys.stdout, sys.stdin
    sys.stdout = out
    sys.stdin = io.StringIO(stdin)
    error = None
    sys.settrace(tracer)
    try:
        exec(code, {"__name__": "__main__"})
    except BaseException as exc:
        error = _type_name(exc)
    finally:
        sys.settrace(None)
        sys.stdout, sys.stdin = saved
    return json.dumps({"events": events, "stdout": out.getvalue(), "error": error})
