// The Engine elements use: one object per backend per page, over that backend's worker.
import { SessionResetError, type WorkerHost } from './host.js';
import type { Reply } from './protocol.js';
import { TRACE_FORMAT, TRACE_VERSION, type Trace } from '../trace/format.js';
import type {
  Capabilities,
  DisassembleRequest,
  Disassembly,
  Engine,
  EngineName,
  LoadProgress,
  ReplPushOptions,
  ReplPushResult,
  ReplSession,
  ReplSessionEvents,
  RunHandle,
  RunOptions,
  RunOutcome,
  TraceRunOptions,
} from './types.js';

/** How long Stop waits for an interrupt to take effect before restarting the worker. */
const INTERRUPT_GRACE_MS = 1000;
/**
 * How often Stop sends SIGINT again meanwhile: Python drops one that arrives while only the kit's
 * own code runs (the console readying the input, say: pyinnards_interrupts.py), so one sent just
 * as the reader's code starts would otherwise end in a restart, and the namespace with it.
 */
const INTERRUPT_AGAIN_MS = 50;

export class WorkerEngine implements Engine {
  constructor(
    private readonly host: WorkerHost,
    readonly capabilities: Capabilities,
  ) {}

  get name(): EngineName {
    return this.host.name;
  }

  onProgress(listener: (progress: LoadProgress) => void): () => void {
    return this.host.onProgress(listener);
  }

  run(code: string, options: RunOptions = {}): RunHandle {
    return this.runRequest(
      options,
      (askInput) => ({ kind: 'run', code, filename: options.filename ?? '<string>', stdin: options.stdin ?? null, askInput }),
      (answer) => answer as RunOutcome,
    );
  }

  /**
   * Sends a request that runs Python, wiring its output, input() and Stop. A stopped or timed
   * out run resolves (never rejects) so elements can show what happened. `answer` is what the
   * worker answered (read by `outcomeOf`), or undefined when it didn't (stopped by a restart,
   * failed).
   */
  private runRequest(
    options: RunOptions,
    body: (askInput: boolean) => Parameters<WorkerHost['request']>[0],
    outcomeOf: (answer: unknown) => RunOutcome,
    /** Whether the backend can ask the reader for this request (a console can at an input's top level). */
    canAsk = this.capabilities.interactiveInput,
  ): RunHandle & { answer: Promise<unknown> } {
    const request = body(canAsk && options.onInput !== undefined);
    let resolveAnswer!: (answer: unknown) => void;
    const answer = new Promise<unknown>((resolve) => (resolveAnswer = resolve));
    if (this.host.interruptBuffer) Atomics.store(this.host.interruptBuffer, 0, 0);
    let settled: RunOutcome | undefined;
    /** Stop's repeated SIGINT (INTERRUPT_AGAIN_MS), until the run settles (a restart settles it too). */
    let again: ReturnType<typeof setInterval> | undefined;
    let resolveOutcome!: (outcome: RunOutcome) => void;
    const done = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
    const settle = (outcome: RunOutcome) => {
      if (settled) return;
      settled = outcome;
      clearTimeout(timer);
      clearInterval(again);
      resolveAnswer(undefined);
      resolveOutcome(outcome);
    };
    const started = performance.now();
    let stopReason: 'stop' | 'timeout' | undefined;
    const stoppedOutcome = (sessionReset: boolean): RunOutcome =>
      stopReason === 'timeout'
        ? { status: 'timeout', afterMs: Math.round(performance.now() - started) }
        : { status: 'stopped', sessionReset };
    const sent = this.host.request(request, (reply: Reply) => {
      if (reply.kind === 'stdout') options.onStdout?.(reply.text);
      else if (reply.kind === 'stderr') options.onStderr?.(reply.text);
      else if (reply.kind === 'input') {
        void (options.onInput?.(reply.prompt) ?? Promise.resolve(null)).then((value) => this.host.reply(sent.id, value));
      }
    });
    sent.then(
      (value) => {
        const outcome = outcomeOf(value);
        resolveAnswer(value);
        // An interrupt we sent for the time limit comes back as "stopped": say why.
        settle(outcome.status === 'stopped' && stopReason === 'timeout' ? stoppedOutcome(false) : outcome);
      },
      (error: unknown) =>
        settle(
          error instanceof SessionResetError
            ? stoppedOutcome(true)
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        ),
    );
    const stop = (reason: 'stop' | 'timeout') => {
      if (settled || stopReason) return;
      stopReason = reason;
      // A console input may be waiting at an `await`, where a message stops it even when
      // running code can't be interrupted.
      if (this.host.interrupt() || request.kind === 'push') {
        const buffer = this.host.interruptBuffer;
        if (buffer) again = setInterval(() => Atomics.store(buffer, 0, 2), INTERRUPT_AGAIN_MS);
        // Give KeyboardInterrupt a moment; code that never checks for it gets a restart.
        setTimeout(() => {
          if (settled) return;
          settle(stoppedOutcome(true));
          this.host.restart();
        }, INTERRUPT_GRACE_MS);
        return;
      }
      settle(stoppedOutcome(true));
      this.host.restart();
    };
    const timeoutMs = options.timeoutMs ?? 0;
    const timer = timeoutMs > 0 ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;
    return { done, answer, stop: () => stop('stop') };
  }

