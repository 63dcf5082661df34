"""The asyncio event loop recordings run on: CPython's own loop logic with a virtual clock.

Pyodide's ``WebLoop`` hands every callback to the JavaScript event loop, and ``asyncio.run()``
on it must block Python until JavaScript has run them (``run_sync``), which needs WebAssembly
stack switching: Safari (WebKit) has none, so ``asyncio.run()`` could not be recorded there.
A recording needs no JavaScript: ``VirtualClockLoop`` is ``asyncio.BaseEventLoop`` (the loop
code ``python -m asyncio`` and every CPython use, so ready callbacks run in the same order and a
coroutine's frames sit on the same stack) whose "wait for I/O" step never waits: it moves the
loop's clock forward to the next timer instead. ``asyncio.sleep(2)`` returns at once in real
time, ``loop.time()`` says two seconds passed, and the recording is the same every time.

What differs from a real-time run: ``time.time()``/``time.monotonic()`` don't move with the
loop's clock, and nothing outside Python (sockets, subprocesses, JavaScript promises) can wake
the loop: a program left waiting only for that ends with ``NothingLeftToRun``.

``TracedCallbacks`` keeps the recorder tracing what an event loop runs from JavaScript (Pyodide's
own loop, where stack switching lets ``asyncio.run()`` block on it).
"""

import asyncio
import asyncio.runners
import contextlib
import sys
import time
from asyncio import base_events, events


class NothingLeftToRun(RuntimeError):
    """Every task waits, and no callback or timer is left that could wake one."""


class _VirtualSelector:
    """Stands where a selector waits for I/O: it advances the loop's clock instead."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout):
        if timeout is None:
            # A real loop would wait for ever for I/O that can't come here.
            raise NothingLeftToRun(
                "every task is waiting and nothing is scheduled: the recording's event loop "
                "has no I/O or JavaScript to wake them"
            )
        self._loop.advance(timeout)
        return []

    def close(self):
        pass


class VirtualClockLoop(base_events.BaseEventLoop):
    """``asyncio.BaseEventLoop`` on a virtual clock (see the module's docstring)."""

    def __init__(self):
        super().__init__()
        self._now = time.monotonic()
        self._selector = _VirtualSelector(self)

    def time(self):
        return self._now

    def advance(self, seconds):
        """Moves the clock forward (what waiting ``seconds`` for I/O would have taken)."""
        if seconds > 0:
            self._now += seconds

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        # Wakes a loop blocked in select() from another thread; ours never blocks.
        pass


def _policy():
    # asyncio's policy functions are deprecated in 3.14 (the public ones warn when called).
    getter = getattr(events, "_get_event_loop_policy", None) or events.get_event_loop_policy
    return getter()


@contextlib.contextmanager
def recording_loops():
    """While active, ``asyncio.run()`` and ``asyncio.new_event_loop()`` make a ``VirtualClockLoop``.

    Pyodide replaces ``asyncio.run`` with one that runs on its ``WebLoop``, which it also keeps
    as the running loop between calls: both are set back to CPython's meanwhile.
    """
    policy = _policy()
    own = vars(policy).get("new_event_loop")
    saved_run, running = asyncio.run, events._get_running_loop()
    # asyncio.run() sets the loop it made as the current one and unsets it when done: put
    # Pyodide's current loop back afterwards (its console and later runs use it).
    try:
        current = policy.get_event_loop()
    except RuntimeError:
        current = None
    policy.new_event_loop = VirtualClockLoop
    asyncio.run = asyncio.runners.run
    events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.run = saved_run
        events._set_running_loop(running)
        policy.set_event_loop(current)
        if own is None:
            del policy.new_event_loop
        else:
            policy.new_event_loop = own


__all__ = ["NothingLeftToRun", "VirtualClockLoop", "recording_loops"]


class TracedCallbacks:
    """Keeps the recorder tracing the callbacks an asyncio event loop runs, and their stacks as
    CPython's own loops make them.

    Under Pyodide, ``asyncio.run()`` runs ``WebLoop.run_until_complete``, which blocks on the
    JavaScript event loop (``run_sync``, with stack switching); each callback, every step of a
    task included, is then called from JavaScript with a Python thread state whose trace
    function is unset, so a coroutine resuming there would run untraced (``sys.gettrace()`` is
    None inside it; the trace function is back once ``run_sync`` returns). Every such callback
    goes through ``asyncio.Handle._run``: while recording, that method installs the trace
    function around the callback when it is missing.

    Such a callback's frames also hang from JavaScript, not from the code that blocked. With
    CPython's loops the callback runs inside ``run_until_complete``, so the frame that called
    ``asyncio.run()`` is below the coroutine on the stack: the recorder continues the stack
    from the frame that is blocked in ``run_sync`` (``recorder.outer``).

    With CPython's own loops the trace function is there already and nothing changes.
    """

    def __init__(self, recorder):
        self.recorder = recorder
        self.blocked = []

    def __enter__(self):
        recorder = self.recorder
        blocked = self.blocked
        original_run = self.original_run = asyncio.Handle._run

        def _run(handle):
            if sys.gettrace() is not None:
                return original_run(handle)
            outer = recorder.outer
            recorder.outer = blocked[-1] if blocked else None
            sys.settrace(recorder.global_trace)
            try:
                return original_run(handle)
            finally:
                sys.settrace(None)
                recorder.outer = outer

        asyncio.Handle._run = _run
        self.webloop = sys.modules.get("pyodide.webloop")
        if self.webloop is not None:
            original_run_sync = self.original_run_sync = self.webloop.run_sync

            def run_sync(awaitable):
                blocked.append(sys._getframe(1))
                try:
                    return original_run_sync(awaitable)
                finally:
                    blocked.pop()

            self.webloop.run_sync = run_sync
        return self

    def __exit__(self, *exc):
        asyncio.Handle._run = self.original_run
        if self.webloop is not None:
            self.webloop.run_sync = self.original_run_sync
        return False
