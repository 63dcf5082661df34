// How CodeMirror looks in our elements: Python colours and the editor's frame mapped onto the
// same theme variables as the static code view. Shared by the code editor and the console input.
import { EditorView } from '@codemirror/view';
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** Lezer's tags mapped onto the same theme variables the static view uses. */
export const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.bool, tags.null, tags.self], color: 'var(--_syntax-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--_syntax-string)' },
  { tag: [tags.number], color: 'var(--_syntax-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--_syntax-comment)', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation, tags.paren, tags.squareBracket, tags.brace, tags.derefOperator], color: 'var(--_syntax-operator)' },
  { tag: [tags.variableName, tags.propertyName, tags.name], color: 'var(--_syntax-name)' },
  { tag: tags.invalid, color: 'var(--_syntax-error)' },
]);

export const editorTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--_code-bg)', color: 'var(--_fg)', fontSize: 'var(--_code-font-size)' },
  '.cm-scroller': { fontFamily: 'var(--_font-mono)', lineHeight: 'var(--_line-height)', maxHeight: 'var(--_max-height)' },
  '.cm-content': { padding: 'var(--_space) 0', caretColor: 'var(--_fg)' },
  '.cm-line': { padding: '0 var(--_space)' },
  '&.cm-focused': { outline: '2px solid var(--_focus)', outlineOffset: '-2px' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '&.cm-focused .cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--_selection) 25%, transparent)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--_selection)' },
  '.cm-cursor': { borderLeftColor: 'var(--_fg)' },
  '.cm-linked': { backgroundColor: 'var(--_highlight)', borderRadius: '2px' },
  '.cm-error-line': { backgroundColor: 'var(--_error-bg)' },
  '.cm-error-mark': { borderLeft: '2px solid var(--_error)', marginLeft: '-1px' },
  // <py-frames>: line numbers that toggle breakpoints, and the lines a replay is at.
  '.cm-gutters': { backgroundColor: 'var(--_code-bg)', color: 'var(--_muted)', borderRight: '1px solid var(--_border)' },
  '.cm-lineNumbers .cm-gutterElement': { cursor: 'pointer', padding: '0 0.5em 0 0.9em' },
  '.cm-lineNumbers .cm-gutterElement.cm-breakpoint': {
    background: 'radial-gradient(circle at 0.45em 50%, var(--_error) 0.3em, transparent 0.32em)',
  },
  '.cm-line.line-current': { backgroundColor: 'color-mix(in srgb, var(--_highlight) 55%, transparent)' },
  '.cm-line.line-previous': { backgroundColor: 'color-mix(in srgb, var(--_selection) 35%, transparent)' },
});

