import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { PyElement } from './py-element.js';
import { EngineController } from './engine-controller.js';
import type { RunOptions, TraceRunOptions } from '../engine/runtime/index.js';
import type { Trace, TraceOptions } from '../engine/trace/format.js';
import { DEFAULT_TIMEOUT_SECONDS } from './attributes.js';
import { emit, type PyEngineDetail, type PyErrorDetail } from './events.js';
import { engineStatus } from './engine-status.js';
import { InputRequest } from './input-request.js';

/** How long past its own time limit a recording may take before the worker is stopped. */
const RECORDING_GRACE_MS = 3000;

/**
 * The base of elements that run Python (<py-dis>, <py-frames>, <py-repl>): the `engine`,
 * `pyodide-url`, `stdin` and `timeout` attributes, the shared engine loaded on demand with
 * progress, Run and Stop, and Retry when the interpreter can't be loaded.
 *
 * @fires py-engine - An interpreter is loading; `detail` is `{ engine, phase, loaded?, total? }`.
 * @csspart run-button - Run.
 * @csspart stop-button - Stop, shown while code runs.
 * @csspart retry-button - Retry, offered when an interpreter could not load.
 * @csspart input-prompt - Where the reader answers input().
 */
export abstract class EngineElement<Result = unknown> extends PyElement<Result> {
  static override properties: PropertyDeclarations = {
    // Reflected: the settings are read from the attributes (see settingsFor in config.ts).
    engine: { reflect: true },
    pyodideUrl: { attribute: 'pyodide-url', reflect: true },
    stdin: {},
    timeout: { type: Number },
    retry: { state: true },
  };

  /** `pyodide` (CPython 3.14, the default) or `skulpt`; overrides the page-wide setting. */
  declare engine: string | undefined;
  /** Where Pyodide's assets are; overrides the page-wide setting. */
  declare pyodideUrl: string | undefined;
  /** Text that input() reads, line by line, when the widget can't ask the reader. */
  declare stdin: string | undefined;
  /** Seconds before a run is stopped; 0 for no limit. */
  timeout = DEFAULT_TIMEOUT_SECONDS;
  /** What the reader should know about how the engine runs here (e.g. on the page, not a worker). */
  private engineNote: string | undefined;
  /** Offered as a Retry button in the error banner when the interpreter failed to load. */
  private declare retry: (() => void) | undefined;
  /** Whether the toolbar has a Run button (Stop while the code runs). */
  protected readonly offersRun: boolean = false;
  /** An input() call waiting for the reader's answer (the same field as the console's). */
  private readonly inputRequest = new InputRequest(this);

  protected readonly engineController = new EngineController(this, {
    progress: (detail) => this.reportEngine(detail),
    ready: (note) => {
      this.engineNote = note;
      this.showEngineNote();
    },
    failed: (detail) => {
      const { retry, ...error } = detail;
      this.clearStatus();
      this.reportError(error);
      this.retry = retry;
    },
  });

  /**
   * The toolbar's Run button. (Named apart from any public `run` an element offers scripts,
   * such as `<py-repl>`'s `run(input)`.)
   */
  protected runAction(): void {}

  /** Whether code is running now: the toolbar then shows Stop instead of Run. */
  protected get running(): boolean {
    return this.engineController.running;
  }

  /** Stops the running code (the Stop button). */
  protected stop(): void {
    this.answerInput(null);
    this.engineController.stop();
  }

  /** Fires `py-engine` and mirrors the progress in the status line, in the reader's words. */
  protected reportEngine(detail: PyEngineDetail): void {
    this.setStatus(engineStatus(detail));
    emit(this, 'py-engine', detail);
  }

  protected override reportError(detail: PyErrorDetail): void {
    this.retry = undefined;
    super.reportError(detail);
  }

  protected override clearError(): void {
    this.retry = undefined;
    super.clearError();
  }

  protected override renderToolbarEnd(): TemplateResult | typeof nothing {
    if (!this.offersRun) return nothing;
    return this.running
      ? html`<button type="button" part="button stop-button" @click=${() => this.stop()}>Stop</button>`
      : html`<button type="button" part="button run-button" @click=${() => this.runAction()}>Run</button>`;
  }

