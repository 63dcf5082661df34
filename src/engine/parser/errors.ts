// SyntaxError as CPython reports it, and its traceback.format_exception_only() text.
export type SyntaxErrorClass = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * SyntaxError._metadata, set by CPython's parser on the errors of its second pass: the line of
 * the last compound statement it completed (0 for none) and the source it parsed. traceback
 * reads it to look for misspelled keywords (keyword-typos.ts).
 */
export interface SyntaxErrorMetadata {
  line: number;
  source: string;
}

export class PySyntaxError extends Error {
  /** Set on the errors of the parser's second pass, as CPython sets SyntaxError._metadata. */
  metadata: SyntaxErrorMetadata | null = null;

  constructor(
    /** The Python exception class. */
    readonly type: SyntaxErrorClass,
    readonly msg: string,
    readonly filename: string | null,
    /** null (None) for the errors CPython raises before it parses, such as a null byte. */
    readonly lineno: number | null,
    /** 1-based character column, as SyntaxError.offset. */
    readonly offset: number | null,
    /** The source line (SyntaxError.text), newline included; null for the errors CPython gives none. */
    readonly text: string | null,
    readonly endLineno: number | null,
    readonly endOffset: number | null,
  ) {
    super(msg);
    this.name = type;
  }
}

/**
 * CPython's _IncompleteInputError: with `allowIncompleteInput` (codeop's flag) the source ran out
 * before the parser could finish, so more lines could still make it valid.
 */
export class PyIncompleteInputError extends Error {
  constructor() {
    super('incomplete input');
    this.name = '_IncompleteInputError';
  }
}
