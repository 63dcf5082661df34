// The console behind <py-repl>, loaded when the reader first uses it: the transcript, the input
// line (CodeMirror, from the editor chunk), Enter/history/completion/interrupt, the element's code
// as a preload, input() answered inline, and `run()` for scripts. The interpreter decides what
// is complete and runs it (ReplSession); everything here is about what the reader sees and types.
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { highlightPython } from '../highlight.js';
import { loadTokenizer, tokenizerIfLoaded } from '../lazy-tokenizer.js';
import type { PyErrorDetail, ReplResultDetail } from '../events.js';
import type { ReplInput } from '../editor/repl-input.js';
import type { Engine, ReplSession, RunOutcome } from '../../engine/runtime/index.js';
import { History } from './history.js';
import { Transcript, withPrompts, type Piece, type PieceKind } from './transcript.js';
import { enterAction, firstIndentation } from './enter-rules.js';
import { preloadInputs } from './preload-inputs.js';

export interface ConsoleConfig {
  /** The shared session's name, if any. */
  session: string | undefined;
  /** The element's code: it runs first. */
  preload: string;
  echoPreload: boolean;
  banner: boolean;
  /** No prompt: the console only shows its preload. */
  readonly: boolean;
  /** Lines input() reads instead of asking the reader. */
  stdin?: string;
  /** 0 for no limit. */
  timeoutMs: number;
}

/** Detail of `py-result` after each input (one definition, in events.ts). */
export type ReplResult = ReplResultDetail;

export interface ConsoleOptions {
  element: HTMLElement & ReactiveControllerHost;
  engine(): Promise<Engine | undefined>;
  config(): ConsoleConfig;
  /** A message for the status line (undefined clears it). */
  status(message: string | undefined): void;
  /** A problem with the element's code or the engine, for the error banner and `py-error`. */
  failed(detail: PyErrorDetail): void;
  result(detail: ReplResult): void;
}

/** The console's look, added to the element's styles when the console starts. */
const consoleStyles = css`
      .console {
        background: var(--_code-bg);
        max-height: var(--_max-height);
        overflow: auto;
        font-family: var(--_font-mono);
        font-size: var(--_code-font-size);
        line-height: var(--_line-height);
        padding: var(--_space);
        cursor: text;
      }
      /* One ring around the whole console: the input line draws none (it would cross the prompts). */
      .console:focus-within {
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }
      .transcript,
      .prompt-row pre {
        margin: 0;
        font: inherit;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        tab-size: 8;
      }
      .prompt-row {
        display: flex;
      }
      .prompt-row pre {
        flex: 1;
        min-width: 0;
        padding: 0;
        background: none;
        overflow: visible;
        max-height: none;
      }
      .prompt,
      .banner,
      .note {
        color: var(--_muted);
      }
      /* Prose, not output: it wraps between words. */
      .banner {
        overflow-wrap: normal;
        text-wrap: pretty;
      }
      .prompt {
        white-space: pre;
        user-select: none;
      }
      .stderr {
        color: var(--_error);
      }
      .note {
        font-style: italic;
      }
      .answer-field {
        font: inherit;
        color: var(--_fg);
        background: transparent;
        border: none;
        border-bottom: 1px solid var(--_border);
        padding: 0;
        min-width: 12ch;
      }
      .answer-field:focus-visible {
        outline: 2px solid var(--_focus);
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .completions {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5ch;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .completions {
        gap: 0.25em 0.5ch;
        margin-top: 0.25em;
      }
      /* Choices, as a terminal's completion menu lists them: small framed buttons, not links. */
      .completions button {
        font: inherit;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 3px;
        min-height: 0;
        padding: 0 0.5ch;
        text-decoration: none;
        cursor: pointer;
      }
      .completions button:hover {
        border-color: var(--_focus);
      }
    `;

/** Each console without a session name gets its own. */
let consoles = 0;

