// What Enter does at the console's prompt, as CPython 3.14's line editor decides it (_pyrepl's
// maybe_accept): the input may run, or get a new line, auto-indented. Whether the input is
// complete is the interpreter's call (codeop), so "ask" sends it and a `more` answer means a
// new line after all.

export type EnterAction =
  /** Insert this text (a newline and its indentation) at the cursor. */
  | { kind: 'newline'; insert: string }
  /** Send the input: it runs if complete, else the answer is `more` and `afterMore` is inserted. */
  | { kind: 'ask'; afterMore: string }
  /** Run the input as it is, complete or not (Enter on a blank line ending a block). */
  | { kind: 'run' };

const isSpace = (text: string) => text !== '' && /^\s+$/.test(text);

/**
 * `text` is the whole input, `pos` the cursor; `indentUnit` the indentation the reader used
 * last (the line editor remembers the first indentation of an earlier input; four spaces until then).
 */
export function enterAction(text: string, pos: number, indentUnit: string): EnterAction {
  const after = text.slice(pos);
  // A blank line (only whitespace around the cursor, a newline before it) ends the input.
  let before = pos - 1;
  while (before > 0 && /\s/.test(text[before]!)) before--;
  const endsBlock = text.slice(Math.max(before, 0), pos).includes('\n') && isSpace(after);
  if (endsBlock) return { kind: 'run' };
  const insert = newlineAt(text, pos, indentUnit);
  // Not on the last line: Enter always breaks the line.
  if (after.includes('\n')) return { kind: 'newline', insert };
  return { kind: 'ask', afterMore: insert };
}

/** A newline plus the previous line's indentation, and one more level after a `:`. */
export function newlineAt(text: string, pos: number, indentUnit: string): string {
  let lineStart = pos;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  let textStart = lineStart;
  while (textStart < pos && (text[textStart] === ' ' || text[textStart] === '\t')) textStart++;
  // A line with nothing but indentation before the cursor passes none on.
  const indent = textStart === pos ? '' : text.slice(lineStart, textStart);
  const unit = firstIndentation(text) ?? indentUnit;
  return `\n${indent}${endsWithColon(text, pos) ? unit : ''}`;
}

/** The indentation of the first indented line with text, if any (what the editor reuses). */
export function firstIndentation(text: string): string | undefined {
  return /\n([ \t]+)[^ \t\n]/.exec(text)?.[1];
}

/** Whether the last character before `pos`, ignoring whitespace and comments, is a colon. */
function endsWithColon(text: string, pos: number): boolean {
  let last: string | undefined;
  while (pos > 0) {
    pos--;
    const char = text[pos]!;
    if (last === undefined) {
      if (!' \t\n#'.includes(char)) last = char;
    } else {
      // Keep going back to the line's start: what was found may be inside a comment.
      if (char === '\n') break;
      if (char === '#') last = undefined;
    }
  }
  return last === ':';
}
