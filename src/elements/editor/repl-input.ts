/**
 * The console's input line: CodeMirror 6 with Python highlighting, the `>>> ` / `... ` prompts
 * in a gutter, and the console's keys handed to the element. Part of the lazily loaded "editor"
 * chunk: nothing here may be imported statically by an element.
 */
import { EditorView, keymap, drawSelection, lineNumbers } from '@codemirror/view';
import { EditorState, Compartment, Prec } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentLess, insertNewlineAndIndent } from '@codemirror/commands';
import { syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { editorTheme, highlightStyle } from './python-style.js';

export interface ReplInput {
  readonly text: string;
  /** The cursor's offset in the text. */
  readonly cursor: number;
  /** Replaces the whole input, the cursor at its end. */
  setText(text: string): void;
  /** Inserts at the cursor (replacing the selection). */
  insert(text: string): void;
  /** Replaces `from`..`to` with `text`, the cursor after it (or left where it is, with `keepCursor`). */
  replace(from: number, to: number, text: string, keepCursor?: boolean): void;
  /** While code runs: no prompt; typing goes on (it waits for its turn, as in a terminal). */
  setBusy(busy: boolean): void;
  focus(): void;
  destroy(): void;
}

/** The console's keys; each returns whether it handled the key. */
export interface ReplKeys {
  enter(): boolean;
  /** Up on the first line: the previous history entry. */
  historyUp(): boolean;
  /** Down on the last line: the next history entry. */
  historyDown(): boolean;
  /** Tab: complete the word before the cursor (or indent where there is none). */
  complete(): boolean;
  /** Ctrl+C without a selection: interrupt, as in a terminal. */
  interrupt(): boolean;
  /** Ctrl+L: clear the screen. */
  clearScreen(): boolean;
  /** Escape: close the completions list, if shown. */
  escape(): boolean;
}

export interface ReplInputOptions {
  parent: HTMLElement;
  /** The shadow root the editor lives in (see PythonEditorOptions.root). */
  root: ShadowRoot | Document;
  doc: string;
  /** What screen readers call the input (it says how to use it). */
  label: string;
  keys: ReplKeys;
  onChange: (text: string) => void;
}

const replTheme = EditorView.theme({
  '.cm-scroller': { maxHeight: 'none' },
  '.cm-content': { padding: '0' },
  // The console draws the focus ring around itself: one drawn here would cross the prompts.
  '&.cm-focused': { outline: 'none' },
  '.cm-line': { padding: '0' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--_muted)' },
  // Four characters wide, like the terminal's `>>> `: the code lines up with the transcript's.
  '.cm-gutter.cm-lineNumbers': { minWidth: '4ch' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0', minWidth: '4ch', textAlign: 'left' },
});

export function createReplInput(options: ReplInputOptions): ReplInput {
  const prompts = new Compartment();
  const promptGutter = (shown: boolean) =>
    // The prompts are the "line numbers": `>>> ` on the first line, `... ` on the others.
    lineNumbers({ formatNumber: (n) => (shown ? (n === 1 ? '>>>' : '...') : '') });
  const onFirstLine = (view: EditorView) => view.state.doc.lineAt(view.state.selection.main.head).number === 1;
  const onLastLine = (view: EditorView) => view.state.doc.lineAt(view.state.selection.main.head).number === view.state.doc.lines;
  const { keys } = options;
  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      selection: { anchor: options.doc.length },
      extensions: [
        // Before the default keys: Enter, Up, Down and Tab mean what they mean in a console.
        Prec.highest(
          keymap.of([
            { key: 'Enter', run: () => keys.enter() },
            { key: 'Shift-Enter', run: insertNewlineAndIndent },
            { key: 'ArrowUp', run: (view) => onFirstLine(view) && keys.historyUp() },
            { key: 'ArrowDown', run: (view) => onLastLine(view) && keys.historyDown() },
            // Escape first, then Tab, leaves the input (CodeMirror's tab-focus mode skips this).
            { key: 'Tab', run: () => keys.complete() },
            // (By the indent unit: four spaces.)
            { key: 'Shift-Tab', run: indentLess },
            { key: 'Ctrl-c', run: (view) => view.state.selection.main.empty && keys.interrupt() },
            { key: 'Ctrl-l', run: () => keys.clearScreen() },
            { key: 'Escape', run: () => keys.escape() },
          ]),
        ),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        python(),
        indentUnit.of('    '),
        EditorState.tabSize.of(8),
        syntaxHighlighting(highlightStyle),
        editorTheme,
        // Over the code editor's look: the input sits in the console, flush with the transcript.
        Prec.high(replTheme),
        prompts.of(promptGutter(true)),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    get text() {
      return view.state.doc.toString();
    },
    get cursor() {
      return view.state.selection.main.head;
    },
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length }, scrollIntoView: true });
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true });
    },
    replace(from, to, text, keepCursor = false) {
      const changes = { from, to, insert: text };
      // (A kept cursor moves with the text, as CodeMirror maps it through the change.)
      view.dispatch({ changes, ...(keepCursor ? {} : { selection: { anchor: from + text.length } }), scrollIntoView: true });
    },
    setBusy(value) {
      view.dispatch({ effects: prompts.reconfigure(promptGutter(!value)) });
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
