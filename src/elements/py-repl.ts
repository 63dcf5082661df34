import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag, settingsFor } from '../config.js';
import { onFirstView } from './on-first-view.js';
import type { PyReplConsole } from './repl/console-element.js';
import { loadConsole } from './result-parts.js';
import type { PyErrorDetail, ReplResultDetail } from './events.js';
import { BakedResultController, isBakeChild } from './baked-result.js';
import { loadTokenizer } from './lazy-tokenizer.js';
import type { ReplResultBake } from '../engine/bake/format.js';

/**
 * `<py-repl>`: a Python console that behaves like CPython 3.14's (`python -m asyncio`: prompts,
 * echo, blocks, tracebacks, top-level await, history, completion). This file is what the page
 * loads up front: the element's attributes and the console as it looks before it starts. The
 * console itself (./repl/console-element.ts, an internal element) is a chunk loaded when the reader first uses it.
 *
 * @csspart console - The console: transcript, prompt and input.
 * @csspart transcript - What the console printed, prompts and inputs included.
 * @csspart input - The input line after the prompt.
 * @csspart completions - The names Tab offers when several fit.
 */
export class PyRepl extends EngineElement<ReplResultDetail> {
  static override properties: PropertyDeclarations = {
    session: {},
    echoPreload: { type: Boolean, attribute: 'echo-preload' },
    noBanner: { type: Boolean, attribute: 'no-banner' },
    started: { state: true },
    busy: { state: true },
    typedEarly: { state: true },
    bakeDecided: { state: true },
  };

  static override styles = [
    ...EngineElement.styles,
    // The space a bake's transcript takes while its key is checked: wrapped as the console wraps it.
    css`
      .bake-space {
        visibility: hidden;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .bake-space .banner {
        overflow-wrap: normal;
        text-wrap: pretty;
      }
    `,
  ];

  /** Elements with the same session name share one namespace; each element has its own otherwise. */
  declare session: string | undefined;
  /** Show the element's code as typed inputs, with what they print (else it runs silently). */
  echoPreload = false;
  /** Leave out the banner (Python's version and the backend). */
  noBanner = false;
  /** A console's inputs have no time limit unless the page sets one (Ctrl+C stops them). */
  override timeout = 0;
  private started = false;
  /** An input runs in the console (the toolbar shows Stop). */
  private busy = false;

  protected readonly label = 'Console';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  private console: PyReplConsole | undefined;
  private loadingConsole: Promise<PyReplConsole> | undefined;
  private stopWatching: (() => void) | undefined;
  /** Keys typed at the static prompt while the console's code loads: the console gets them. */
  private typedEarly = '';
  private readonly baked = new BakedResultController(this, 'py-repl');
  /** Settles once the element's first code was checked against its bake: true if the bake is shown. */
  private readonly bakeShown: Promise<boolean>;
  private decideBake!: (shown: boolean) => void;
  private bakeChecked = false;
  /** The first code's bake check is over (shown or not): until then a bake's transcript keeps its place. */
  private bakeDecided = false;

  constructor() {
    super();
    this.bakeShown = new Promise((resolve) => (this.decideBake = resolve));
  }

  /** The transcript as a terminal shows it: banner, prompts, inputs and what they printed. */
  get text(): string {
    return this.console?.text ?? '';
  }

  /**
   * Enters `input` at the prompt as a paste would put it there, then presses Enter; resolves to
   * what the console printed in response (echo, output, tracebacks; no prompts). An input left
   * incomplete (`...`) prints nothing and waits for the next `run`.
   */
  async run(input = ''): Promise<string> {
    return (await this.startConsole()).run(input);
  }

  /**
   * Starts the console now (the interpreter, then the element's code) instead of when the reader
   * first uses it; resolves when it waits at the prompt.
   */
  async start(): Promise<void> {
    await (await this.startConsole()).start();
  }

  /** Reset: a fresh namespace (for every element sharing the session); the code runs again. */
  override reset(): void {
    this.clearError();
    void this.console?.reset();
  }

  protected override get canReset(): boolean {
    return this.started;
  }

  protected override get running(): boolean {
    return this.busy;
  }

  protected override stop(): void {
    this.console?.interrupt();
  }