  protected override renderErrorActions(): TemplateResult | typeof nothing {
    const retry = this.retry;
    if (!retry) return nothing;
    const again = () => {
      this.clearError();
      retry();
    };
    return html`<button type="button" part="button retry-button" @click=${again}>Retry</button>`;
  }

  /** Asks the reader for a line of input (input() on a backend that can wait for it). */
  private askInput(prompt: string): Promise<string | null> {
    return this.inputRequest.ask(prompt);
  }

  protected answerInput(value: string | null): void {
    this.inputRequest.answer(value);
  }

  /** The prompt of a waiting input() call; subclasses put it where their output is. */
  protected renderInputPrompt(): TemplateResult | typeof nothing {
    if (!this.inputRequest.pending) return nothing;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      this.answerInput((event.currentTarget as HTMLFormElement).querySelector('input')!.value);
    };
    return html`<form class="input-prompt" part="input-prompt" @submit=${submit}>
      <label><span class="prompt">${this.inputRequest.prompt}</span> ${this.inputRequest.renderField()}</label>
      <button type="submit" part="button">Enter</button>
    </form>`;
  }

  /** The time limit in milliseconds (0: none); the default while the attribute is invalid. */
  protected get timeLimitMs(): number {
    return (Number.isFinite(this.timeout) && this.timeout >= 0 ? this.timeout : DEFAULT_TIMEOUT_SECONDS) * 1000;
  }

  /** With a stdin attribute, input() reads it; otherwise the widget asks where it can. */
  protected get inputSource(): Pick<RunOptions, 'stdin' | 'onInput'> {
    return this.stdin !== undefined ? { stdin: this.stdin } : { onInput: (prompt: string) => this.askInput(prompt) };
  }

  /**
   * Records a run with this element's stdin and time limit. The limit is kept inside Python,
   * so the steps before it survive; the worker is stopped only if Python doesn't get there
   * (code stuck in one long call). Undefined when nothing was recorded.
   */
  protected async tracePython(code: string, options: TraceOptions): Promise<Trace | undefined> {
    this.showEngineNote();
    const limitMs = this.timeLimitMs;
    try {
      const backstop = limitMs && limitMs + RECORDING_GRACE_MS;
      const request: Omit<TraceRunOptions, 'signal'> = { ...options, ...this.inputSource, timeLimitMs: limitMs };
      let trace = await this.engineController.trace(code, request, backstop);
      if (!trace || this.stdin !== undefined || !wantedMoreInput(trace)) return trace;
      const engine = await this.engineController.engine();
      if (!engine || engine.capabilities.interactiveInput) return trace;
      // CPython couldn't wait for the reader here (no stack switching, no shared memory: Safari).
      // A recording is a re-run anyway: ask (CPython has printed the prompt), then record again
      // with the answers so far as stdin, until the program wants no more.
      const answers: string[] = [];
      for (;;) {
        const answer = await this.askInput(trace.stdout.slice(trace.stdout.lastIndexOf('\n') + 1));
        // Ctrl+D (or the element going away): input() raises EOFError, as the reader asked.
        if (answer === null) return trace;
        answers.push(answer);
        const stdin = answers.map((line) => `${line}\n`).join('');
        trace = await this.engineController.trace(code, { ...options, stdin, timeLimitMs: limitMs }, backstop);
        if (!trace || !wantedMoreInput(trace)) return trace;
      }
    } catch (error) {
      this.reportError({ kind: 'Engine', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      this.answerInput(null);
    }
  }

  /** Shows how the engine runs here (its note), or clears the status line. */
  protected showEngineNote(): void {
    if (this.engineNote) this.setStatus({ message: this.engineNote });
    else this.clearStatus();
  }
}

/** Whether a recording ended because input() found its stdin used up. */
function wantedMoreInput(trace: Trace): boolean {
  const end = trace.end;
  return end.status === 'error' && end.error.type === 'EOFError' && end.error.message === 'EOF when reading a line';
}
