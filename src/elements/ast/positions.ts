import type { Position } from '../highlight.js';

/**
 * CPython counts a node's columns in UTF-8 bytes (`col_offset`); the code view and the editor
 * count code points (tokenizer positions). This converts between the two for one source text.
 */
export class LineColumns {
  private readonly lines: string[];
  /** Per line, whether it is all ASCII: then bytes and code points count alike (the usual case). */
  private readonly ascii: boolean[];

  constructor(source: string) {
    this.lines = source.split('\n');
    // eslint-disable-next-line no-control-regex
    this.ascii = this.lines.map((line) => /^[\x00-\x7f]*$/.test(line));
  }

  /** The code-point column of UTF-8 byte `offset` in 1-based line `line`. */
  toCodePoints(line: number, offset: number): number {
    if (this.ascii[line - 1] !== false) return offset;
    const text = this.lines[line - 1]!;
    let bytes = 0;
    let column = 0;
    for (let i = 0; i < text.length && bytes < offset; i++, column++) {
      const [size, units] = sizeAt(text, i);
      bytes += size;
      i += units - 1;
    }
    return column;
  }

  /** The UTF-8 byte offset of code-point column `column` in 1-based line `line`. */
  toBytes(line: number, column: number): number {
    if (this.ascii[line - 1] !== false) return column;
    const text = this.lines[line - 1]!;
    let bytes = 0;
    for (let i = 0, seen = 0; i < text.length && seen < column; i++, seen++) {
      const [size, units] = sizeAt(text, i);
      bytes += size;
      i += units - 1;
    }
    return bytes;
  }

  /** A node's span (CPython's byte offsets) as tokenizer positions. */
  span(node: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number }): { start: Position; end: Position } {
    return {
      start: [node.lineno, this.toCodePoints(node.lineno, node.col_offset)],
      end: [node.end_lineno, this.toCodePoints(node.end_lineno, node.end_col_offset)],
    };
  }
}

/** The UTF-8 size of the code point at UTF-16 index `i`, and how many UTF-16 units it takes. */
function sizeAt(text: string, i: number): [bytes: number, units: number] {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return [1, 1];
  if (unit < 0x800) return [2, 1];
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return [4, 2];
  }
  return [3, 1];
}