  async disassemble(code: string, options: DisassembleRequest = {}): Promise<Disassembly> {
    this.require('dis', 'disassemble');
    // The worker answers with what its backend's disassemble returned (WorkerBackend types it).
    return (await this.host.request({ kind: 'disassemble', code, options })) as Disassembly;
  }

  async trace(code: string, options: TraceRunOptions = {}): Promise<Trace> {
    this.require('trace', 'trace');
    const { stdin, onStdout, onStderr, onInput, signal, ...recording } = options;
    // What streamed out, for the recording that must be made up if the worker restarts.
    const streamed = { stdout: '', stderr: '' };
    const handle = this.runRequest(
      {
        ...(stdin !== undefined ? { stdin } : {}),
        ...(onInput ? { onInput } : {}),
        onStdout: (text) => ((streamed.stdout += text), onStdout?.(text)),
        onStderr: (text) => ((streamed.stderr += text), onStderr?.(text)),
      },
      (askInput) => ({ kind: 'trace', code, options: recording, stdin: stdin ?? null, askInput }),
      (answer) => ((answer as Trace).end.status === 'stopped' ? { status: 'stopped', sessionReset: false } : { status: 'ok' }),
    );
    if (signal?.aborted) handle.stop();
    else signal?.addEventListener('abort', () => handle.stop(), { once: true });
    const outcome = await handle.done;
    const trace = (await handle.answer) as Trace | undefined;
    if (trace) return trace;
    if (outcome.status === 'failed') throw new Error(outcome.message);
    // Stopped by restarting the interpreter: the recording was lost with it.
    return {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      engine: this.name,
      python: this.capabilities.version,
      granularity: recording.granularity ?? 'line',
      events: [],
      limitations: [],
      filename: recording.filename ?? '<py-frames>',
      source: code,
      codes: [],
      frames: [],
      values: [],
      scopes: [],
      stdout: streamed.stdout,
      stderr: streamed.stderr,
      steps: [],
      end: { status: 'stopped' },
    };
  }

  session(name: string): ReplSession {
    this.require('repl', 'a console session');
    return new WorkerReplSession(this, this.host, name);
  }

  /** Exposed to sessions: a push, with the same output/input/stop wiring as a run. */
  pushRequest(session: string, source: string, options: ReplPushOptions): RunHandle & { answer: Promise<unknown> } {
    return this.runRequest(
      options,
      (askInput) => ({ kind: 'push', session, source, force: options.force ?? false, stdin: options.stdin ?? null, askInput }),
      (answer) => (answer as ReplPushResult).outcome,
      // Top-level await lets a console wait for input() even where Python can't block.
      this.capabilities.interactiveInput || this.capabilities.topLevelAwait,
    );
  }

  private require(capability: 'dis' | 'trace' | 'repl', what: string): void {
    if (!this.capabilities[capability]) {
      throw new Error(`The ${this.name} engine can't do ${what}. Use engine="pyodide" (CPython 3.14).`);
    }
  }
}

class WorkerReplSession implements ReplSession {
  private running: RunHandle | undefined;
  private events: ReplSessionEvents = {};

  constructor(
    private readonly engine: WorkerEngine,
    private readonly host: WorkerHost,
    private readonly name: string,
  ) {}

  async push(source: string, options: ReplPushOptions = {}): Promise<ReplPushResult> {
    // What the session's tasks print from now on shows where its last input was typed.
    this.host.setConsoleTarget(this.name, (stream, text) => this.events.output?.(stream, text));
    const handle = this.engine.pushRequest(this.name, source, options);
    this.running = handle;
    const outcome = await handle.done;
    this.running = undefined;
    // Whether the input so far is incomplete; nothing is pending after a stop or a failure.
    const answer = (await handle.answer) as ReplPushResult | undefined;
    return { more: answer?.more ?? false, outcome };
  }

  async complete(text: string): Promise<string[]> {
    return (await this.host.request({ kind: 'complete', session: this.name, text })) as string[];
  }

  async reset(): Promise<void> {
    await this.host.request({ kind: 'reset', session: this.name });
  }

  interrupt(): void {
    this.running?.stop();
  }

  listen(events: ReplSessionEvents): () => void {
    this.events = events;
    const stopListening = this.host.onRestart(() => this.events.restarted?.());
    return () => {
      this.events = {};
      stopListening();
    };
  }
}
