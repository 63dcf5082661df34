import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { highlightPython, type CodeMarks, type Position } from './highlight.js';
import type { PythonEditor } from './editor/python-editor.js';
import type { HighlightSpan } from '../engine/tokenizer/index.js';
import { loadTokenizer, tokenizerIfLoaded } from './lazy-tokenizer.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The code area of every element. It starts as a static, highlighted `<pre>` (no editor code
 * downloaded), and swaps in CodeMirror the first time the reader focuses it to edit. The editor
 * chunk is reached only through the dynamic `import()` below.
 */
export class CodeView implements ReactiveController {
  private code = '';
  private editor: PythonEditor | undefined;
  private loadingEditor: Promise<void> | undefined;
  private editorFailed: string | undefined;
  private readonly marks: CodeMarks = {};
  /** Where the reader clicked, so the editor can put the cursor at the same place. */
  private pointer: { x: number; y: number } | undefined;
  private readonly editorHost = document.createElement('div');
  private readonlyValue = false;
  /** Breakpoints toggled by clicking a line number; the gutter shows only when this is set. */
  private gutter: { breakpoints: ReadonlySet<number>; toggle: (line: number) => void } | undefined;
  /** Colours of `code`, kept while the code stays the same (hover re-renders are frequent). */
  private spans: { code: string; spans: readonly HighlightSpan[] } | undefined;

  constructor(
    private readonly host: Host,
    private readonly onEdit: (code: string) => void,
    /** Where the reader's cursor is in the editor, as a tokenizer-style position. */
    private readonly onCursor?: (at: Position) => void,
  ) {
    host.addController(this);
    this.editorHost.className = 'editor';
    this.editorHost.setAttribute('part', 'editor');
  }

  hostConnected(): void {
    if (!tokenizerIfLoaded()) void loadTokenizer().then(() => this.host.requestUpdate());
    // Back in the page after a move: show the (possibly edited) code statically again; the
    // editor comes back when the reader focuses it.
    this.host.requestUpdate();
  }

  /** Settles once the static view can be coloured. */
  get ready(): Promise<unknown> {
    return loadTokenizer();
  }

  private highlightSpans(): readonly HighlightSpan[] {
    const tokenizer = tokenizerIfLoaded();
    if (!tokenizer) return [];
    if (this.spans?.code !== this.code) this.spans = { code: this.code, spans: tokenizer.highlightSpans(this.code) };
    return this.spans.spans;
  }

  hostDisconnected(): void {
    // CodeMirror listens on the window; destroying it lets a removed element be collected.
    this.editor?.destroy();
    this.editor = undefined;
    this.loadingEditor = undefined;
  }

  /** Replaces the code (sourcing or Reset); edits made in the editor don't come through here. */
  setCode(code: string): void {
    this.code = code;
    this.editor?.setDoc(code);
    this.host.requestUpdate();
  }

  /** Marks a 1-based line and column (or clears the mark with undefined). */
  markError(line: number | undefined, column: number | undefined): void {
    this.marks.error = line === undefined ? undefined : { line, column };
    this.editor?.markError(line, column);
    this.host.requestUpdate();
  }

  /** Highlights the span from `start` to `end` (tokenizer positions), or clears it. */
  markSpan(span: { start: Position; end: Position } | undefined): void {
    this.marks.span = span;
    this.editor?.markSpan(span);
    this.host.requestUpdate();
  }

  /** Gives whole lines classes (`current`, `previous`), by 1-based line number. */
  markLines(lines: ReadonlyMap<number, string>): void {
    this.marks.lines = lines;
    this.editor?.markLines(lines);
    this.host.requestUpdate();
  }

  /** Shows line numbers that toggle breakpoints when clicked, with `breakpoints` marked. */
  setGutter(gutter: { breakpoints: ReadonlySet<number>; toggle: (line: number) => void }): void {
    this.gutter = gutter;
    this.marks.gutter = { breakpoints: gutter.breakpoints };
    this.editor?.setBreakpoints(gutter.breakpoints);
    this.host.requestUpdate();
  }

  get readonly(): boolean {
    return this.readonlyValue;
  }

  set readonly(value: boolean) {
    this.readonlyValue = value;
    this.editor?.setReadonly(value);
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    if (this.editor) return html`${this.editorHost}`;
    const editable = !this.readonly;
    return html`<pre
        class="static-code"
        part="code"
        tabindex="0"
        role=${editable ? 'textbox' : 'region'}
        aria-multiline=${editable ? 'true' : nothing}
        aria-readonly=${editable ? 'false' : nothing}
        aria-label=${editable ? 'Python code, editable' : 'Python code'}
        @pointerdown=${(event: PointerEvent) => {
          const number = (event.target as Element).closest?.('.gutter');
          if (number && this.gutter) {
            // A click on a line number sets a breakpoint; it doesn't start editing.
            event.preventDefault();
            this.gutter.toggle(Number(number.getAttribute('data-line')));
            return;
          }
          this.pointer = { x: event.clientX, y: event.clientY };
        }}
        @focus=${() => this.startEditing()}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') this.startEditing();
        }}
      ><code>${highlightPython(this.code, this.highlightSpans(), this.marks)}</code></pre>
      ${this.editorFailed ? html`<p class="note" part="note">${this.editorFailed}</p>` : nothing}`;
  }

  /** Loads the editor chunk once and mounts it in place of the static view. */
  private startEditing(): Promise<void> | undefined {
    if (this.readonly || this.editor) return undefined;
    this.loadingEditor ??= this.mountEditor();
    return this.loadingEditor;
  }

  private async mountEditor(): Promise<void> {
    try {
      const { createPythonEditor } = await import('./editor/python-editor.js');
      if (!this.host.isConnected || this.readonly) {
        this.loadingEditor = undefined;
        return;
      }
      this.editor = createPythonEditor({
        parent: this.editorHost,
        root: this.host.shadowRoot ?? document,
        doc: this.code,
        onChange: (code) => {
          this.code = code;
          this.onEdit(code);
        },
        ...(this.onCursor ? { onCursor: this.onCursor } : {}),
        ...(this.gutter ? { onGutterClick: (line: number) => this.gutter?.toggle(line) } : {}),
      });
      if (this.gutter) this.editor.setBreakpoints(this.gutter.breakpoints);
      if (this.marks.lines) this.editor.markLines(this.marks.lines);
      if (this.marks.error) this.editor.markError(this.marks.error.line, this.marks.error.column);
      if (this.marks.span) this.editor.markSpan(this.marks.span);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.editor.focus(this.pointer);
    } catch (error) {
      // The static view stays usable (readable, selectable, copyable) when the chunk can't load.
      this.loadingEditor = undefined;
      this.editorFailed = `The editor could not be loaded (${String(error)}). The code is shown read-only.`;
      this.host.requestUpdate();
    }
  }
}
