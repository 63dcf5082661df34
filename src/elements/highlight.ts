import { html, type TemplateResult } from 'lit';
import { highlightClasses, type HighlightClass } from './token-classes.js';

interface Segment {
  text: string;
  cls: HighlightClass | undefined;
}

/**
 * Renders code as highlighted lines for the static code view, using our exact tokenizer (so the
 * colours agree with <py-tokenizer>). Text after a tokenize error is shown unstyled. The error
 * position, if any, tints its line and puts a caret before its (1-based) column.
 */
export function highlightPython(
  code: string,
  errorAt?: { line: number; column: number | undefined },
): TemplateResult[] {
  const lines = code.split('\n');
  const segments = lines.map(() => [] as Segment[]);
  const covered = lines.map(() => 0); // UTF-16 offset up to which each line has segments
  const push = (line: number, to: number, cls: HighlightClass | undefined): void => {
    const text = lines[line]!;
    const from = covered[line]!;
    if (to <= from) return;
    segments[line]!.push({ text: text.slice(from, to), cls });
    covered[line] = to;
  };
  for (const span of highlightClasses(code)) {
    // Tokenizer positions are 1-based lines and code-point columns.
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
    const isError = errorAt !== undefined && errorAt.line === index + 1;
    const parts = isError && errorAt.column !== undefined
      ? withCaret(segments[index]!, unitOffset(text, errorAt.column - 1))
      : segments[index]!.map(renderSegment);
    const newline = index < lines.length - 1 ? '\n' : '';
    return isError ? html`<span class="error-line">${parts}</span>${newline}` : html`${parts}${newline}`;
  });
}

function renderSegment(segment: Segment): TemplateResult | string {
  return segment.cls ? html`<span class=${`tok-${segment.cls}`}>${segment.text}</span>` : segment.text;
}

/** Splits the line's segments at `offset` and puts the caret mark there. */
function withCaret(segments: Segment[], offset: number): Array<TemplateResult | string> {
  const out: Array<TemplateResult | string> = [];
  let position = 0;
  let placed = false;
  const caret = html`<span class="error-caret" aria-hidden="true"></span>`;
  for (const segment of segments) {
    const end = position + segment.text.length;
    if (!placed && offset >= position && offset < end) {
      const cut = offset - position;
      if (cut > 0) out.push(renderSegment({ ...segment, text: segment.text.slice(0, cut) }));
      out.push(caret);
      out.push(renderSegment({ ...segment, text: segment.text.slice(cut) }));
      placed = true;
    } else {
      out.push(renderSegment(segment));
    }
    position = end;
  }
  if (!placed) out.push(caret);
  return out;
}

/** Converts a code-point column into a UTF-16 offset within `text`. */
function unitOffset(text: string, column: number): number {
  let offset = 0;
  for (let seen = 0; seen < column && offset < text.length; seen++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}
