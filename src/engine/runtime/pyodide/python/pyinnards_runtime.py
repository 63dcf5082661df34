"""The Python side of pyinnards' Pyodide backend: what the worker (backend.ts) calls.

The worker loads the helper modules into one folder and calls this module's functions:
``run`` (here), ``push``, ``complete``, ``reset``, ``interrupt`` and ``send_console_output``
(the console, ``pyinnards_console``) and ``disassemble`` (``pyinnards_disassembly``); recording a
run for <py-frames> lives in ``pyinnards_recorder``. Each returns a JSON string, so the
TypeScript side never holds Python objects between calls. The other modules: where user code
reads and writes (``pyinnards_stdio``), errors as CPython prints them (``pyinnards_errors``) and
Stop's KeyboardInterrupt, raised in the reader's code only (``pyinnards_interrupts``).
Node tests drive the modules directly.

The aim everywhere is the text CPython 3.14 itself prints: ``python3.14 FILE`` for ``run``,
the interactive console (``_pyrepl`` + ``python -m asyncio``) for ``push``, ``dis.dis`` for
``disassemble``. Frames of these modules never show in a traceback.
"""

import json

from pyinnards_console import complete, interrupt, push, reset, send_console_output
from pyinnards_disassembly import disassemble
from pyinnards_errors import HELPER_FILES, OK, outcome_for, report, system_exit
from pyinnards_interrupts import install as install_interrupts
from pyinnards_stdio import Running, new_main, register_source

HELPER_FILES.add(__file__)
install_interrupts()

__all__ = ["run", "push", "complete", "reset", "interrupt", "send_console_output", "disassemble"]


def _execute(source, filename, readline):
    module = new_main(filename)
    with Running(module, readline):
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, OverflowError) as exc:
            exc.__traceback__ = None
            return outcome_for(exc, report(exc, filename, source))
        register_source(code, source, filename, as_file=True)
        try:
            exec(code, module.__dict__)
        except SystemExit as exc:
            return system_exit(exc)
        except BaseException as exc:
            return outcome_for(exc, report(exc, filename, source))
    return dict(OK)


def run(source, filename="<string>", readline=None):
    """Run ``source`` as `python3.14 FILE` runs a file named ``filename``: a fresh ``__main__``,
    no top-level await. ``asyncio.run()`` works where Pyodide can block on the event loop
    (WebAssembly stack switching; the worker calls this through ``callPromising``)."""
    return json.dumps(_execute(source, filename, readline))