/** The started consoles of each shared session, by session name. */
const members = new Map<string, Set<ReplConsole>>();

const USAGE = 'Python console input. Enter runs, Shift+Enter adds a line, Up and Down recall earlier inputs, Tab completes, Ctrl+C interrupts, Ctrl+L clears. Press Escape then Tab to leave.';

export class ReplConsole {
  private readonly transcript = new Transcript();
  private readonly sessionName: string;
  private readonly history: History;
  /** The input at the prompt (all its lines), mirrored from the editor once it is there. */
  private pending = '';
  private editor: ReplInput | undefined;
  private loadingEditor: Promise<void> | undefined;
  private readonly editorHost = document.createElement('div');
  private session: ReplSession | undefined;
  private starting: Promise<ReplSession | undefined> | undefined;
  private stopListening: (() => void) | undefined;
  /** Inputs run one at a time, in order (the reader's, `run()`'s, the preload's). */
  private queue: Promise<unknown> = Promise.resolve();
  /** An input is running (not just being checked for completeness). */
  busy = false;
  private completions: { from: number; to: number; choices: string[]; prefix: number } | undefined;
  private announcement = '';
  private inputRequest: { label: string; answer: (value: string | null) => void } | undefined;
  /** The indentation the reader used last (the line editor reuses it after a `:`). */
  private indentUnit = '    ';
  /** While `run()` waits: what the console prints, collected for its answer. */
  private collecting: string[] | undefined;
  private readonly pieceTemplates = new WeakMap<Piece, TemplateResult>();
  /** input() can wait for the reader's answer with this engine here. */
  private canAskReader = false;

  /** Enter was pressed before the editor was there: it is pressed again once it is. */
  private enterOnMount = false;

  constructor(
    private readonly options: ConsoleOptions,
    /** What the reader typed before the console's code arrived (see PyRepl's static prompt). */
    typedEarly = '',
  ) {
    this.pending = typedEarly;
    const { session } = options.config();
    this.sessionName = session !== undefined ? `shared:${session}` : `console-${++consoles}`;
    this.history = new History(historyKey(options.element, session));
    this.editorHost.className = 'editor';
    this.editorHost.setAttribute('part', 'input');
    const root = this.root();
    if (consoleStyles.styleSheet && !root.adoptedStyleSheets.includes(consoleStyles.styleSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, consoleStyles.styleSheet];
    }
  }

  get text(): string {
    // The prompt the console waits at, with what it holds so far (the cursor's line has no newline yet).
    return this.transcript.text + (this.options.config().readonly ? '' : withPrompts(this.pending).slice(0, -1));
  }

  /** Starts the interpreter and runs the element's code; the prompt works from then on. */
  start(): Promise<ReplSession | undefined> {
    // Queued: whatever is entered before the console is up runs after its code.
    this.starting ??= this.enqueue(() => this.open());
    return this.starting;
  }

  private async open(): Promise<ReplSession | undefined> {
    const engine = await this.options.engine();
    if (!engine) {
      this.starting = undefined;
      return undefined;
    }
    if (!engine.capabilities.repl) {
      this.options.failed({ kind: 'Configuration', message: `${engine.capabilities.version} has no console. Use engine="pyodide".` });
      return undefined;
    }
    const session = engine.session(this.sessionName);
    this.session = session;
    this.canAskReader = engine.capabilities.interactiveInput;
    this.listen();
    const shared = this.sharedWith();
    this.showBanner(engine, shared.size > 0);
    shared.add(this);
    await this.preload(this.options.config().echoPreload);
    return session;
  }

  /** Hears what the session's tasks print between inputs, and when the interpreter restarts. */
  private listen(): void {
    this.stopListening?.();
    this.stopListening = this.session?.listen({
      output: (stream, text) => this.show(stream, text),
      // (Queued: the input that was stopped says so first.)
      restarted: () =>
        void this.enqueue(async () => {
          this.show('note', 'The interpreter was restarted to stop the code, so this console’s variables are gone; its code runs again.\n');
          await this.preload(false);
        }),
    });
  }

