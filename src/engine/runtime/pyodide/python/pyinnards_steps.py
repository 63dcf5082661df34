"""The recorder's trace functions and tables: what ``sys.settrace`` delivers for the user's code
becomes steps, each with the whole stack as it stood, and every code object, frame, value and
scope is stored once and referred to by index (the format of src/engine/trace/format.ts).

Values are stored as ``repr`` text, so the recording holds no user object alive: frames are
known by ``id()`` and, for generators and coroutines (one frame across resumptions), by a weak
reference to the generator, which tells a resumption from a new frame that reuses an ``id``.
"""

import os
import sys
import time
import traceback
import weakref

import pyinnards_capture
import pyinnards_errors as _errors
from pyinnards_disassembly import code_tree
import pyinnards_value_stack as _value_stack

_errors.HELPER_FILES.add(__file__)

# The names a module gets from the interpreter (``__name__``, ``__builtins__``, ``__file__``,
# ``__doc__``, ``__annotate__``, ...) are bookkeeping every module has: the module frame hides
# every name that starts and ends with two underscores. Functions and class bodies show their
# f_locals whole (a class body's ``__module__`` and ``__qualname__`` are part of the lesson).
def shown_global(name):
    return not (name.startswith("__") and name.endswith("__") and len(name) > 4)


# What CPython's traceback shows for a local whose repr() raises (traceback._safe_string).
REPR_FAILED = "<local repr() failed>"

# Values whose repr can't change while the object lives (exact types only: a subclass could).
_IMMUTABLE = frozenset({int, float, complex, str, bytes, bool, type(None)})

_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
_CO_OPTIMIZED = 0x1


def kind(code):
    flags = code.co_flags
    if code.co_name == "<module>":
        return "module"
    if code.co_name == "<genexpr>":
        return "genexpr"
    if flags & 0x20:
        return "generator"
    if flags & 0x80:
        return "coroutine"
    if flags & 0x200:
        return "async-generator"
    if not flags & _CO_OPTIMIZED:
        # Only module and class bodies run unoptimized (their locals are a dict).
        return "class"
    if code.co_name == "<lambda>":
        return "lambda"
    return "function"


class Limit(BaseException):
    """Raised into the traced program when a limit is reached, to end it where it stands."""


