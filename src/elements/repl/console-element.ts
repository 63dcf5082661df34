// The console behind <py-repl>, loaded when the reader first uses it: an internal element
// (`<pyinnards-repl-console>`, in the host's shadow root) that renders the transcript and the prompt
// and owns the reader's keys: Enter (with type-ahead while an input runs), history, Tab
// completion, Ctrl+C / Ctrl+L, and input() answered inline. The host sets its properties and
// calls `run`, `start`, `reset` and `interrupt`; it reports with events (see ConsoleEvents).
// The interpreter side is console-session.ts.
import { defineElement } from '../define-element.js';
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { PyErrorDetail, ReplResultDetail } from '../events.js';
import type { ReplInput } from '../editor/repl-input.js';
import type { Engine, RunOutcome } from '../../engine/runtime/index.js';
import { InputRequest } from '../input-request.js';
import { History, historyKey } from './history.js';
import { withPrompts } from './transcript.js';
import { PieceView } from './piece-view.js';
import { firstIndentation } from './enter-rules.js';
import { enterInTurn, type Pressed } from './type-ahead.js';
import { completionOf, renderChoices, type Choices } from './completion.js';
import { ConsoleSession, type ConsoleConfig } from './console-session.js';
import type { ReplResultBake } from '../../engine/bake/format.js';
import { consoleStyles } from './console.styles.js';

/** The events the console sends its host (they don't leave the host's shadow root). */
export interface ConsoleEvents {
  /** A message for the status line (undefined: none). */
  'console-status': CustomEvent<string | undefined>;
  /** The element's code or the engine failed. */
  'console-failed': CustomEvent<PyErrorDetail>;
  /** An input ran. */
  'console-result': CustomEvent<ReplResultDetail>;
  /** An input started or stopped running. */
  'console-busy': CustomEvent<boolean>;
}

const USAGE = 'Python console input. Enter runs, Shift+Enter adds a line, Up and Down recall earlier inputs, Tab completes, Ctrl+C interrupts, Ctrl+L clears. Press Escape then Tab to leave.';

