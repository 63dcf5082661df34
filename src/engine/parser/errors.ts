// SyntaxError as CPython reports it, and its traceback.format_exception_only() text.
export type SyntaxErrorClass = 'SyntaxError' | 'IndentationError' | 'TabError';

export class PySyntaxError extends Error {
  constructor(
    /** The Python exception class. */
    readonly type: SyntaxErrorClass,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    /** 1-based character column, as SyntaxError.offset. */
    readonly offset: number,
    /** The source line (SyntaxError.text), newline included; null for the errors CPython gives none. */
    readonly text: string | null,
    readonly endLineno: number,
    readonly endOffset: number,
  ) {
    super(msg);
    this.name = type;
  }
}
