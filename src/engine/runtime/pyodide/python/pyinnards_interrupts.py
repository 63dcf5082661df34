"""KeyboardInterrupt in the reader's code only.

Stop (the page's engine) and a console's time limit (``pyinnards bake``) send SIGINT through
Pyodide's interrupt buffer, and Python takes it at whichever bytecode runs next. When that is
the kit's own machinery (the console readying an input or reporting one, Pyodide's event loop
between two steps), a KeyboardInterrupt there is spent where nothing expects it: the input then
runs on unstopped, or the helpers' answer is lost. So the handler raises it only while the
reader's code is on the stack, and drops it otherwise; the sender sends it again (the bake's
watchdog) or restarts Python (the engine, after its grace period).
"""

import os
import signal

from pyinnards_errors import HELPER_FILES

# The handler's frame is where KeyboardInterrupt is raised: tracebacks leave it out, as CPython's
# own handler (written in C) has none.
HELPER_FILES.add(__file__)

#: Where the kit's helpers and Pyodide's Python (stdlib zips, packages) live; the reader's code
#: has names like ``<python-input-0>`` or the run's file name.
KIT_PREFIXES = (os.path.dirname(__file__) + "/", "/lib/", "<frozen ")


def in_readers_code(frame):
    """True if a frame of the reader's code is on the stack from ``frame`` down."""
    while frame is not None:
        if not frame.f_code.co_filename.startswith(KIT_PREFIXES):
            return True
        frame = frame.f_back
    return False


def on_interrupt(signum, frame):
    """The SIGINT handler: KeyboardInterrupt where the reader's code runs, nothing elsewhere."""
    if in_readers_code(frame):
        raise KeyboardInterrupt


def install():
    signal.signal(signal.SIGINT, on_interrupt)