export class PyReplConsole extends LitElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    readonly: { type: Boolean },
    pending: { state: true },
    completions: { state: true },
    announcement: { state: true },
    revision: { state: true },
  };

  /** Where the console's session comes from and what it runs first (set once, before it connects). */
  declare config: ConsoleConfig;
  /** No prompt: the console only shows its code's transcript. */
  readonly = false;
  /** The <py-repl> it belongs to. */
  declare owner: HTMLElement;
  /** Where the engine comes from. */
  declare engine: () => Promise<Engine | undefined>;

  /** The input at the prompt (all its lines), mirrored from the editor once it is there. */
  private pending = '';
  private completions: Choices | undefined;
  private announcement = '';
  /** Bumped when the transcript changes (it is not a property itself). */
  private revision = 0;

  private session!: ConsoleSession;
  private history!: History;
  private readonly inputRequest = new InputRequest(this, () => this.interrupt());
  private editor: ReplInput | undefined;
  private loadingEditor: Promise<void> | undefined;
  private readonly editorHost = document.createElement('div');
  /** The indentation the reader used last (the line editor reuses it after a `:`). */
  private indentUnit = '    ';
  /** Enter was pressed before the editor was there: it is pressed again once it is. */
  private enterOnMount = false;
  private readonly pieceView = new PieceView();

  /** Sets up the session; `typed` is what the reader typed before the console's code arrived. */
  init(typed: string): void {
    this.pending = typed;
    this.history = new History(historyKey(this.owner, this.config.session));
    this.editorHost.className = 'editor';
    this.editorHost.setAttribute('part', 'input');
    this.session = new ConsoleSession({
      element: this.owner,
      engine: () => this.engine(),
      config: () => this.config,
      changed: () => this.transcriptChanged(),
      failed: (detail) => this.emit('console-failed', detail),
      status: (message) => this.emit('console-status', message),
      ask: (prompt) => this.inputRequest.ask(prompt),
      // With echo-preload the code's transcript is a result of its own, as the inputs' are.
      preloaded: (report) => this.emit('console-result', { input: this.config.preload, output: report.output, status: report.status, text: this.text }),
    });
  }

  /** Shows the baked transcript of the element's code; the interpreter starts when the reader uses the console. */
  restore(bake: ReplResultBake): void {
    this.session.restore(bake);
  }

  get busy(): boolean {
    return this.session.busy;
  }

  get text(): string {
    // The prompt the console waits at, with what it holds so far (the cursor's line has no newline yet).
    return this.session.transcript.text + (this.readonly ? '' : withPrompts(this.pending).slice(0, -1));
  }

  start(): Promise<unknown> {
    return this.session.start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.disconnect();
    // The editor comes back on focus.
    this.editor?.destroy();
    this.editor = undefined;
    this.loadingEditor = undefined;
  }

  private emit<K extends keyof ConsoleEvents>(type: K, detail: ConsoleEvents[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private wasBusy = false;

  /** The one place the session's changes reach the view. */
  private transcriptChanged(): void {
    this.revision++;
    if (this.session.busy !== this.wasBusy) {
      this.wasBusy = this.session.busy;
      this.editor?.setBusy(this.wasBusy);
      this.emit('console-busy', this.wasBusy);
    }
    void this.updateComplete.then(() => this.scrollToEnd());
  }

  /** `element.run(input)`: `input` pasted at the prompt, then Enter; resolves to what it printed. */
  async run(input: string): Promise<string> {
    if (!(await this.session.start())) throw new Error('The console could not start: see the element’s error message.');
    return this.session.enqueue(async () => {
      // After an incomplete input the prompt is on a fresh `...` line: the text goes there.
      const source = this.pending + input;
      const collected: string[] = [];
      this.session.collecting = collected;
      try {
        const result = await this.session.submit(source, { force: false, echo: true, show: true });
        this.afterEnter(source, result.more ? `${source}\n` : '');
        this.report(source, result.output, result.outcome);
      } finally {
        this.session.collecting = undefined;
      }
      return collected.join('');
    });
  }

  /** After Enter: the prompt holds `next` (what stays of an incomplete input, or nothing). */
  private afterEnter(source: string, next: string): void {
    if (!next) {
      this.history.add(source);
      this.indentUnit = firstIndentation(source) ?? this.indentUnit;
    }
    this.setPending(next);
  }

  private report(input: string, output: string, outcome: RunOutcome): void {
    this.emit('console-result', { input, output, status: outcome.status, text: this.text });
  }

  private setPending(text: string): void {
    this.pending = text;
    if (this.editor && this.editor.text !== text) this.editor.setText(text);
  }

  // The reader's keys ---------------------------------------------------------------------

  private onEnter(): boolean {
    const editor = this.editor!;
    this.completions = undefined;
    const pressed = { text: editor.text, cursor: editor.cursor };
    // While an input runs, Enter hands what was typed ahead to the queue, as a terminal does:
    // it runs in turn and the prompt is free for more.
    const detached = this.session.busy;
    if (detached) this.setPending('');
    // Decided in turn, after what runs now (the interpreter may still be loading). What the
    // input holds now is what Enter sends, unless an earlier Enter's answer changed it meanwhile.
    void this.session.start().then((session) => session && this.session.enqueue(() => this.enterPressed(editor, pressed, detached)));
    return true;
  }

  /** Enter, in its turn (see type-ahead.ts). */
  private async enterPressed(editor: ReplInput, pressed: Pressed, detached: boolean): Promise<void> {
    const ran = await enterInTurn({ editor, session: this.session, pressed, detached, indentUnit: this.indentUnit, setPending: (text) => this.setPending(text) });
    this.pending = editor.text;
    if (ran) {
      this.afterEnter(ran.input, editor.text);
      this.report(ran.input, ran.result.output, ran.result.outcome);
    }
  }

  private historyStep(direction: 'up' | 'down'): boolean {
    const entry = direction === 'up' ? this.history.previous(this.editor!.text) : this.history.next();
    if (entry === undefined) return false;
    this.setPending(entry);
    return true;
  }

  /** Tab: indent at the start of a line, else complete the word before the cursor. */
  private onTab(): boolean {
    const editor = this.editor!;
    const text = editor.text;
    const cursor = editor.cursor;
    const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
    const before = text.slice(lineStart, cursor);
    if (before.trim() === '') {
      editor.insert(' '.repeat(4 - (before.length % 4)));
      return true;
    }
    void this.session.complete(before).then((choices) => {
      if (editor.text !== text || editor.cursor !== cursor) return;
      const completion = completionOf(before, lineStart, choices);
      if (completion.replaceWith !== undefined) editor.replace(lineStart, cursor, completion.replaceWith);
      this.completions = completion.choices;
      this.announcement = completion.announcement;
    });
    return true;
  }

  private choose(choice: string): void {
    const completions = this.completions;
    if (!completions || !this.editor) return;
    this.editor.replace(completions.from, completions.to, choice);
    this.completions = undefined;
    this.editor.focus();
  }

  /** Ctrl+C: interrupts what runs; at an idle prompt, drops the input as the console does. */
  interrupt(): boolean {
    this.inputRequest.answer(null);
    if (this.session.busy) {
      this.session.interrupt();
      return true;
    }
    if (!this.readonly) {
      this.session.show('input', withPrompts(this.editor?.text ?? this.pending));
      this.session.show('stderr', 'KeyboardInterrupt\n');
      this.completions = undefined;
      this.setPending('');
    }
    return true;
  }

  /** Ctrl+L: clears the screen; the prompt and what it holds stay. */
  private clearScreen(): boolean {
    this.session.transcript.clear();
    this.transcriptChanged();
    return true;
  }

  /** Reset: a fresh namespace, a clear screen, the banner and the element's code again. */
  async reset(): Promise<void> {
    this.interrupt();
    this.setPending('');
    await this.session.reset();
  }

  // The input line ------------------------------------------------------------------------

  /** Puts the cursor in the input, loading the editor the first time. */
  focusInput(): void {
    void this.session.start();
    if (this.readonly) return;
    this.loadingEditor ??= this.mountEditor();
    // Until the editor is there, the static prompt has the focus and keeps what is typed.
    void this.updateComplete.then(() => {
      if (!this.editor) this.renderRoot.querySelector<HTMLElement>('.prompt-row .static-code')?.focus();
    });
    void this.loadingEditor.then(() => this.editor?.focus());
  }

  /** A key at the static prompt, before the editor is there: kept for it, as a terminal keeps type-ahead. */
  private keyBeforeEditor(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) this.pending += event.key;
    else if (event.key === 'Backspace') this.pending = this.pending.slice(0, -1);
    else if (event.key === 'Enter') this.enterOnMount = true;
    else return;
    event.preventDefault();
  }

  private async mountEditor(): Promise<void> {
    const { createReplInput } = await import('../editor/repl-input.js');
    this.editor = createReplInput({
      parent: this.editorHost,
      root: this.renderRoot as ShadowRoot,
      doc: this.pending,
      label: USAGE,
      onChange: (text) => {
        this.pending = text;
        this.completions = undefined;
      },
      keys: {
        enter: () => this.onEnter(),
        historyUp: () => this.historyStep('up'),
        historyDown: () => this.historyStep('down'),
        complete: () => this.onTab(),
        interrupt: () => this.interrupt(),
        clearScreen: () => this.clearScreen(),
        escape: () => {
          if (!this.completions) return false;
          this.completions = undefined;
          return true;
        },
      },
    });
    this.editor.setBusy(this.session.busy);
    this.revision++;
    await this.updateComplete;
    if (this.enterOnMount) {
      this.enterOnMount = false;
      this.onEnter();
    }
  }

  private scrollToEnd(): void {
    const box = this.renderRoot.querySelector('.console');
    if (box) box.scrollTop = box.scrollHeight;
  }

  // Rendering ---------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const { transcript } = this.session;
    return html`<div
      class="console"
      part="console"
      @click=${(event: MouseEvent) => {
        // A click on the console (not a selection of its text) goes to the input, as in a terminal.
        if (!this.readonly && !getSelection()?.toString() && !(event.target as Element).closest('button, input')) this.focusInput();
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.defaultPrevented) return;
        if (event.ctrlKey && event.key === 'c' && !getSelection()?.toString()) {
          event.preventDefault();
          this.interrupt();
        }
      }}
    >
      <pre class="transcript" part="transcript" role="log" aria-label="Console transcript">${transcript.dropped
          ? html`<span class="note">(earlier output was dropped)\n</span>`
          : nothing}${transcript.pieces.map((piece) => this.pieceView.render(piece))}${this.inputRequest.renderField('input-prompt')}</pre>
      ${this.readonly || this.inputRequest.pending ? nothing : this.renderPrompt()}
      ${renderChoices(this.completions, (choice) => this.choose(choice))}
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }

  private renderPrompt(): TemplateResult {
    if (this.editor) return html`${this.editorHost}`;
    const lines = (this.pending || '').split('\n');
    return html`<div class="prompt-row">
      <span class="prompt" aria-hidden="true">${lines.map((_, i) => (i === 0 ? '>>> ' : '\n... '))}</span
      ><pre
        class="static-code"
        part="input"
        tabindex="0"
        role="textbox"
        aria-label=${USAGE}
        @focus=${() => this.focusInput()}
        @keydown=${(event: KeyboardEvent) => this.keyBeforeEditor(event)}
      >${this.pending}</pre>
    </div>`;
  }

}

// An internal element: like the other lazy parts it stays out of HTMLElementTagNameMap, so the
// published types name only the public elements.
defineElement('pyinnards-repl-console', PyReplConsole);
