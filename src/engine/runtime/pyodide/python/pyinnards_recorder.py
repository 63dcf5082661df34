"""Records a run for <py-frames>: the program runs once under ``sys.settrace`` and every event
of the user's code becomes a step with the whole stack as it stood.

The worker (backend.ts) loads this file as the module ``pyinnards_recorder`` next to
``pyinnards_stdio``, ``pyinnards_errors`` and ``pyinnards_disassembly`` (whose run machinery,
errors and dis data it reuses) and calls ``trace``, which returns the recording as JSON text in
the format of src/engine/trace/format.ts. The work is shared by job: ``pyinnards_steps`` (the
trace functions and the recording's tables), ``pyinnards_capture`` (the program's output, byte
for byte) and ``pyinnards_loop`` (asyncio while recording).

What CPython reports is what is recorded: the events ``sys.settrace`` delivers for frames whose
code has the user's filename, nothing added, nothing dropped, so a plain settrace recorder in
CPython sees the same sequence (test/oracle/settrace_reference.py is one, and the Node tests
compare). Our own frames never show: their code has another filename.
"""

import json
import os
import sys
import time

import pyinnards_capture
import pyinnards_loop
import pyinnards_errors as _errors
import pyinnards_stdio as _stdio
import pyinnards_steps
from pyinnards_disassembly import parse_options

_errors.HELPER_FILES.update({__file__, pyinnards_loop.__file__, pyinnards_capture.__file__})

# Defined in src/engine/trace/format.ts (TRACE_FORMAT, TRACE_VERSION); a test keeps these equal.
FORMAT = "pyinnards-trace"
VERSION = 2


def _readline_timed(recorder, readline):
    def timed():
        start = time.perf_counter()
        try:
            # The answer may be a promise the reader fulfils: wait for it here, so the wait is
            # counted as waiting, not as the program's running time.
            return _stdio.resolve_line(readline()) if readline is not None else None
        finally:
            recorder.waiting += time.perf_counter() - start
    return timed


def _run(recorder, source, readline):
    """Compile and run ``source`` as `python3.14 FILE` would, under the recorder; sets
    ``recorder.end``."""
    filename = recorder.filename
    module = _stdio.new_main(filename)
    with _stdio.Running(module, _readline_timed(recorder, readline)):
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, OverflowError) as exc:
            exc.__traceback__ = None
            recorder.end = {"status": "syntax-error", "error": _errors.report(exc, filename, source)}
            return
        _stdio.register_source(code, source, filename, as_file=True)
        # The program may change how breakpoint() behaves; the next run starts as a new
        # process would.
        saved_hook = sys.breakpointhook, os.environ.get("PYTHONBREAKPOINT")
        sys.breakpointhook = recorder.breakpointhook
        sys.settrace(recorder.global_trace)
        try:
            with pyinnards_loop.TracedCallbacks(recorder), pyinnards_loop.recording_loops():
                exec(code, module.__dict__)
        except pyinnards_steps.Limit:
            pass
        except SystemExit as exc:
            sys.settrace(None)
            _errors.system_exit(exc)
            recorder.end = {"status": "ok"}
        except KeyboardInterrupt:
            recorder.end = {"status": "stopped"}
        except BaseException as exc:
            sys.settrace(None)
            recorder.end = {"status": "error", "error": _errors.report(exc, filename, source)}
        else:
            recorder.end = {"status": "ok"}
        finally:
            sys.settrace(None)
            sys.breakpointhook, setting = saved_hook
            if setting is None:
                os.environ.pop("PYTHONBREAKPOINT", None)
            else:
                os.environ["PYTHONBREAKPOINT"] = setting


def _option(options, name, default, kind):
    value = options.get(name)
    return default if value is None else kind(value)


def trace(source, options=None, readline=None):
    """Run ``source`` once under the recorder and return the recording (JSON text).

    Options (all optional): ``filename`` ("<py-frames>"), ``maxSteps`` (10,000),
    ``timeLimitMs`` (0: none; time spent waiting for input() does not count),
    ``granularity`` ("line" or "instruction"), ``maxReprLength`` (1,000).
    """
    options = parse_options(options)
    granularity = _option(options, "granularity", "line", str)
    if granularity not in ("line", "instruction"):
        raise ValueError(f"granularity must be 'line' or 'instruction', not {granularity!r}")
    recorder = pyinnards_steps.Recorder(
        filename=str(_option(options, "filename", "<py-frames>", str)),
        max_steps=max(0, _option(options, "maxSteps", 10000, int)),
        time_limit_ms=max(0, _option(options, "timeLimitMs", 0, float)),
        granularity=granularity,
        max_repr=max(0, _option(options, "maxReprLength", 1000, int)),
    )
    saved = sys.stdout, sys.stderr
    recorder.out, sys.stdout = pyinnards_capture.teed(sys.stdout)
    recorder.err, sys.stderr = pyinnards_capture.teed(sys.stderr)
    try:
        try:
            _run(recorder, source, readline)
        except KeyboardInterrupt:
            # Stop arrived between the program and us (e.g. while its output was flushed).
            recorder.end = recorder.end or {"status": "stopped"}
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        sys.stdout, sys.stderr = saved
    # Compact: a 10,000-step recording is mostly punctuation.
    recording = {"format": FORMAT, "version": VERSION, **recorder.result(source)}
    return json.dumps(recording, separators=(",", ":"))
