import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { themeStyles } from '../styles/theme.js';
import { baseStyles } from '../styles/base.js';
import { CodeSourceError, hasInlineCode, sourceCode } from './code-source.js';
import { emit, type PyErrorDetail, type PyEventMap } from './events.js';
import { CodeView } from './code-view.js';
import type { Position } from './highlight.js';
import { copyText } from './clipboard.js';
import { attributeOf, checkAttribute, hasRule } from './attributes.js';
import { renderErrorBanner, renderStatusLine, type StatusState } from './chrome.js';

export type ThemeName = 'auto' | 'light' | 'dark';
export type { StatusState };

/** The toolbar buttons every element may show (an engine element adds Run/Stop: engine-element.ts). */
export type ToolbarAction = 'reset' | 'copy';

/**
 * What every pyinnards element shares: where the code comes from, the code view (static first,
 * then a lazily loaded editor), the toolbar, the status line, the error banner, the theme, and
 * the `text` property with our events. Subclasses add their output and behaviour.
 *
 * @fires py-result - The output changed; `detail` is the element's result.
 * @fires py-error - Bad input or a failed engine; `detail` is `{ kind, message, line?, column? }` (1-based).
 * @csspart container - The whole widget.
 * @csspart toolbar - The bar with the label and the buttons.
 * @csspart label - The element's name in the toolbar.
 * @csspart code - The static code view, shown before the editor loads.
 * @csspart editor - The CodeMirror editor, once the reader edits.
 * @csspart note - A short note (e.g. why the editor could not load).
 * @csspart button - Every button.
 * @csspart reset-button - Reset, back to the code as written.
 * @csspart copy-button - Copy, which copies `text`.
 * @csspart error - The error banner.
 * @csspart status - The status line.
 * @csspart progress - A progress bar in the status line (e.g. while the code or an interpreter downloads).
 * @csspart output - The element's output.
 */
export abstract class PyElement<Result = unknown> extends LitElement {
  static override styles = [themeStyles, baseStyles];

  // Declared without decorators: they would pull a helper library into the page's entry.
  static override properties: PropertyDeclarations = {
    code: {},
    src: {},
    readonly: { type: Boolean, reflect: true },
    theme: { reflect: true },
    source: { state: true },
    originalSource: { state: true },
    status: { state: true },
    error: { state: true },
    copied: { state: true },
  };

  /** The code, as a property or attribute; wins over `src`, a script child and the text. */
  declare code: string | undefined;
  /** URL of a .py file to show, relative to the page. */
  declare src: string | undefined;
  /** The reader may not edit the code; the editor is never loaded. */
  readonly = false;
  /** Colour scheme: `auto` follows the reader's system setting. */
  theme: ThemeName = 'auto';

  /** The code as the reader sees it now (edited or not). */
  protected source = '';
  /** The code as sourced, which Reset goes back to. */
  protected originalSource = '';
  protected declare status: StatusState | undefined;
  protected declare error: PyErrorDetail | undefined;
  private copied = false;
  /** Whether the code has been sourced (it may still be loading from `src`, or have failed to). */
  private sourced = false;
  /** Why the code could not be sourced (a `src` that failed): the element then starts nothing. */
  private sourceFailure: PyErrorDetail | undefined;
  /** Whether the output has come (the first `py-result`): until then its space is reserved. */
  private hasOutput = false;

  /** The element's name as shown to readers, e.g. "Tokens". */
  protected abstract readonly label: string;
  /** Which toolbar buttons this element shows. */
  protected readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  private readonly codeView = new CodeView(
    this,
    (code) => this.editCode(code),
    (at) => this.cursorMoved(at),
  );
  private sourcing: AbortController | undefined;
  private lightDomObserver: MutationObserver | undefined;
  /** Attributes as written, until their properties are checked (see attributes.ts). */
  private readonly attributeText = new Map<string, string | null>();
  /** Messages for invalid attribute values, by property. */
  private readonly invalid = new Map<string, string>();

  /** The output as plain text: the same text Copy copies. */
  abstract get text(): string;

  /** Called whenever the code changes: after sourcing, Reset and every edit. */
  protected abstract codeChanged(code: string): void;

  /** The reader moved the cursor in the editor (tokenizer-style position). */
  protected cursorMoved(_at: Position): void {}