  /** The other started consoles of this console's shared session (an empty set if it has none). */
  private sharedWith(): Set<ReplConsole> {
    const { session } = this.options.config();
    if (session === undefined) return new Set();
    let set = members.get(session);
    if (!set) members.set(session, (set = new Set()));
    return set;
  }

  /** The banner; a console joining a shared session says only that (the first one showed it). */
  private showBanner(engine: Engine, joining: boolean): void {
    if (!this.options.config().banner) return;
    if (joining) {
      this.show('banner', `Shares the session "${this.options.config().session}" with the console above: same Python, same variables.\n`);
      return;
    }
    const { capabilities } = engine;
    if (capabilities.topLevelAwait) {
      // What `python -m asyncio` prints, with where this Python runs; asyncio is imported.
      this.show('banner', `Python console: ${capabilities.version}, as \`python -m asyncio\` runs it.\nUse "await" directly instead of "asyncio.run()".\n`);
      this.show('input', withPrompts('import asyncio'));
    } else {
      this.show('banner', `Python console: ${capabilities.version}, not CPython. Code that needs more than it has gets a message; engine="pyodide" runs CPython 3.14.\n`);
    }
    if (capabilities.note) this.show('note', `${capabilities.note}\n`);
  }

  /** The element's code, input by input: shown as typed with `echo`, else run silently unless it fails. */
  private async preload(echo: boolean): Promise<void> {
    const code = this.options.config().preload;
    if (!code.trim() || !this.session) return;
    const tokenizer = await loadTokenizer();
    for (const input of preloadInputs(code, tokenizer)) {
      let source = input;
      let result = await this.submit(source, { force: false, echo, show: echo });
      // A block ends with a blank line, as typed.
      if (result.more) result = await this.submit((source += '\n'), { force: true, echo, show: echo });
      if (result.outcome.status === 'error' || result.outcome.status === 'failed') {
        if (!echo) {
          this.show('input', withPrompts(source));
          this.show('stderr', result.output);
        }
        const error = result.outcome.status === 'error' ? result.outcome.error : undefined;
        this.options.failed({
          kind: error?.type ?? 'Engine',
          message: `The console's code failed: ${error ? error.message : result.outcome.status === 'failed' ? result.outcome.message : ''}`,
        });
      }
    }
  }

  /** Runs `fn` after everything queued before it. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => {});
    return next;
  }

  /**
   * Enter with `source` at the prompt: the session runs it if it is complete (or `force`). With
   * `echo` the input goes into the transcript (once it runs), and with `show` what it prints.
   */
  private async submit(
    source: string,
    { force, echo, show, onRunning }: { force: boolean; echo: boolean; show: boolean; onRunning?: () => void },
  ): Promise<{ more: boolean; output: string; outcome: RunOutcome; tookBack: boolean }> {
    const session = this.session!;
    const config = this.options.config();
    let output = '';
    let echoed = false;
    let echoPiece: Piece | undefined;
    // The input shows once it runs: the first output, or the end (an incomplete one never shows),
    // or when it has been running a while without output.
    const running = () => {
      if (!echoed && echo) {
        this.show('input', withPrompts(source));
        echoPiece = this.transcript.pieces.at(-1);
      }
      echoed = true;
      if (!this.busy) {
        this.busy = true;
        this.editor?.setBusy(true);
        onRunning?.();
        this.options.element.requestUpdate();
      }
    };
    const print = (kind: PieceKind) => (text: string) => {
      running();
      output += text;
      if (show) this.show(kind, text);
    };
    const timer = setTimeout(running, 100);
    try {
      const { more, outcome } = await session.push(source, {
        force,
        timeoutMs: config.timeoutMs,
        onStdout: print('stdout'),
        onStderr: print('stderr'),
        ...(config.stdin !== undefined ? { stdin: config.stdin } : { onInput: (prompt: string) => this.askInput(prompt, print) }),
      });
      clearTimeout(timer);
      // The worker took longer than the timer to say the input is incomplete (a slow phone, a
      // busy machine): take the early echo back, or the block would show twice.
      const tookBack = more && echoPiece !== undefined && output === '' && this.transcript.remove(echoPiece);
      if (tookBack) this.options.element.requestUpdate();
      if (!more) running();
      const note = this.describe(outcome);
      if (note) print(note.kind)(note.text);
      return { more, output, outcome, tookBack };
    } finally {
      clearTimeout(timer);
      this.busy = false;
      this.editor?.setBusy(false);
      this.options.element.requestUpdate();
    }
  }

