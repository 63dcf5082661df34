// The page's side of a backend's worker: one per backend (and asset URL) per page, shared by
// every element. It starts the worker from a Blob URL that imports the worker module, which
// works when the kit is served from a CDN on another origin (a cross-origin URL can't be
// passed to `new Worker` directly, but a module import from a same-origin blob can fetch it).
import { INPUT_BYTES_OFFSET, INPUT_LENGTH, INPUT_STATE, type LoadSettings, type Reply, type Request, type WorkerBackend } from './protocol.js';
import { serve, type Endpoint } from './serve.js';
import type { Capabilities, EngineName, LoadProgress } from './types.js';

/** What the host talks to: a Worker, or a backend on the page behind a MessageChannel. */
interface Channel {
  postMessage(message: Request): void;
  terminate(): void;
}

/** The worker could not start at all (as opposed to Python failing to load inside it). */
class WorkerStartError extends Error {}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  onReply: (reply: Reply) => void;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Rejects what was pending when the worker had to be restarted. */
export class SessionResetError extends Error {
  constructor() {
    super('The Python session was reset (the code was stopped by restarting the interpreter).');
    this.name = 'SessionResetError';
  }
}

export class WorkerHost {
  private worker: Channel | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private loading: Promise<Capabilities> | undefined;
  private readonly progressListeners = new Set<(progress: LoadProgress) => void>();
  /** Who hears waits after loading (the whole stdlib being fetched for an import). */
  private readonly laterProgress = new Set<(progress: LoadProgress) => void>();
  /** Shared with the worker for interrupts; only where the page is crossOriginIsolated. */
  readonly interruptBuffer: Int32Array | undefined =
    globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function'
      ? new Int32Array(new SharedArrayBuffer(4))
      : undefined;
  /** Shared memory for answering input() synchronously (see LoadSettings.inputBuffer). */
  private readonly inputBuffer: SharedArrayBuffer | undefined = this.interruptBuffer
    ? new SharedArrayBuffer(INPUT_BYTES_OFFSET + 64 * 1024)
    : undefined;
  /** What the loaded backend can do (set once loaded). */
  private capabilities: Capabilities | undefined;
  /** Per console: who shows what its tasks print between inputs. */
  private readonly consoleTargets = new Map<string, (stream: 'stdout' | 'stderr', text: string) => void>();
  private readonly restartListeners = new Set<() => void>();

  constructor(
    readonly name: EngineName,
    private readonly workerUrl: string,
    private readonly settings: Omit<LoadSettings, 'interruptBuffer'>,
    /**
     * For a backend light enough to run on the page itself (Skulpt, which yields between steps):
     * used when the page's Content-Security-Policy forbids workers.
     */
    private readonly onPage?: () => Promise<WorkerBackend>,
  ) {}

  /** Listens for waits after loading, until the returned function is called. */
  onProgress(listener: (progress: LoadProgress) => void): () => void {
    this.laterProgress.add(listener);
    return () => this.laterProgress.delete(listener);
  }

  /** Starts the worker and the interpreter once; later calls share the same promise. */
  load(onProgress?: (progress: LoadProgress) => void): Promise<Capabilities> {
    if (onProgress) this.progressListeners.add(onProgress);
    this.loading ??= this.start().catch((error: unknown) => {
      // A failed load can be retried (Retry button): forget it and the worker.
      this.loading = undefined;
      this.worker?.terminate();
      this.worker = undefined;
      throw error;
    });
    const loading = this.loading;
    void loading.finally(() => onProgress && this.progressListeners.delete(onProgress)).catch(() => {});
    return loading;
  }

  private async start(): Promise<Capabilities> {
    try {
      this.worker = this.spawn();
      return await this.loadBackend();
    } catch (error) {
      if (!(error instanceof WorkerStartError) || !this.onPage) throw error;
      this.worker = await this.startOnPage(this.onPage);
      const capabilities = await this.loadBackend();
      capabilities.note = `This page does not allow workers, so ${capabilities.version} runs on the page itself.`;
      return capabilities;
    }
  }

  private async startOnPage(create: () => Promise<WorkerBackend>): Promise<Channel> {
    const backend = await create();
    const channel = new MessageChannel();
    serve(backend, channel.port2 as unknown as Endpoint);
    channel.port1.addEventListener('message', (event: MessageEvent<Reply>) => this.dispatch(event.data));
    channel.port1.start();
    channel.port2.start();
    return {
      postMessage: (message) => channel.port1.postMessage(message),
      terminate: () => {
        // Code on the page can't be killed: ask it to stop at its next step, then disconnect.
        backend.interrupt?.();
        channel.port1.close();
        channel.port2.close();
      },
    };
  }

