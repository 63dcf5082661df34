/**
 * The CodeMirror 6 editor. This module and everything it imports form the lazily loaded
 * "editor" chunk: nothing here may be imported statically by an element.
 */
import { EditorView, keymap, highlightActiveLine, drawSelection, Decoration, WidgetType, lineNumbers, gutterLineClass, GutterMarker, type DecorationSet } from '@codemirror/view';
import { EditorState, Compartment, StateEffect, StateField, RangeSet, type Text } from '@codemirror/state';
import { unitOffset, codePointCount } from '../columns.js';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, indentOnInput, bracketMatching, indentUnit } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { editorTheme, highlightStyle } from './python-style.js';

export interface PythonEditor {
  setDoc(code: string): void;
  setReadonly(readonly: boolean): void;
  /** Marks a 1-based line and column, or clears the mark. */
  markError(line: number | undefined, column: number | undefined): void;
  /** Highlights a span given as tokenizer positions (1-based line, code-point column), or clears it. */
  markSpan(span: { start: readonly [number, number]; end: readonly [number, number] } | undefined): void;
  /** Gives whole lines classes (e.g. `current`), by 1-based line number. */
  markLines(lines: ReadonlyMap<number, string>): void;
  /** Marks these 1-based lines as breakpoints in the line-number gutter. */
  setBreakpoints(lines: ReadonlySet<number>): void;
  /** Focuses the editor, putting the cursor at the given screen point when there is one. */
  focus(at?: { x: number; y: number }): void;
  destroy(): void;
}

export interface PythonEditorOptions {
  parent: HTMLElement;
  /** The shadow root the editor will live in. CodeMirror must know it up front when `parent`
   * is not attached yet, or it reads the selection from the document and misplaces the cursor. */
  root: ShadowRoot | Document;
  doc: string;
  onChange: (code: string) => void;
  /** Called when the cursor moves, with a tokenizer-style position. */
  onCursor?: (at: [line: number, column: number]) => void;
  /** Shows line numbers; a click on one calls this with its 1-based line. */
  onGutterClick?: (line: number) => void;
}

/**
 * A set of decorations that one effect replaces wholesale (and that edits move along with the
 * text): how the element marks the error position and the span linked to a hovered row.
 */
function decorationField<T>(build: (value: T, doc: Text) => DecorationSet) {
  const set = StateEffect.define<T>();
  const field = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(marks, transaction) {
      marks = marks.map(transaction.changes);
      for (const effect of transaction.effects) {
        if (effect.is(set)) marks = build(effect.value, transaction.state.doc);
      }
      return marks;
    },
    provide: (field) => EditorView.decorations.from(field),
  });
  return { set, field };
}

/** The error position: the whole line tinted, and a bar before the column. */
const errorMark = decorationField<{ line: number; column: number | undefined } | null>((at, doc) => {
  if (!at || at.line < 1 || at.line > doc.lines) return Decoration.none;
  const line = doc.line(at.line);
  const ranges = [Decoration.line({ class: 'cm-error-line' }).range(line.from)];
  if (at.column !== undefined) {
    const pos = Math.min(line.from + unitOffset(line.text, at.column - 1), line.to);
    ranges.push(Decoration.widget({ widget: new ErrorCaret(), side: -1 }).range(pos));
  }
  return Decoration.set(ranges, true);
});

/** The span linked to what the reader points at outside the editor (a token row, say). */
const linkedSpan = decorationField<{ from: number; to: number } | null>((span) =>
  span && span.to > span.from
    ? Decoration.set([Decoration.mark({ class: 'cm-linked' }).range(span.from, span.to)])
    : Decoration.none,
);

/** Classes for whole lines, replaced wholesale by the element (the line a replay is at). */
const lineClasses = decorationField<ReadonlyMap<number, string>>((lines, doc) =>
  Decoration.set(
    [...lines]
      .filter(([line]) => line >= 1 && line <= doc.lines)
      .sort(([a], [b]) => a - b)
      .map(([line, cls]) => Decoration.line({ class: cls }).range(doc.line(line).from)),
  ),
);

