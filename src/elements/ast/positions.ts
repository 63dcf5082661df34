import type { Position } from '../highlight.js';

/**
 * CPython counts a node's columns in UTF-8 bytes (`col_offset`); the code view and the editor
 * count code points (tokenizer positions). This converts between the two for one source text.
 */
export class LineColumns {
  private readonly lines: string[];

  constructor(source: string) {
    this.lines = source.split('\n');
  }

  /** The code-point column of UTF-8 byte `offset` in 1-based line `line`. */
  toCodePoints(line: number, offset: number): number {
    const text = this.lines[line - 1] ?? '';
    let bytes = 0;
    let column = 0;
    for (const char of text) {
      if (bytes >= offset) break;
      bytes += utf8Length(char.codePointAt(0)!);
      column++;
    }
    return column;
  }

  /** The UTF-8 byte offset of code-point column `column` in 1-based line `line`. */
  toBytes(line: number, column: number): number {
    const text = this.lines[line - 1] ?? '';
    let bytes = 0;
    let seen = 0;
    for (const char of text) {
      if (seen >= column) break;
      bytes += utf8Length(char.codePointAt(0)!);
      seen++;
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

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
