// Inside a backend's worker: answers the host's requests with the backend. Output is batched
// (one message per frame's worth of text, not per print) so a flood of prints can't drown the
// page in messages.
import { batchedStdio, FLUSH_EVERY_MS } from './batched-stdio.js';
import { INPUT_BYTES_OFFSET, INPUT_LENGTH, INPUT_STATE, type Reply, type Request, type WorkerBackend, type WorkerIO } from './protocol.js';


/** Where requests come from and replies go: the worker's global scope, or a MessagePort. */
export interface Endpoint {
  postMessage(message: Reply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}

export function serve(backend: WorkerBackend, scope: Endpoint = self as unknown as Endpoint): void {
  const post = (reply: Reply) => scope.postMessage(reply);
  const waitingForInput = new Map<number, (value: string | null) => void>();
  let inputBuffer: SharedArrayBuffer | undefined;

  function ioFor(id: number, stdin: string | null, askInput: boolean): WorkerIO & { flush(): void } {
    const stdio = batchedStdio((kind, text) => post({ id, kind, text }), stdin);
    const { flush, stdinLine } = stdio;
    const shared = askInput ? inputBuffer : undefined;
    return {
      ...stdio,
      ...(shared
        ? {
            inputSync(prompt: string): string | null {
              flush();
              const control = new Int32Array(shared, 0, 2);
              Atomics.store(control, INPUT_STATE, 0);
              post({ id, kind: 'input', prompt });
              Atomics.wait(control, INPUT_STATE, 0);
              if (Atomics.load(control, INPUT_STATE) !== 1) return null;
              // TextDecoder won't read shared memory directly: copy the bytes out first.
              const bytes = new Uint8Array(shared, INPUT_BYTES_OFFSET, Atomics.load(control, INPUT_LENGTH)).slice();
              return new TextDecoder().decode(bytes);
            },
          }
        : {}),
      input(prompt) {
        if (!askInput) return Promise.resolve(stdinLine());
        flush();
        post({ id, kind: 'input', prompt });
        return new Promise((resolve) => waitingForInput.set(id, resolve));
      },
    };
  }

  /** Runs `body` with the request's stdio, sending what is left of its output at the end. */
  async function withIO<T>(id: number, stdin: string | null, askInput: boolean, body: (io: WorkerIO) => Promise<T>): Promise<T> {
    const io = ioFor(id, stdin, askInput);
    try {
      return await body(io);
    } finally {
      io.flush();
    }
  }

  async function handle(request: Request): Promise<unknown> {
    switch (request.kind) {
      case 'load': {
        inputBuffer = request.settings.inputBuffer;
        // Progress after loading (a wait inside a later request) is the engine's, not a request's: id 0.
        let loaded = false;
        const capabilities = await backend.load(request.settings, (phase, loaded_, total) =>
          post({ id: loaded ? 0 : request.id, kind: 'progress', phase, ...(loaded_ !== undefined ? { loaded: loaded_ } : {}), ...(total !== undefined ? { total } : {}) }),
        );
        loaded = true;
        return capabilities;
      }
      case 'run':
        return withIO(request.id, request.stdin, request.askInput, (io) => backend.run(request.code, request.filename, io));
      case 'disassemble':
        return backend.disassemble(request.code, request.options);
      case 'trace':
        return withIO(request.id, request.stdin, request.askInput, (io) => backend.trace(request.code, request.options, io));
      case 'push':
        return withIO(request.id, request.stdin, request.askInput, (io) => backend.push(request.session, request.source, request.force, io));
      case 'complete':
        return backend.complete(request.session, request.text);
      case 'reset':
        return backend.reset(request.session);
      case 'input-reply':
        waitingForInput.get(request.id)?.(request.value);
        waitingForInput.delete(request.id);
        return undefined;
      case 'interrupt':
        backend.interrupt?.();
        return undefined;
    }
  }

  backend.consoleOutput?.(batchedConsoleOutput(post));

  // Python runs one request at a time; input() answers and interrupts must get through while
  // a request runs.
  let queue: Promise<unknown> = Promise.resolve();
  scope.addEventListener('message', (event: MessageEvent<Request>) => {
    const request = event.data;
    if (request.kind === 'input-reply' || request.kind === 'interrupt') {
      void handle(request);
      return;
    }
    queue = queue.then(() =>
      handle(request).then(
        (value) => post({ id: request.id, kind: 'done', value }),
        (error: unknown) => post({ id: request.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      ),
    );
  });
}

/** What consoles' tasks print between inputs, batched like a request's output. */
function batchedConsoleOutput(post: (reply: Reply) => void): (session: string, stream: 'stdout' | 'stderr', text: string) => void {
  // In the order written; consecutive text of one console and stream is merged.
  let pending: { session: string; stream: 'stdout' | 'stderr'; text: string }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const { session, stream, text } of pending) post({ id: 0, kind: 'console-output', session, stream, text });
    pending = [];
  };
  return (session, stream, text) => {
    const last = pending.at(-1);
    if (last && last.session === session && last.stream === stream) last.text += text;
    else pending.push({ session, stream, text });
    timer ??= setTimeout(flush, FLUSH_EVERY_MS);
  };
}
