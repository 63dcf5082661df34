// Offsets: CPython's nodes count UTF-8 bytes, its SyntaxErrors count characters (code points).

/**
 * _PyPegen_byte_offset_to_character_offset: how many characters the first `byteCol` bytes of
 * the line decode to (the column is 1-based, so this is the 1-based character column); past the
 * end, the line's terminating NUL counts as one more.
 */
export function byteToCharOffset(line: string, byteCol: number): number {
  if (byteCol <= 0) return byteCol;
  const len = utf8Len(line);
  const col = Math.min(byteCol, len + 1);
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < col; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
    chars++;
  }
  return col > len ? chars + 1 : chars;
}

/** UTF-8 length of a whole string. */
export function utf8Len(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff) i++, (n += 2);
      else n += 2;
    }
  }
  return n;
}

/** UTF-16 offset into `line` of a byte column. */
export function byteColToIndex(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteCol) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (bytes += 4), i++;
    else bytes += 3;
    i++;
  }
  return i;
}
