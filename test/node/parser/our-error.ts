// A parse's SyntaxError in the terms of CPython's (test/oracle/ast.ts), for comparing the two.
import { parse, PySyntaxError, formatSyntaxError } from '../../../src/engine/parser/index.js';
import type { ExpectedSyntaxError } from '../../oracle/ast.js';

/** Our error for a source, in CPython's terms, or a description of what went wrong. */
export function ourError(source: string): ExpectedSyntaxError | string {
  try {
    parse(source);
    return 'parsed without error';
  } catch (e) {
    if (!(e instanceof PySyntaxError)) return `crashed: ${(e as Error).stack ?? e}`;
    const got: ExpectedSyntaxError = {
      type: e.type,
      msg: e.msg,
      lineno: e.lineno,
      offset: e.offset,
      end_lineno: e.endLineno,
      end_offset: e.endOffset,
      text: e.text,
      formatted: formatSyntaxError(e),
    };
    // None in CPython: absent from its fixture, as Pyodide converts it.
    for (const key of ['lineno', 'offset', 'end_lineno', 'end_offset', 'text'] as const) {
      if (got[key] === null) delete (got as Partial<ExpectedSyntaxError>)[key];
    }
    return got;
  }
}