  /** What the transcript adds when the output alone doesn't say how an input ended. */
  private describe(outcome: RunOutcome): { kind: PieceKind; text: string } | undefined {
    switch (outcome.status) {
      case 'stopped':
        // Stopped by restarting the worker: no traceback could be printed, so say it as the
        // console would (the restart itself is told by `restarted`).
        return outcome.sessionReset ? { kind: 'stderr', text: 'KeyboardInterrupt\n' } : undefined;
      case 'timeout':
        return { kind: 'note', text: `Stopped after ${outcome.afterMs / 1000} seconds: the element's timeout.\n` };
      case 'failed':
        return { kind: 'note', text: `${outcome.message}\n` };
      case 'error':
        if (outcome.error.type === 'EOFError' && this.options.config().stdin === undefined && !this.canAskReader) {
          this.options.status('input() can’t ask the reader with this engine in this browser: give the element a stdin attribute with the input lines.');
        }
        return undefined;
      case 'ok':
        return undefined;
    }
  }

  /** input() in a running input: the prompt, then a field inline in the transcript. */
  private askInput(prompt: string, print: (kind: PieceKind) => (text: string) => void): Promise<string | null> {
    // Skulpt hands the prompt over; CPython has already printed it.
    if (prompt) print('stdout')(prompt);
    const label = this.transcript.text.split('\n').at(-1)?.trim();
    return new Promise((resolve) => {
      this.inputRequest = {
        label: label ? `input(): ${label}` : 'input()',
        answer: (value) => {
          this.inputRequest = undefined;
          // A terminal echoes what the reader typed, and the Enter.
          if (value !== null) print('answer')(`${value}\n`);
          resolve(value);
          this.options.element.requestUpdate();
        },
      };
      this.options.element.requestUpdate();
      void this.options.element.updateComplete.then(() => this.root().querySelector<HTMLInputElement>('.answer-field')?.focus());
    });
  }

  private show(kind: PieceKind, text: string): void {
    this.transcript.append(kind, text);
    // run() answers with what the console printed, not with the input it echoed.
    if (kind !== 'input' && kind !== 'banner') this.collecting?.push(text);
    this.options.element.requestUpdate();
    void this.options.element.updateComplete.then(() => this.scrollToEnd());
  }