class BreakpointMarker extends GutterMarker {
  override elementClass = 'cm-breakpoint';
}
const breakpointMarker = new BreakpointMarker();

/** Breakpoint lines, shown as a class on their line number (`gutterLineClass`). */
const breakpointLines = (() => {
  const set = StateEffect.define<ReadonlySet<number>>();
  const field = StateField.define<RangeSet<GutterMarker>>({
    create: () => RangeSet.empty,
    update(marks, transaction) {
      marks = marks.map(transaction.changes);
      for (const effect of transaction.effects) {
        if (!effect.is(set)) continue;
        const doc = transaction.state.doc;
        const lines = [...effect.value].filter((line) => line >= 1 && line <= doc.lines).sort((a, b) => a - b);
        marks = RangeSet.of(lines.map((line) => breakpointMarker.range(doc.line(line).from)));
      }
      return marks;
    },
    provide: (field) => gutterLineClass.from(field),
  });
  return { set, field };
})();

class ErrorCaret extends WidgetType {
  toDOM(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = 'cm-error-mark';
    mark.setAttribute('aria-hidden', 'true');
    return mark;
  }
}

export function createPythonEditor(options: PythonEditorOptions): PythonEditor {
  const readonly = new Compartment();
  let settingDoc = false;
  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        python(),
        syntaxHighlighting(highlightStyle),
        editorTheme,
        errorMark.field,
        linkedSpan.field,
        lineClasses.field,
        options.onGutterClick
          ? [
              breakpointLines.field,
              lineNumbers({
                domEventHandlers: {
                  mousedown(view, block) {
                    options.onGutterClick?.(view.state.doc.lineAt(block.from).number);
                    return true;
                  },
                },
              }),
            ]
          : [],
        // PEP 8: four spaces a level, for Enter after a colon and for Tab / Shift+Tab.
        indentUnit.of('    '),
        EditorState.tabSize.of(8),
        // indentWithTab keeps CodeMirror's escape hatch: Escape, then Tab, leaves the editor.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        readonly.of(EditorState.readOnly.of(false)),
        EditorView.contentAttributes.of({ 'aria-label': 'Python code, editable. Press Escape then Tab to leave.' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !settingDoc) options.onChange(update.state.doc.toString());
          if (options.onCursor && (update.selectionSet || update.docChanged) && update.view.hasFocus) {
            const head = update.state.selection.main.head;
            const line = update.state.doc.lineAt(head);
            options.onCursor([line.number, codePointCount(line.text.slice(0, head - line.from))]);
          }
        }),
      ],
    }),
  });
  return {
    setDoc(code) {
      if (code === view.state.doc.toString()) return;
      settingDoc = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
      settingDoc = false;
    },
    setReadonly(value) {
      view.dispatch({ effects: readonly.reconfigure(EditorState.readOnly.of(value)) });
    },
    markSpan(span) {
      const doc = view.state.doc;
      const toOffset = ([line, column]: readonly [number, number]): number => {
        if (line > doc.lines) return doc.length;
        const text = doc.line(line);
        return Math.min(text.from + unitOffset(text.text, column), text.to);
      };
      view.dispatch({ effects: linkedSpan.set.of(span ? { from: toOffset(span.start), to: toOffset(span.end) } : null) });
    },
    markLines(lines) {
      view.dispatch({ effects: lineClasses.set.of(lines) });
    },
    setBreakpoints(lines) {
      view.dispatch({ effects: breakpointLines.set.of(lines) });
    },
    markError(line, column) {
      view.dispatch({ effects: errorMark.set.of(line === undefined ? null : { line, column }) });
    },
    focus(at) {
      const pos = at ? view.posAtCoords(at) : null;
      if (pos !== null) view.dispatch({ selection: { anchor: pos } });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