  /** Highlights a span of the code (e.g. the token or instruction the reader points at). */
  protected markSpan(span: { start: Position; end: Position } | undefined): void {
    this.codeView.markSpan(span);
  }

  /** Gives whole lines of the code classes, e.g. the line a replay is at. */
  protected markLines(lines: ReadonlyMap<number, string>): void {
    this.codeView.markLines(lines);
  }

  /** Shows clickable line numbers that toggle breakpoints. */
  protected setGutter(gutter: { breakpoints: ReadonlySet<number>; toggle: (line: number) => void }): void {
    this.codeView.setGutter(gutter);
  }

  /** The element's own output, rendered below the code. */
  protected abstract renderOutput(): TemplateResult | typeof nothing;

  /**
   * The height to keep for the output until it first comes (a CSS length), so the page doesn't
   * jump when it does: elements whose output waits for an interpreter estimate it from their code.
   */
  protected reservedOutputHeight(_code: string): string | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Frameworks and CMS editors sometimes fill the element after it upgrades; follow them
    // while the code comes from the light DOM.
    this.lightDomObserver = new MutationObserver(() => {
      if (this.code === undefined && !this.src && hasInlineCode(this)) void this.loadCode();
    });
    this.lightDomObserver.observe(this, { childList: true, characterData: true, subtree: true });
    // Only the first time: an element moved around the page keeps the reader's edits.
    if (this.sourcing === undefined && this.code === undefined && !this.src) void this.loadCode();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lightDomObserver?.disconnect();
    this.sourcing?.abort();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    this.attributeText.set(name, value);
    super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.checkAttributes(changed);
    if (changed.has('code') || changed.has('src')) void this.loadCode();
    if (changed.has('readonly')) this.codeView.readonly = this.readonly;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Reflected attributes (theme, engine) come back through attributeChangedCallback while
    // updating: they are the properties' own values, not something the page wrote.
    this.attributeText.clear();
  }

  /**
   * Whether the element must start nothing: an attribute has an invalid value, or the code could
   * not be loaded. The error banner says why.
   */
  protected get misconfigured(): boolean {
    return this.invalid.size > 0 || this.sourceFailure !== undefined;
  }

  /** Whether the code is here: false while a `src` loads (or after it failed). */
  protected get codeReady(): boolean {
    return this.sourced;
  }

  /** The one check of every attribute, as it is set (before any lazily loaded part is asked for). */
  private checkAttributes(changed: PropertyValues<this>): void {
    let touched = false;
    for (const key of changed.keys()) {
      const name = String(key);
      if (!hasRule(name)) continue;
      const attribute = attributeOf(name);
      const text = this.attributeText.get(attribute);
      this.attributeText.delete(attribute);
      const problem = checkAttribute(name, this[key as keyof this], text);
      if (problem === this.invalid.get(name)) continue;
      touched = true;
      if (problem) this.invalid.set(name, problem);
      else this.invalid.delete(name);
    }
    if (!touched) return;
    if (this.invalid.size) this.reportError(this.configurationError());
    else if (this.error?.kind === 'Configuration') this.clearError();
  }

  /** Sources the code again (the `code`/`src` attributes or the light DOM changed). */
  private async loadCode(): Promise<void> {
    this.sourcing?.abort();
    const controller = new AbortController();
    this.sourcing = controller;
    const fetching = Boolean(this.src) && this.code === undefined;
    if (fetching) {
      this.sourced = false;
      this.setStatus({ message: `Loading ${this.src}…`, progress: null });
    }
    if (this.sourceFailure) {
      this.sourceFailure = undefined;
      if (this.error?.kind === 'Source') this.clearError();
    }
    try {
      const code = await sourceCode(this, this.code, this.src, controller.signal);
      if (controller.signal.aborted) return;
      if (fetching) this.clearStatus();
      this.originalSource = code;
      this.sourced = true;
      this.applyCode(code);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (fetching) this.clearStatus();
      const message = error instanceof CodeSourceError ? error.message : String(error);
      // The message stays: nothing runs on code that isn't there (not even an empty module).
      this.sourceFailure = { kind: 'Source', message };
      this.reportError(this.sourceFailure);
    }
  }

  private editCode(code: string): void {
    this.source = code;
    this.codeChanged(code);
  }

  private applyCode(code: string): void {
    this.source = code;
    this.codeView.setCode(code);
    this.codeChanged(code);
  }

  /** Also waits for the code view's colours, so tests and pages see the finished widget. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.codeView.ready;
    return super.getUpdateComplete();
  }

  /** Reset: back to the code as written in the page. */
  reset(): void {
    this.clearError();
    this.applyCode(this.originalSource);
  }

  /** Shows a message in the status line; `progress` adds a progress bar. */
  protected setStatus(status: StatusState): void {
    this.status = status;
  }

  protected clearStatus(): void {
    this.status = undefined;
  }

  /** Shows the error banner, marks the position in the code, and fires `py-error`. */
  protected reportError(detail: PyErrorDetail): void {
    this.error = detail;
    this.codeView.markError(detail.line, detail.column);
    emit(this, 'py-error', detail);
  }

  /**
   * Clears the error banner. An invalid attribute's message stays until the value is fixed, and
   * a failed `src` stays until the code is sourced again.
   */
  protected clearError(): void {
    if (this.error === undefined) return;
    this.codeView.markError(undefined, undefined);
    this.error = this.invalid.size ? this.configurationError() : this.sourceFailure;
  }

  private configurationError(): PyErrorDetail {
    return { kind: 'Configuration', message: [...this.invalid.values()].join(' ') };
  }

  /** Fires `py-result` after the output changed. */
  protected emitResult(detail: Result): void {
    this.hasOutput = true;
    emit(this, 'py-result', detail);
  }

  private async copy(): Promise<void> {
    await copyText(this.text);
    this.copied = true;
    setTimeout(() => (this.copied = false), 1500);
  }

  protected override render(): TemplateResult {
    const reserve = this.outputReserve();
    return html`
      <div class=${reserve ? 'widget awaiting' : 'widget'} part="container">
        <div class="toolbar" part="toolbar">
          <span class="label" part="label">${this.label}</span>
          ${this.renderToolbarStart()}
          <span class="spacer"></span>
          ${this.renderToolbarEnd()}
          ${this.actions
            // Reset undoes edits; a read-only element has none to undo.
            .filter((action) => !(action === 'reset' && this.readonly))
            .map((action) => this.renderAction(action))}
        </div>
        ${this.renderCode()}
        ${renderErrorBanner(this.error, this.renderErrorActions())} ${renderStatusLine(this.status)}
        <div class=${reserve ? 'output reserved' : 'output'} part="output" style=${reserve ? `min-height: ${reserve}` : ''}>
          ${this.renderOutput()}
        </div>
      </div>
    `;
  }

  /** The output's min-height while it is awaited (none once it came, or when an error shows instead). */
  private outputReserve(): string | undefined {
    if (this.hasOutput || this.error) return undefined;
    return this.reservedOutputHeight(this.source);
  }

  /** The code area: the code view (static, then the editor). A console puts itself here instead. */
  protected renderCode(): TemplateResult {
    return this.codeView.render();
  }

  /** Whether Reset has something to undo (by default: the reader's edits). */
  protected get canReset(): boolean {
    return this.source !== this.originalSource;
  }

  /** Extra controls a subclass puts at the start of the toolbar. */
  protected renderToolbarStart(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Controls a subclass puts before Reset and Copy (an engine element's Run/Stop). */
  protected renderToolbarEnd(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Buttons a subclass adds to the error banner (an engine element's Retry). */
  protected renderErrorActions(): TemplateResult | typeof nothing {
    return nothing;
  }

  private renderAction(action: ToolbarAction): TemplateResult {
    switch (action) {
      case 'reset':
        return html`<button
          type="button"
          class="quiet"
          part="button reset-button"
          ?disabled=${!this.canReset}
          @click=${() => this.reset()}
        >
          Reset
        </button>`;
      case 'copy':
        return html`<button type="button" class="quiet" part="button copy-button" @click=${() => void this.copy()}>
          ${this.copied ? 'Copied' : 'Copy'}
        </button>`;
    }
  }


}

/**
 * Listeners typed by the element's own `py-result` detail, so that
 * `tokenizer.addEventListener('py-result', (e) => e.detail.tokens)` type-checks.
 */
export interface PyElement<Result = unknown> {
  addEventListener<K extends keyof PyEventMap<Result>>(
    type: K,
    listener: (this: HTMLElement, event: PyEventMap<Result>[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PyEventMap<Result>>(
    type: K,
    listener: (this: HTMLElement, event: PyEventMap<Result>[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