  /** While an input runs: Stop, Ctrl+C's button (for readers without a keyboard). */
  protected override renderToolbarStart(): TemplateResult | typeof nothing {
    return this.running ? html`<button type="button" part="button stop-button" @click=${() => this.stop()}>Stop</button>` : nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A read-only console has no prompt to start it: it starts (and shows its code's
    // transcript) when the reader can see it.
    // (A baked transcript is shown instead: nothing to start until the reader asks.)
    if (this.readonly && !this.started) {
      this.stopWatching = onFirstView(this, () => {
        void this.bakeShown.then((shown) => {
          if (!shown && !this.misconfigured) void this.startConsole();
        });
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && this.console && (changed.has('session') || changed.has('engine') || changed.has('pyodideUrl'))) {
      this.reportError({ kind: 'Configuration', message: 'session, engine and pyodide-url apply when the console starts; reload the page to change them.' });
    }
  }

  /**
   * The code changed: it is the preload of the next start (Reset). The first code is checked
   * against the element's bake, if it has one.
   */
  protected codeChanged(code: string): void {
    if (this.bakeChecked) return;
    this.bakeChecked = true;
    void this.showBake(code)
      .catch(() => false)
      .then((shown) => {
        this.bakeDecided = true;
        this.decideBake(shown);
      });
  }

  /**
   * A bake of this code's echoed transcript (README, "Baked results") is shown at once, as the
   * console would show it, with no interpreter: the console starts when the reader uses it.
   */
  private async showBake(code: string): Promise<boolean> {
    const why = !this.echoPreload
      ? 'for a console that echoes its code, and this one has no echo-preload'
      : this.session !== undefined
        ? 'of no use here: a console sharing a session shows what the other consoles did first'
        : undefined;
    // What showing a bake takes is fetched while its key is checked, not one chunk after another
    // (the console is needed anyway once the reader uses it).
    const parts = !why && [...this.children].some(isBakeChild) ? Promise.all([loadTokenizer(), loadConsole()]) : undefined;
    parts?.catch(() => {});
    const bake = await this.baked.take(code, why);
    if (!bake) return false;
    // Its inputs are coloured as the console colours typed ones, once: the tokenizer first.
    await (parts ?? loadTokenizer());
    // (The reader may have started the console meanwhile: it shows its own transcript.)
    if (this.loadingConsole || this.misconfigured) return false;
    const console = await this.loadConsole(bake);
    this.emitResult({ input: code, output: bake.output, status: bake.status, text: console.text });
    for (const failure of bake.failures) this.reportError(failure);
    return true;
  }

  /** Loads the console (and, through it, the interpreter) once; refused while an attribute is invalid. */
  private startConsole(): Promise<PyReplConsole> {
    if (this.misconfigured && !this.loadingConsole) {
      return Promise.reject(new Error(`pyinnards: <py-repl> has an invalid attribute: ${this.error?.message ?? ''}`));
    }
    return this.loadConsole().then((console) => {
      void console.start();
      return console;
    });
  }

  /** Creates the console once: with `bake`, showing its transcript; it starts on `start()`. */
  private loadConsole(bake?: ReplResultBake): Promise<PyReplConsole> {
    this.loadingConsole ??= loadConsole().then(() => {
      const console = document.createElement('pyinnards-repl-console') as PyReplConsole;
      console.setAttribute('exportparts', 'console, transcript, input, completions, input-prompt');
      console.owner = this;
      console.engine = () => this.engineController.engine();
      console.readonly = this.readonly;
      // (Read when the console starts and at each input: the code is the preload of the next Reset.)
      const host = this;
      console.config = {
        session: this.session,
        get preload() {
          return host.source;
        },
        get echoPreload() {
          return host.echoPreload;
        },
        get banner() {
          return !host.noBanner;
        },
        get stdin() {
          return host.stdin;
        },
        get timeoutMs() {
          return host.timeLimitMs;
        },
      };
      console.addEventListener('console-status', (event) => {
        const message = (event as CustomEvent<string | undefined>).detail;
        if (message) this.setStatus({ message });
        else this.clearStatus();
      });
      console.addEventListener('console-failed', (event) => this.reportError((event as CustomEvent<PyErrorDetail>).detail));
      console.addEventListener('console-result', (event) => this.emitResult((event as CustomEvent<ReplResultDetail>).detail));
      console.addEventListener('console-busy', (event) => (this.busy = (event as CustomEvent<boolean>).detail));
      console.init(this.typedEarly);
      if (bake) console.restore(bake);
      this.console = console;
      this.started = true;
      return console;
    });
    return this.loadingConsole;
  }

  protected override renderCode(): TemplateResult {
    if (this.console) return html`${this.console}`;
    if (!this.bakeDecided) {
      const space = this.renderBakeSpace();
      if (space) return space;
    }
    // Before it starts: what the console will be, and a prompt that starts it when focused
    // (the code view's own look: the console's styles come with it).
    const what = settingsFor(this).settings.engine === 'skulpt' ? 'Skulpt (a light Python 3 subset)' : 'Python 3.14 (CPython, about 10 MB the first time)';
    return html`<pre
      class="static-code"
      part="console"
      tabindex=${this.readonly ? -1 : 0}
      role=${this.readonly ? 'region' : 'textbox'}
      aria-label="Python console"
      @focus=${() => {
        if (!this.misconfigured) void this.startConsole().then((console) => console.focusInput());
      }}
      @keydown=${(event: KeyboardEvent) => {
        // Typing starts the console too: what is typed meanwhile waits for its input line.
        if (this.readonly || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
        event.preventDefault();
        this.typedEarly += event.key;
      }}
    >${this.readonly ? `${what} starts when shown.` : `Click or type here to start ${what}.\n>>> ${this.typedEarly}`}</pre>`;
  }

  /**
   * While the bake is checked (its key hashed, the console's chunk loaded), the page must not show
   * the prompt and then jump to the transcript: the console takes the place of the transcript the
   * bake holds, blank (a bake is not shown before its key matches; a stale one then gives way to
   * the prompt, the only case that moves).
   */
  private renderBakeSpace(): TemplateResult | undefined {
    if (!this.echoPreload || this.session !== undefined) return undefined;
    const script = [...this.children].find(isBakeChild);
    let result: { pieces?: unknown; dropped?: unknown } | undefined;
    try {
      result = (JSON.parse(script?.textContent ?? '') as { result?: typeof result }).result;
    } catch {
      return undefined;
    }
    const pieces = result?.pieces;
    if (!Array.isArray(pieces)) return undefined;
    const shown = pieces.filter((piece): piece is { kind: string; text: string } => typeof piece?.kind === 'string' && typeof piece?.text === 'string');
    return html`<pre class="static-code bake-space" part="console" aria-hidden="true">${result?.dropped ? html`<span class="note">(earlier output was dropped)\n</span>` : ''}${shown.map(
      (piece) => html`<span class=${piece.kind}>${piece.text}</span>`,
    )}${this.readonly ? '' : '>>> '}</pre>`;
  }

  protected renderOutput(): typeof nothing {
    return nothing;
  }
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-repl', PyRepl);

declare global {
  interface HTMLElementTagNameMap {
    'py-repl': PyRepl;
  }
}
