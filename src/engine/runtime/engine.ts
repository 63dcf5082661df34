// The Engine elements use: one object per backend per page, over that backend's worker.
import { SessionResetError, type WorkerHost } from './host.js';
import type { Reply } from './protocol.js';
import type {
  Capabilities,
  Engine,
  EngineName,
  ReplPushResult,
  ReplSession,
  RunHandle,
  RunOptions,
  RunOutcome,
} from './types.js';

/** How long Stop waits for an interrupt to take effect before restarting the worker. */
const INTERRUPT_GRACE_MS = 1000;

export class WorkerEngine implements Engine {
  constructor(
    private readonly host: WorkerHost,
    readonly capabilities: Capabilities,
  ) {}

  get name(): EngineName {
    return this.host.name;
  }

  run(code: string, options: RunOptions = {}): RunHandle {
    return this.runRequest(options, (askInput) => ({
      kind: 'run',
      code,
      filename: options.filename ?? '<string>',
      stdin: options.stdin ?? null,
      askInput,
    }));
  }

  /**
   * Sends a request that runs Python, wiring its output, input() and Stop. A stopped or timed
   * out run resolves (never rejects) so elements can show what happened.
   */
  private runRequest(
    options: RunOptions,
    body: (askInput: boolean) => Parameters<WorkerHost['request']>[0],
  ): RunHandle {
    const askInput = this.capabilities.interactiveInput && options.onInput !== undefined;
    if (this.host.interruptBuffer) Atomics.store(this.host.interruptBuffer, 0, 0);
    let settled: RunOutcome | undefined;
    let resolveOutcome!: (outcome: RunOutcome) => void;
    const done = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
    const settle = (outcome: RunOutcome) => {
      if (settled) return;
      settled = outcome;
      clearTimeout(timer);
      resolveOutcome(outcome);
    };
    const started = performance.now();
    const request = this.host.request(body(askInput), (reply: Reply) => {
      if (reply.kind === 'stdout') options.onStdout?.(reply.text);
      else if (reply.kind === 'stderr') options.onStderr?.(reply.text);
      else if (reply.kind === 'input') {
        void (options.onInput?.(reply.prompt) ?? Promise.resolve(null)).then((value) => this.host.reply(request.id, value));
      }
    });
    request.then(
      (value) => settle(value as RunOutcome),
      (error: unknown) =>
        settle(
          error instanceof SessionResetError
            ? { status: 'stopped', sessionReset: true }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        ),
    );
    const stop = (reason: 'stop' | 'timeout') => {
      if (settled) return;
      const after = () =>
        reason === 'timeout'
          ? { status: 'timeout' as const, afterMs: Math.round(performance.now() - started) }
          : { status: 'stopped' as const, sessionReset: true };
      if (this.host.interrupt()) {
        // Give KeyboardInterrupt a moment; runaway C loops may ignore it, so restart anyway.
        setTimeout(() => {
          if (settled) return;
          const outcome = after();
          settle(outcome);
          this.host.restart();
        }, INTERRUPT_GRACE_MS);
        if (reason === 'timeout') void done.then(() => {});
        return;
      }
      settle(after());
      this.host.restart();
    };
    const timeoutMs = options.timeoutMs ?? 0;
    const timer = timeoutMs > 0 ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;
    return { done, stop: () => stop('stop') };
  }

  async disassemble(code: string, options: Record<string, unknown> = {}): Promise<unknown> {
    this.require('dis', 'disassemble');
    return this.host.request({ kind: 'disassemble', code, options });
  }

  async trace(code: string, options: Record<string, unknown> = {}): Promise<unknown> {
    this.require('trace', 'trace');
    return this.host.request({ kind: 'trace', code, options });
  }

  session(name: string): ReplSession {
    this.require('repl', 'a console session');
    return new WorkerReplSession(this, this.host, name);
  }

  /** Exposed to sessions: runs a push with the same output/input/stop wiring as a run. */
  pushRequest(session: string, line: string, options: RunOptions): { handle: RunHandle; more: Promise<boolean> } {
    let more!: (value: boolean) => void;
    const morePromise = new Promise<boolean>((resolve) => (more = resolve));
    const handle = this.runRequest(options, (askInput) => ({ kind: 'push', session, line, stdin: options.stdin ?? null, askInput }));
    // The push answers { more, outcome }; unwrap it into the run handle's outcome.
    const done = handle.done.then((value) => {
      const answer = value as RunOutcome | { more: boolean; outcome: RunOutcome };
      if ('more' in answer) {
        more(answer.more);
        return answer.outcome;
      }
      more(false);
      return answer;
    });
    return { handle: { done, stop: handle.stop }, more: morePromise };
  }

  private require(capability: 'dis' | 'trace' | 'repl', what: string): void {
    if (!this.capabilities[capability]) {
      throw new Error(`The ${this.name} engine can't do ${what}. Use engine="pyodide" (CPython 3.14).`);
    }
  }
}

class WorkerReplSession implements ReplSession {
  private running: RunHandle | undefined;

  constructor(
    private readonly engine: WorkerEngine,
    private readonly host: WorkerHost,
    private readonly name: string,
  ) {}

  async push(line: string, options: RunOptions = {}): Promise<ReplPushResult> {
    const { handle, more } = this.engine.pushRequest(this.name, line, options);
    this.running = handle;
    const outcome = await handle.done;
    this.running = undefined;
    return { more: await more, outcome };
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
}
