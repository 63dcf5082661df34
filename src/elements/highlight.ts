import { html, type TemplateResult } from 'lit';
import type { HighlightClass, HighlightSpan } from '../engine/tokenizer/index.js';
import { unitOffset } from './columns.js';

/** Tokenizer-style position: 1-based line, 0-based column in code points. */
export type Position = readonly [line: number, column: number];

export interface CodeMarks {
  /** An error: its line is tinted and a caret stands before the 1-based column. */
  error?: { line: number; column: number | undefined } | undefined;
  /** A span linked to something the reader points at (a token, an instruction). */
  span?: { start: Position; end: Position } | undefined;
  /** Classes for whole lines, by 1-based line number (e.g. the line a replay is at). */
  lines?: ReadonlyMap<number, string> | undefined;
  /**
   * Line numbers in a gutter, with breakpoints marked (<py-frames>). The numbers are drawn by
   * CSS (`content: attr(data-number)`), so the view's text stays the code alone.
   */
  gutter?: { breakpoints: ReadonlySet<number> } | undefined;
}

interface Piece {
  text: string;
  cls: HighlightClass | undefined;
  marked: boolean;
}

/**
 * Renders code as lines for the static code view, coloured by `spans` (from the exact
 * tokenizer's highlightSpans; none while it loads). Text after a tokenize error has no spans
 * and is shown unstyled.
 */
export function highlightPython(code: string, spans: readonly HighlightSpan[], marks: CodeMarks = {}): TemplateResult[] {
  const lines = code.split('\n');
  const pieces = lines.map(() => [] as Piece[]);
  const covered = lines.map(() => 0); // UTF-16 offset up to which each line has pieces
  const push = (line: number, to: number, cls: HighlightClass | undefined): void => {
    const from = covered[line]!;
    if (to <= from) return;
    pieces[line]!.push({ text: lines[line]!.slice(from, to), cls, marked: false });
    covered[line] = to;
  };
  for (const span of spans) {
    const startLine = span.start[0] - 1;
    const endLine = span.end[0] - 1;
    if (startLine >= lines.length) break;
    push(startLine, unitOffset(lines[startLine]!, span.start[1]), undefined);
    for (let line = startLine; line <= endLine && line < lines.length; line++) {
      const to = line === endLine ? unitOffset(lines[line]!, span.end[1]) : lines[line]!.length;
      push(line, to, span.cls);
    }
  }
  return lines.map((text, index) => {
    push(index, text.length, undefined);
    let linePieces = pieces[index]!;
    const range = marks.span && lineRange(marks.span, index + 1, text);
    if (range) linePieces = markRange(linePieces, range[0], range[1]);
    const error = marks.error?.line === index + 1 ? marks.error : undefined;
    const caretAt = error?.column !== undefined ? Math.min(unitOffset(text, error.column - 1), text.length) : undefined;
    const parts = renderPieces(linePieces, caretAt);
    const newline = index < lines.length - 1 ? '\n' : '';
    const lineClass = marks.lines?.get(index + 1) ?? '';
    const gutter = marks.gutter
      ? html`<span
          class=${['gutter', marks.gutter.breakpoints.has(index + 1) ? 'breakpoint' : '', lineClass].filter(Boolean).join(' ')}
          data-line=${index + 1}
          data-number=${String(index + 1).padStart(String(lines.length).length)}
          aria-hidden="true"
        ></span>`
      : '';
    const classes = [error ? 'error-line' : '', lineClass].filter(Boolean).join(' ');
    return classes ? html`${gutter}<span class=${classes}>${parts}</span>${newline}` : html`${gutter}${parts}${newline}`;
  });
}

/** The UTF-16 range of `span` within line `line`, or undefined when the span misses it. */
function lineRange(span: { start: Position; end: Position }, line: number, text: string): [number, number] | undefined {
  if (line < span.start[0] || line > span.end[0]) return undefined;
  const from = line === span.start[0] ? unitOffset(text, span.start[1]) : 0;
  const to = line === span.end[0] ? unitOffset(text, span.end[1]) : text.length;
  return from < to || (from === to && span.start[0] !== span.end[0]) ? [from, to] : undefined;
}

/** Splits pieces at `from` and `to` and flags those in between as marked. */
function markRange(pieces: Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let position = 0;
  for (const piece of pieces) {
    const start = position;
    const end = position + piece.text.length;
    position = end;
    const cuts = [start, Math.min(Math.max(from, start), end), Math.min(Math.max(to, start), end), end];
    for (let i = 0; i < 3; i++) {
      const a = cuts[i]!;
      const b = cuts[i + 1]!;
      if (b > a) out.push({ ...piece, text: piece.text.slice(a - start, b - start), marked: i === 1 });
    }
  }
  return out;
}

function renderPieces(pieces: Piece[], caretAt: number | undefined): Array<TemplateResult | string> {
  const out: Array<TemplateResult | string> = [];
  const caret = html`<span class="error-caret" aria-hidden="true"></span>`;
  let position = 0;
  for (const piece of pieces) {
    const end = position + piece.text.length;
    if (caretAt !== undefined && caretAt >= position && caretAt < end) {
      const cut = caretAt - position;
      if (cut > 0) out.push(renderPiece({ ...piece, text: piece.text.slice(0, cut) }));
      out.push(caret, renderPiece({ ...piece, text: piece.text.slice(cut) }));
      caretAt = undefined;
    } else {
      out.push(renderPiece(piece));
    }
    position = end;
  }
  if (caretAt !== undefined) out.push(caret);
  return out;
}

function renderPiece(piece: Piece): TemplateResult | string {
  const classes = [piece.cls ? `tok-${piece.cls}` : '', piece.marked ? 'linked' : ''].filter(Boolean).join(' ');
  return classes ? html`<span class=${classes}>${piece.text}</span>` : piece.text;
}