  private async loadBackend(): Promise<Capabilities> {
    const settings: LoadSettings = {
      ...this.settings,
      ...(this.interruptBuffer ? { interruptBuffer: this.interruptBuffer } : {}),
      ...(this.inputBuffer ? { inputBuffer: this.inputBuffer } : {}),
    };
    this.capabilities = (await this.request({ kind: 'load', settings }, (reply) => {
      if (reply.kind !== 'progress') return;
      const progress: LoadProgress = { phase: reply.phase };
      if (reply.loaded !== undefined) progress.loaded = reply.loaded;
      if (reply.total !== undefined) progress.total = reply.total;
      for (const listener of this.progressListeners) listener(progress);
    })) as Capabilities;
    return this.capabilities;
  }

  private spawn(): Channel {
    const source = `import ${JSON.stringify(this.workerUrl)};`;
    const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    let worker: Worker;
    try {
      worker = new Worker(blobUrl, { type: 'module', name: `pyinnards-${this.name}` });
    } catch (error) {
      throw new WorkerStartError(
        `The ${this.name} interpreter could not start: this page does not allow workers from blob: URLs ` +
          `(Content-Security-Policy worker-src). ${error instanceof Error ? error.message : ''}`.trim(),
      );
    } finally {
      // The worker has its own reference once created.
      setTimeout(() => URL.revokeObjectURL(blobUrl), 0);
    }
    let heardFrom = false;
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      heardFrom = true;
      this.dispatch(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const message =
        `The ${this.name} interpreter's worker failed to start or crashed` +
        (event.message ? `: ${event.message}` : ` (could not load ${this.workerUrl}; offline, blocked, or missing?)`);
      this.failAll(heardFrom ? new Error(message) : new WorkerStartError(message));
    });
    return worker;
  }

  private dispatch(reply: Reply): void {
    if (reply.kind === 'console-output') {
      this.consoleTargets.get(reply.session)?.(reply.stream, reply.text);
      return;
    }
    if (reply.kind === 'progress' && reply.id === 0) {
      const progress: LoadProgress = { phase: reply.phase };
      if (reply.loaded !== undefined) progress.loaded = reply.loaded;
      if (reply.total !== undefined) progress.total = reply.total;
      for (const listener of this.laterProgress) listener(progress);
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === 'done') {
      this.pending.delete(reply.id);
      pending.resolve(reply.value);
    } else if (reply.kind === 'failed') {
      this.pending.delete(reply.id);
      pending.reject(new Error(reply.message));
    } else {
      pending.onReply(reply);
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Sends a request; `onReply` sees its progress, output and input events. */
  request(body: RequestBody, onReply: (reply: Reply) => void = () => {}): Promise<unknown> & { id: number } {
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      if (!this.worker) {
        reject(new Error(`The ${this.name} interpreter is not running.`));
        return;
      }
      this.pending.set(id, { onReply, resolve, reject });
      this.worker.postMessage({ ...body, id } as Request);
    });
    return Object.assign(promise, { id });
  }

  /** Sends what console `session`'s tasks print between its inputs to `target` (the last caller wins). */
  setConsoleTarget(session: string, target: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.consoleTargets.set(session, target);
  }

  /** Calls `listener` whenever the worker is restarted (every namespace in it is gone). */
  onRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /**
   * Answers an input() request of request `id`: through shared memory for a worker blocked
   * waiting (Pyodide), and by message for one that awaits it (Skulpt). Each ignores the other.
   */
  reply(id: number, value: string | null): void {
    if (this.inputBuffer) {
      const control = new Int32Array(this.inputBuffer, 0, 2);
      let bytes = new TextEncoder().encode(value ?? '');
      const room = this.inputBuffer.byteLength - INPUT_BYTES_OFFSET;
      if (bytes.length > room) bytes = bytes.slice(0, room);
      new Uint8Array(this.inputBuffer, INPUT_BYTES_OFFSET, bytes.length).set(bytes);
      Atomics.store(control, INPUT_LENGTH, bytes.length);
      Atomics.store(control, INPUT_STATE, value === null ? 2 : 1);
      Atomics.notify(control, INPUT_STATE);
    }
    this.worker?.postMessage({ id, kind: 'input-reply', value } satisfies Request);
  }

  /**
   * Asks running Python code to stop with KeyboardInterrupt: through the shared buffer where the
   * page is crossOriginIsolated, else by a message (Skulpt takes it between steps; any backend
   * takes it while a console input waits at an `await`). False when running code can't be
   * interrupted: unless it was waiting, the caller has to restart the worker.
   */
  interrupt(): boolean {
    if (this.interruptBuffer && this.capabilities?.interrupt) {
      Atomics.store(this.interruptBuffer, 0, 2); // 2 is SIGINT
      return true;
    }
    // Also for backends that can't stop running code: one that waits (a console input at an
    // `await`) takes the message between steps.
    this.worker?.postMessage({ id: 0, kind: 'interrupt' } satisfies Request);
    return this.capabilities?.interrupt ?? false;
  }

  /**
   * Stops everything by terminating the worker, then starts a fresh one: the only way to stop
   * runaway code when the page can't share memory with the worker. Namespaces are lost.
   */
  restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.loading = undefined;
    this.failAll(new SessionResetError());
    this.consoleTargets.clear();
    void this.load().catch(() => {});
    for (const listener of this.restartListeners) listener();
  }
}
