// Console sessions for `pyinnards bake`, on the pyodide backend running in this Node process:
// what the page's engine (src/engine/runtime/engine.ts) and its worker (serve.ts) do for a
// console's input, so the console's session logic bakes the transcript a reader would see.
import { Worker } from 'node:worker_threads';
import { batchedStdio } from '../engine/runtime/batched-stdio.js';
import type { WorkerBackend, WorkerIO } from '../engine/runtime/protocol.js';
import type { ReplPushOptions, ReplPushResult, ReplSession, ReplSessionEvents, RunOutcome } from '../engine/runtime/types.js';

/**
 * Cells of the shared memory: Pyodide's interrupt flag (it clears it when it raises), the run the
 * watchdog is armed for, its limit in ms, whether it fired for that run, and a lock.
 */
const INTERRUPT = 0;
const ARMED = 1;
const LIMIT = 2;
const FIRED = 3;
const LOCK = 4;
const SIGINT = 2;
/** How often the watchdog raises KeyboardInterrupt again while a run it stopped goes on. */
const AGAIN_MS = 50;

/**
 * Python runs on this thread and blocks it, so a timer here can't stop a run that doesn't end: a
 * watchdog thread raises KeyboardInterrupt in it through Pyodide's interrupt flag when a run
 * outlives its limit (as the page's engine interrupts a console input that hits its timeout).
 * Once is not enough: an interrupt that lands in the console's own machinery (its event loop,
 * between the input's steps) is spent there and the input then runs on, so the watchdog raises
 * it again until the run ends. It raises under the lock, and only while the run is armed, so no
 * interrupt outlives its run into the next. The thread holds nothing open: the command exits
 * when its work is done.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const cells = new Int32Array(workerData);
for (;;) {
  Atomics.wait(cells, ${ARMED}, 0);
  const armed = Atomics.load(cells, ${ARMED});
  if (armed === 0) continue;
  let wait = Atomics.load(cells, ${LIMIT});
  while (Atomics.wait(cells, ${ARMED}, armed, wait) === 'timed-out') {
    while (Atomics.compareExchange(cells, ${LOCK}, 0, 1) !== 0);
    if (Atomics.load(cells, ${ARMED}) === armed) {
      Atomics.store(cells, ${FIRED}, armed);
      Atomics.store(cells, ${INTERRUPT}, ${SIGINT});
    }
    Atomics.store(cells, ${LOCK}, 0);
    wait = ${AGAIN_MS};
  }
}`;

export class TimeLimits {
  private readonly cells = new Int32Array(new SharedArrayBuffer(5 * 4));
  /** What Pyodide reads (LoadSettings.interruptBuffer). */
  readonly interruptBuffer = new Int32Array(this.cells.buffer, INTERRUPT * 4, 1);
  private watchdog: Worker | undefined;
  private runs = 0;

  /** Runs `body` with KeyboardInterrupt raised in its Python after `ms` (0: no limit); says whether it was. */
  async within<T>(ms: number, body: () => Promise<T>): Promise<{ value: T; timedOut: boolean }> {
    if (ms <= 0) return { value: await body(), timedOut: false };
    if (!this.watchdog) {
      this.watchdog = new Worker(WATCHDOG, { eval: true, workerData: this.cells.buffer });
      this.watchdog.unref();
    }
    const run = ++this.runs;
    Atomics.store(this.cells, INTERRUPT, 0);
    Atomics.store(this.cells, LIMIT, ms);
    Atomics.store(this.cells, ARMED, run);
    Atomics.notify(this.cells, ARMED);
    try {
      const value = await body();
      return { value, timedOut: Atomics.load(this.cells, FIRED) === run };
    } finally {
      // Disarmed and cleared under the lock: an interrupt raised for this run can't come after.
      while (Atomics.compareExchange(this.cells, LOCK, 0, 1) !== 0);
      Atomics.store(this.cells, ARMED, 0);
      Atomics.store(this.cells, INTERRUPT, 0);
      Atomics.store(this.cells, LOCK, 0);
      Atomics.notify(this.cells, ARMED);
    }
  }

  interrupt(): void {
    Atomics.store(this.cells, INTERRUPT, SIGINT);
  }
}

/** The worker's stdio for one input (serve.ts): batched output, stdin lines, input() asked. */
function ioFor(options: ReplPushOptions): WorkerIO & { flush(): void } {
  const stdio = batchedStdio((kind, text) => (kind === 'stdout' ? options.onStdout : options.onStderr)?.(text), options.stdin ?? null);
  return {
    ...stdio,
    input(prompt) {
      // The engine asks the reader when the console gave it a way to (no stdin attribute).
      if (!options.onInput) return Promise.resolve(stdio.stdinLine());
      stdio.flush();
      return options.onInput(prompt);
    },
  };
}

/** A console session on `backend` (loaded with `limits.interruptBuffer`). */
export function nodeSession(backend: WorkerBackend, limits: TimeLimits, name: string): ReplSession {
  let events: ReplSessionEvents = {};
  backend.consoleOutput?.((session, stream, text) => {
    if (session === name) events.output?.(stream, text);
  });
  return {
    async push(source, options = {}): Promise<ReplPushResult> {
      const io = ioFor(options);
      const started = performance.now();
      const { value, timedOut } = await limits.within(options.timeoutMs ?? 0, async () => {
        try {
          return await backend.push(name, source, options.force ?? false, io);
        } finally {
          io.flush();
        }
      });
      // As the page's engine says it: a run stopped for its time limit timed out.
      const outcome: RunOutcome = timedOut ? { status: 'timeout', afterMs: Math.round(performance.now() - started) } : value.outcome;
      return { more: timedOut ? false : value.more, outcome };
    },
    complete: (text) => backend.complete(name, text),
    reset: () => backend.reset(name),
    interrupt: () => limits.interrupt(),
    listen(listener) {
      events = listener;
      return () => (events = {});
    },
  };
}