class Recorder:
    def __init__(self, filename, max_steps, time_limit_ms, granularity, max_repr):
        self.filename = filename
        self.max_steps = max_steps
        self.deadline_s = time_limit_ms / 1000 if time_limit_ms > 0 else None
        self.instructions = granularity == "instruction"
        self.max_repr = max_repr
        self.codes = []
        self.code_index = {}
        self.frames = []
        # id(frame) -> (index, weak reference to its generator or None)
        self.frame_index = {}
        self.values = []
        self.value_index = {}
        # id(object) -> identity number, in order of first sight.
        self.objects = {}
        self.scopes = []
        self.scope_index = {}
        # frame index -> (its variables at its last step, their scope index); see scope().
        self.last_scopes = {}
        self.type_names = {}
        self.value_stacks = _value_stack.TraceSlots(self.value)
        self.steps = []
        self.end = None
        self.started = time.perf_counter()
        # Time spent waiting for input() answers: not the program's running time.
        self.waiting = 0.0
        self.discard = pyinnards_capture.Discard()
        self.out = self.err = None
        # Where the stack continues below a callback the event loop runs from JavaScript (see
        # pyinnards_loop.TracedCallbacks): the frame blocked in the loop, or None.
        self.outer = None

    # The trace functions ------------------------------------------------------------------

    def global_trace(self, frame, event, arg):
        """sys.settrace's function: sees every call; follows only the user's frames."""
        if frame.f_code.co_filename != self.filename:
            return None
        if self.instructions:
            # Opcode events start when f_trace_opcodes is set on a frame that already has its
            # local trace function (which CPython only sets once this call returns).
            frame.f_trace = self.local_trace
            frame.f_trace_opcodes = True
        self.record(frame, event, arg)
        return self.local_trace

    def local_trace(self, frame, event, arg):
        self.record(frame, event, arg)
        return self.local_trace

    def record(self, frame, event, arg):
        if len(self.steps) >= self.max_steps:
            self.end = {"status": "step-limit", "maxSteps": self.max_steps}
            raise Limit
        if self.deadline_s is not None and time.perf_counter() - self.started - self.waiting > self.deadline_s:
            self.end = {"status": "time-limit", "afterMs": self.elapsed_ms()}
            raise Limit
        # A repr() that prints must not add to the program's output.
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.discard
        try:
            step = {
                "event": event,
                "stack": self.stack(frame, event),
                "stdout": len(self.out.data),
                "stderr": len(self.err.data),
            }
            if event == "return":
                step["value"] = self.value(arg)
            elif event == "exception":
                step["exception"] = self.exception(arg)
            elif event == "opcode":
                step["valueStack"] = self.value_stacks.slots(frame)
        finally:
            sys.stdout, sys.stderr = saved
        self.steps.append(step)

    def elapsed_ms(self):
        return round((time.perf_counter() - self.started - self.waiting) * 1000)

    # Tables -------------------------------------------------------------------------------

    def stack(self, frame, event):
        user = []
        f = frame
        outer = self.outer
        while f is not None:
            if f.f_code.co_filename == self.filename:
                user.append(f)
            f = f.f_back
            if f is None:
                f, outer = outer, None
        user.reverse()
        entries = []
        back = None
        for f in user:
            index = self.frame(f, back, event == "call" and f is frame)
            entries.append([index, f.f_lineno, f.f_lasti, self.scope(f, index)])
            back = index
        return entries

    def frame(self, f, back, calling):
        """The index of frame ``f``. A frame is new at its ``call`` event, except a generator's
        or coroutine's, which is called again at each resumption: it is the same frame while
        its generator is the one we saw (an ``id`` may be reused once a frame is gone)."""
        key = id(f)
        known = self.frame_index.get(key)
        if known is not None:
            index, generator = known
            if not calling or (generator is not None and generator() is f.f_generator):
                return index
        code = f.f_code
        generator = f.f_generator if code.co_flags & _GENERATOR_FLAGS else None
        index = len(self.frames)
        self.frames.append({"code": self.code(code), "back": back})
        self.frame_index[key] = (index, None if generator is None else weakref.ref(generator))
        return index

    def code(self, code):
        index = self.code_index.get(code)
        if index is None:
            index = self.code_index[code] = len(self.codes)
            entry = {"name": code.co_name, "qualname": code.co_qualname,
                     "firstLine": code.co_firstlineno, "kind": kind(code)}
            if self.instructions:
                entry["dis"] = code_tree(code, 0, False, False)
            self.codes.append(entry)
        return index

    def scope(self, f, frame):
        names = f.f_locals
        if f.f_code.co_name == "<module>" and names is f.f_globals:
            pairs = [(name, v) for name, v in list(names.items()) if shown_global(name)]
        else:
            pairs = list(names.items())
        # Most frames on the stack are the callers of the one that moved, their variables
        # unchanged: when they hold the very same immutable objects as at the frame's last step
        # (kept alive by this cache, so their ids can't be reused), their scope is too.
        last = self.last_scopes.get(frame)
        if last is not None and len(last[0]) == len(pairs) and all(
            a[0] == b[0] and a[1] is b[1] for a, b in zip(last[0], pairs)
        ):
            return last[1]
        items = [(name, self.value(v)) for name, v in pairs]
        key = tuple(items)
        index = self.scope_index.get(key)
        if index is None:
            index = self.scope_index[key] = len(self.scopes)
            self.scopes.append(items)
        if all(type(v) in _IMMUTABLE for _, v in pairs):
            self.last_scopes[frame] = (pairs, index)
        else:
            self.last_scopes.pop(frame, None)
        return index

    def value(self, v):
        number = self.objects.get(id(v))
        if number is None:
            number = self.objects[id(v)] = len(self.objects)
        try:
            text = repr(v)
        except Exception:
            text = REPR_FAILED
        length = None
        if len(text) > self.max_repr:
            length = len(text)
            text = text[: self.max_repr]
        cls = type(v)
        type_name = self.type_names.get(cls) or self.type_name(cls)
        key = (text, type_name, number, length)
        index = self.value_index.get(key)
        if index is None:
            index = self.value_index[key] = len(self.values)
            entry = {"repr": text, "type": key[1], "object": number}
            if length is not None:
                entry["length"] = length
            self.values.append(entry)
        return index

    def type_name(self, cls):
        name = self.type_names.get(cls)
        if name is None:
            name = getattr(cls, "__qualname__", cls.__name__)
            module = getattr(cls, "__module__", None)
            if module != "builtins":
                name = f"{module}.{name}"
            self.type_names[cls] = name
        return name

    def exception(self, arg):
        kind, exc, tb = arg
        if exc is None:
            exc = kind()
        text = "".join(traceback.format_exception(
            kind, exc, _errors.strip_traceback(tb, self.filename),
            limit=traceback.BUILTIN_EXCEPTION_LIMIT, colorize=False))
        return {"type": _errors.type_name(exc), "message": _errors.message(exc),
                "traceback": text, "value": self.value(exc)}

    # breakpoint() ---------------------------------------------------------------------------

    def breakpointhook(self, *args, **kws):
        """Stands in for CPython's default sys.breakpointhook while recording: where that
        would start pdb, the step where the program stands is marked as a stop; the
        PYTHONBREAKPOINT rules are the same (``0`` disables it, another name is imported and
        called by CPython's own hook)."""
        setting = None if sys.flags.ignore_environment else os.environ.get("PYTHONBREAKPOINT")
        if setting == "0":
            return None
        if setting and setting != "pdb.set_trace":
            return sys.__breakpointhook__(*args, **kws)
        if self.steps:
            self.steps[-1]["breakpoint"] = True
        return None

    # The result -----------------------------------------------------------------------------

    def result(self, source):
        """The recording's tables and steps (the trace without its format header)."""
        offsets = pyinnards_capture.utf16_offsets(bytes(self.out.data), [s["stdout"] for s in self.steps])
        err_offsets = pyinnards_capture.utf16_offsets(bytes(self.err.data), [s["stderr"] for s in self.steps])
        for step in self.steps:
            step["stdout"] = offsets[step["stdout"]]
            step["stderr"] = err_offsets[step["stderr"]]
        events = ["call", "line", "return", "exception"] + (["opcode"] if self.instructions else [])
        return {
            "engine": "pyodide",
            "python": "CPython " + ".".join(map(str, sys.version_info[:3])),
            "granularity": "instruction" if self.instructions else "line",
            "events": events,
            "limitations": [],
            "filename": self.filename,
            "source": source,
            "codes": self.codes,
            "frames": self.frames,
            "values": self.values,
            "scopes": self.scopes,
            "stdout": bytes(self.out.data).decode("utf-8", "surrogateescape"),
            "stderr": bytes(self.err.data).decode("utf-8", "surrogateescape"),
            "steps": self.steps,
            "end": self.end,
        }
