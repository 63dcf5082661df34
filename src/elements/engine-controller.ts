import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { settingsFor } from '../config.js';
import type { PyErrorDetail, PyEngineDetail } from './events.js';
import type { Engine, TraceRunOptions } from '../engine/runtime/index.js';
import { PROGRESS_DONE } from '../engine/engines.js';
import type { Trace } from '../engine/trace/format.js';

export interface EngineHostCallbacks {
  /** Loading progress, for the status line and `py-engine`. */
  progress(detail: PyEngineDetail): void;
  /** Loading finished: clear the status line, or show the engine's note. */
  ready(note?: string): void;
  /** A configuration or loading failure; `retry` (when given) is offered as a button. */
  failed(detail: PyErrorDetail & { retry?: () => void }): void;
}

/**
 * What an element that runs Python uses: loads the page's shared engine on demand (the
 * interpreter layer is a dynamic import, never in the entry), tracks the running code for the
 * Stop button, and turns load failures into a message with Retry.
 */
export class EngineController implements ReactiveController {
  private loading: Promise<Engine | undefined> | undefined;
  /** What runs now, for Stop: a run or a recording. */
  private current: { stop(): void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: EngineHostCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /**
   * The engine's waits after loading (an import fetching the rest of the standard library) show
   * like loading progress, while the element is on the page.
   */
  private watchLater(engine: Engine, name: string): void {
    const stop = engine.onProgress?.((progress) => {
      if (!this.host.isConnected) return stop?.();
      if (progress.phase === PROGRESS_DONE) this.callbacks.ready(engine.capabilities.note);
      else this.callbacks.progress({ engine: name, ...progress });
    });
  }

  /** Whether code is running now (the toolbar shows Stop). */
  get running(): boolean {
    return this.current !== undefined;
  }

  /** The engine for this element's settings, loading it the first time; undefined on failure. */
  engine(): Promise<Engine | undefined> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<Engine | undefined> {
    const { settings, error } = settingsFor(this.host);
    if (error) {
      this.callbacks.failed({ kind: 'Configuration', message: error });
      return undefined;
    }
    // Said at once: the interpreter layer's import and the worker's start take a moment before
    // the first download progress arrives.
    this.callbacks.progress({ engine: settings.engine, phase: 'loading' });
    try {
      const { loadEngine } = await import('../engine/runtime/index.js');
      const engine = await loadEngine({ engine: settings.engine, pyodideUrl: settings.pyodideUrl, snapshot: settings.snapshot }, (progress) =>
        this.callbacks.progress({ engine: settings.engine, ...progress }),
      );
      this.callbacks.ready(engine.capabilities.note);
      this.watchLater(engine, settings.engine);
      return engine;
    } catch (failure) {
      this.loading = undefined;
      // One warning in the console for the page's developer; the reader gets the message.
      console.warn(`pyinnards: ${String(failure)}`);
      this.callbacks.failed({
        kind: 'Engine',
        message: failure instanceof Error ? failure.message : String(failure),
        retry: () => void this.engine(),
      });
      return undefined;
    }
  }

  /**
   * Records a run (<py-frames>), tracked for Stop like a run. Python keeps the time limit
   * itself; `limitMs` (0: none) is the backstop for code stuck where Python can't check it
   * (one long call), and it doesn't run while input() waits for the reader, as Python's
   * limit doesn't. Undefined when no engine could be loaded.
   */
  async trace(code: string, options: Omit<TraceRunOptions, 'signal'>, limitMs: number): Promise<Trace | undefined> {
    const engine = await this.engine();
    if (!engine) return undefined;
    this.stop();
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let left = limitMs;
    let since = performance.now();
    const resume = () => {
      since = performance.now();
      if (limitMs > 0) timer = setTimeout(() => abort.abort(), left);
    };
    const pause = () => {
      clearTimeout(timer);
      left -= performance.now() - since;
    };
    const { onInput } = options;
    const waiting = onInput && {
      onInput: async (prompt: string) => {
        pause();
        try {
          return await onInput(prompt);
        } finally {
          resume();
        }
      },
    };
    resume();
    try {
      return await this.track({ done: engine.trace(code, { ...options, ...waiting, signal: abort.signal }), stop: () => abort.abort() });
    } finally {
      clearTimeout(timer);
    }
  }

  private async track<T>(handle: { done: Promise<T>; stop(): void }): Promise<T> {
    this.current = handle;
    this.host.requestUpdate();
    try {
      return await handle.done;
    } finally {
      if (this.current === handle) this.current = undefined;
      this.host.requestUpdate();
    }
  }

  /** Stops the running code, if any. */
  stop(): void {
    this.current?.stop();
  }
}