  /** `element.run(input)`: `input` pasted at the prompt, then Enter. */
  async run(input: string): Promise<string> {
    if (!(await this.start())) throw new Error('The console could not start: see the element’s error message.');
    return this.enqueue(async () => {
      // After an incomplete input the prompt is on a fresh `...` line: the text goes there.
      const source = this.pending + input;
      const collected: string[] = [];
      this.collecting = collected;
      try {
        const result = await this.submit(source, { force: false, echo: true, show: true });
        this.afterEnter(source, result.more ? `${source}\n` : '');
        this.report(source, result.output, result.outcome);
      } finally {
        this.collecting = undefined;
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
    this.options.result({ input, output, status: outcome.status, text: this.text });
  }

  private setPending(text: string): void {
    this.pending = text;
    if (this.editor && this.editor.text !== text) this.editor.setText(text);
    this.options.element.requestUpdate();
  }

  // The reader's keys ---------------------------------------------------------------------

  private onEnter(): boolean {
    const editor = this.editor!;
    this.completions = undefined;
    const pressed = { text: editor.text, cursor: editor.cursor };
    // While an input runs, Enter hands what was typed ahead to the queue, as a terminal does:
    // it runs in turn and the prompt is free for more.
    const detached = this.busy;
    if (detached) this.setPending('');
    // Decided in turn, after what runs now (the interpreter may still be loading). What the
    // input holds now is what Enter sends, unless an earlier Enter's answer changed it meanwhile.
    void this.start().then((session) => session && this.enqueue(() => this.enterPressed(editor, pressed, detached)));
    return true;
  }

  /**
   * Enter, in its turn. `detached`: the text was already taken out of the input (typed ahead
   * while another input ran); otherwise it leaves the input when it starts to run.
   */
  private async enterPressed(editor: ReplInput, pressed: { text: string; cursor: number }, detached: boolean): Promise<void> {
    const current = !detached && !editor.text.startsWith(pressed.text);
    const text = current ? editor.text : pressed.text;
    const cursor = current ? editor.cursor : pressed.cursor;
    const action = enterAction(text, cursor, this.indentUnit);
    if (action.kind === 'newline') {
      if (detached) editor.replace(0, 0, text.slice(0, cursor) + action.insert + text.slice(cursor), true);
      else editor.replace(cursor, cursor, action.insert);
      this.pending = editor.text;
      return;
    }
    // Once it runs, the input is in the transcript only: what the prompt holds is what comes
    // after it (typed while the interpreter answered), as a terminal keeps it for the next line.
    let taken = detached;
    const takeOut = () => {
      if (taken) return;
      taken = true;
      this.setPending(editor.text.startsWith(text) ? editor.text.slice(text.length) : editor.text);
    };
    const result = await this.submit(text, { force: action.kind === 'run', echo: true, show: true, onRunning: takeOut });
    if (result.more) {
      // Incomplete: a new line, auto-indented, where Enter was pressed (in front of anything
      // typed since, which the input kept or got back).
      const insert = action.kind === 'ask' ? action.afterMore : '\n';
      if (taken) {
        editor.replace(0, 0, text + insert, editor.text !== '');
      } else {
        const typedAhead = editor.text.startsWith(text) ? editor.text.slice(text.length) : '';
        const at = Math.min(text.length, editor.text.length);
        editor.replace(at, at, insert, typedAhead !== '');
      }
      this.pending = editor.text;
    } else {
      takeOut();
      this.afterEnter(text, editor.text);
      this.report(text, result.output, result.outcome);
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
    void (async () => {
      const session = await this.start();
      if (!session) return;
      const choices = await session.complete(before);
      if (editor.text !== text || editor.cursor !== cursor) return;
      this.completions = undefined;
      if (choices.length === 0) {
        this.announce('No completions.');
        return;
      }
      const common = commonPrefix(choices);
      if (common.length > before.length) editor.replace(lineStart, cursor, common);
      if (choices.length > 1) {
        // Show the completed word (the attribute, for `obj.attr`), as the console's menu does.
        const stem = /[\w.]*$/.exec(before)![0];
        const prefix = before.length - stem.length + stem.lastIndexOf('.') + 1;
        this.completions = { from: lineStart, to: lineStart + Math.max(common.length, before.length), choices, prefix };
        this.announce(`${choices.length} completions: ${choices.map((c) => c.slice(prefix)).join(', ')}.`);
      } else {
        this.announce(`Completed ${choices[0]!.slice(before.length - /[\w.]*$/.exec(before)![0].length)}.`);
      }
      this.options.element.requestUpdate();
    })();
    return true;
  }

  private choose(choice: string): void {
    const completions = this.completions;
    if (!completions || !this.editor) return;
    this.editor.replace(completions.from, completions.to, choice);
    this.completions = undefined;
    this.options.element.requestUpdate();
    this.editor.focus();
  }

  private announce(message: string): void {
    this.announcement = message;
    this.options.element.requestUpdate();
  }

  /** Ctrl+C: interrupts what runs; at an idle prompt, drops the input as the console does. */
  interrupt(): boolean {
    if (this.inputRequest) this.inputRequest.answer(null);
    if (this.busy) {
      this.session?.interrupt();
      return true;
    }
    if (!this.options.config().readonly) {
      this.show('input', withPrompts(this.editor?.text ?? this.pending));
      this.show('stderr', 'KeyboardInterrupt\n');
      this.completions = undefined;
      this.setPending('');
    }
    return true;
  }

  /** Ctrl+L: clears the screen; the prompt and what it holds stay. */
  private clearScreen(): boolean {
    this.transcript.clear();
    this.options.element.requestUpdate();
    return true;
  }

  /**
   * Reset: a fresh namespace, a clear screen, the banner and the element's code again. In a
   * shared session every member's code runs again (in page order) and each one says so.
   */
  async reset(): Promise<void> {
    this.interrupt();
    const session = await this.start();
    if (!session) return;
    await this.enqueue(() => session.reset());
    const others = [...this.sharedWith()].filter((member) => member !== this);
    const all = [this, ...others].sort((a, b) =>
      a.options.element.compareDocumentPosition(b.options.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    for (const member of all) await member.sessionWasReset(member === this, others.length > 0);
  }

  /** After the session's reset: this console's part (`own`: its Reset was pressed). */
  private sessionWasReset(own: boolean, shared: boolean): Promise<void> {
    return this.enqueue(async () => {
      if (own) {
        this.transcript.clear();
        this.setPending('');
        const engine = await this.options.engine();
        if (engine) this.showBanner(engine, false);
      }
      if (shared) {
        this.show('note', `The session "${this.options.config().session}" was reset: its variables are gone, and the code of each console sharing it runs again.\n`);
      }
      await this.preload(own && this.options.config().echoPreload);
    });
  }

  /** The element left the page: stop listening, drop the editor (it comes back on focus). */
  disconnect(): void {
    this.sharedWith().delete(this);
    this.stopListening?.();
    this.stopListening = undefined;
    this.editor?.destroy();
    this.editor = undefined;
    this.loadingEditor = undefined;
  }

  /** Back in the page (moved): the session and transcript are as they were. */
  connect(): void {
    if (this.session && !this.stopListening) {
      this.sharedWith().add(this);
      this.listen();
    }
  }

  // The input line ------------------------------------------------------------------------

  /** Puts the cursor in the input, loading the editor the first time. */
  focusInput(): void {
    void this.start();
    if (this.options.config().readonly) return;
    this.loadingEditor ??= this.mountEditor();
    // Until the editor is there, the static prompt has the focus and keeps what is typed.
    void this.options.element.updateComplete.then(() => {
      if (!this.editor) this.root().querySelector<HTMLElement>('.prompt-row .static-code')?.focus();
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
    this.options.element.requestUpdate();
  }

  private async mountEditor(): Promise<void> {
    const { createReplInput } = await import('../editor/repl-input.js');
    this.editor = createReplInput({
      parent: this.editorHost,
      root: this.root(),
      doc: this.pending,
      label: USAGE,
      onChange: (text) => {
        this.pending = text;
        if (this.completions) {
          this.completions = undefined;
          this.options.element.requestUpdate();
        }
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
          this.options.element.requestUpdate();
          return true;
        },
      },
    });
    this.editor.setBusy(this.busy);
    this.options.element.requestUpdate();
    await this.options.element.updateComplete;
    if (this.enterOnMount) {
      this.enterOnMount = false;
      this.onEnter();
    }
  }

  private root(): ShadowRoot {
    return this.options.element.shadowRoot!;
  }

  private scrollToEnd(): void {
    const box = this.root().querySelector('.console');
    if (box) box.scrollTop = box.scrollHeight;
  }

  // Rendering ---------------------------------------------------------------------------

  render(): TemplateResult {
    const readonly = this.options.config().readonly;
    return html`<div
      class="console"
      part="console"
      @click=${(event: MouseEvent) => {
        // A click on the console (not a selection of its text) goes to the input, as in a terminal.
        if (!readonly && !getSelection()?.toString() && !(event.target as Element).closest('button, input')) this.focusInput();
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.defaultPrevented) return;
        if (event.ctrlKey && event.key === 'c' && !getSelection()?.toString()) {
          event.preventDefault();
          this.interrupt();
        }
      }}
    >
      <pre class="transcript" part="transcript" role="log" aria-label="Console transcript">${this.transcript.dropped
          ? html`<span class="note">(earlier output was dropped)\n</span>`
          : nothing}${this.transcript.pieces.map((piece) => this.renderPiece(piece))}${this.renderAnswerField()}</pre>
      ${readonly || this.inputRequest ? nothing : this.renderPrompt()}
      ${this.completions
        ? html`<ul class="completions" part="completions" aria-label="Completions">
            ${this.completions.choices.map(
              (choice) => html`<li><button type="button" @click=${() => this.choose(choice)}>${choice.slice(this.completions!.prefix)}</button></li>`,
            )}
          </ul>`
        : nothing}
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

  private renderAnswerField(): TemplateResult | typeof nothing {
    const request = this.inputRequest;
    if (!request) return nothing;
    return html`<input
      class="answer-field"
      part="input-prompt"
      type="text"
      autocomplete="off"
      spellcheck="false"
      aria-label=${request.label}
      @keydown=${(event: KeyboardEvent) => {
        const field = event.currentTarget as HTMLInputElement;
        if (event.key === 'Enter') {
          event.preventDefault();
          request.answer(field.value);
          this.focusInput();
        } else if (event.ctrlKey && (event.key === 'd' || event.key === 'c')) {
          // Ctrl+D ends the input (EOFError), as in a terminal; Ctrl+C interrupts.
          event.preventDefault();
          if (event.key === 'd') request.answer(null);
          else this.interrupt();
        }
      }}
    />`;
  }

  private renderPiece(piece: Piece): TemplateResult {
    if (piece.kind !== 'input') return html`<span class=${piece.kind}>${piece.text}</span>`;
    // Inputs don't change once shown: colour them once.
    let template = this.pieceTemplates.get(piece);
    if (!template) {
      const lines = piece.text.replace(/\n$/, '').split('\n');
      const prompts = lines.map((line) => (/^(>>>|\.\.\.) /.test(line) ? line.slice(0, 4) : ''));
      const code = lines.map((line, i) => line.slice(prompts[i]!.length)).join('\n');
      const tokenizer = tokenizerIfLoaded();
      const coloured = highlightPython(code, tokenizer ? tokenizer.highlightSpans(code) : []);
      // (Each coloured line but the last ends with its newline.)
      template = html`${coloured.map((line, i) => html`<span class="prompt">${prompts[i]}</span>${line}`)}\n`;
      if (tokenizer) this.pieceTemplates.set(piece, template);
    }
    return template;
  }
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Where the element's history is kept in sessionStorage: by its id when it has one, else by
 * its session name and its position among the page's <py-repl> elements. (Undefined keeps it in
 * memory only: an element outside the document's tree, e.g. in another shadow root.)
 */
function historyKey(element: HTMLElement, session: string | undefined): string | undefined {
  const page = `pyinnards:repl-history:${location.pathname}`;
  if (element.id) return `${page}#${element.id}`;
  const position = Array.from(document.querySelectorAll('py-repl')).indexOf(element as never);
  if (position < 0) return undefined;
  return `${page}:${session !== undefined ? `session=${session}:` : ''}${position}`;
}
