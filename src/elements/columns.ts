/**
 * Python reports columns in code points; JavaScript strings and CodeMirror count UTF-16 units.
 * This converts a code-point column within one line of text into a UTF-16 offset.
 */
export function unitOffset(text: string, column: number): number {
  let offset = 0;
  for (let seen = 0; seen < column && offset < text.length; seen++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

/** The number of code points in `text`: a UTF-16 offset turned back into a Python column. */
export function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
