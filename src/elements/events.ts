import type { Token, TokenizeError } from '../engine/tokenizer/index.js';
import type { DisTree } from '../engine/dis/types.js';
import type { Trace } from '../engine/trace/format.js';
import type { RunOutcome } from '../engine/runtime/types.js';
import type { JsonValue } from './ast/tree-json.js';

/** Detail of `py-error`: what went wrong and, when it is about the code, where. */
export interface PyErrorDetail {
  message: string;
  /** A short label for the kind of problem, e.g. "SyntaxError" or "Configuration". */
  kind: string;
  /** 1-based line in the element's code, when the error points at the code. */
  line?: number;
  /** 1-based column in that line (counted in characters), when known. */
  column?: number;
}

/** Detail of `py-engine`: progress of loading an interpreter. */
export interface PyEngineDetail {
  engine: string;
  phase: string;
  /** Bytes loaded so far and expected in all, when the phase downloads. */
  loaded?: number;
  total?: number;
}

/** `<py-tokenizer>`'s `py-result`: the tokens, up to the tokenize error if there is one. */
export interface TokenizerResultDetail {
  tokens: Token[];
  error: TokenizeError | undefined;
}

/** `<py-dis>`'s `py-result`: what dis.dis prints, and the code objects it came from. */
export interface DisResultDetail {
  text: string;
  code: DisTree;
}

/** `<py-frames>`'s `py-result`: a finished recording, and the current step as text. */
export interface FramesResultDetail {
  trace: Trace;
  text: string;
}

/** `<py-repl>`'s `py-result`, after each input. */
export interface ReplResultDetail {
  /** The input as typed (several lines for a block). */
  input: string;
  /** What it printed: stdout, stderr, echoes. */
  output: string;
  status: RunOutcome['status'];
  /** The whole transcript (element.text). */
  text: string;
}

/** A SyntaxError as `<py-ast>` reports it: CPython's class, message and place (1-based, in characters). */
export interface AstSyntaxErrorDetail {
  type: 'SyntaxError' | 'IndentationError' | 'TabError';
  message: string;
  /** null where CPython's SyntaxError has None (a null byte in the source: no position). */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
}

/** `<py-ast>`'s `py-result`: ast.dump's text (or the SyntaxError), and the tree as JSON. */
export interface AstResultDetail {
  /** element.text: what ast.dump prints with the element's options, or the SyntaxError as CPython reports it. */
  text: string;
  /** element.tree; null while the code doesn't parse. */
  tree: JsonValue | null;
  error: AstSyntaxErrorDetail | null;
}

export type PyResultDetail = TokenizerResultDetail | DisResultDetail | FramesResultDetail | ReplResultDetail | AstResultDetail;

export interface PyEventMap<Result = PyResultDetail> {
  'py-result': CustomEvent<Result>;
  'py-error': CustomEvent<PyErrorDetail>;
  'py-engine': CustomEvent<PyEngineDetail>;
}

declare global {
  // Our events bubble, so any element (and `document`) can listen for them.
  interface HTMLElementEventMap {
    'py-result': CustomEvent<PyResultDetail>;
    'py-error': CustomEvent<PyErrorDetail>;
    'py-engine': CustomEvent<PyEngineDetail>;
  }
  interface DocumentEventMap {
    'py-result': CustomEvent<PyResultDetail>;
    'py-error': CustomEvent<PyErrorDetail>;
    'py-engine': CustomEvent<PyEngineDetail>;
  }
}

/** Our events bubble and cross shadow roots so a page can listen on `document`. */
export function emit<K extends keyof PyEventMap<unknown>>(
  target: EventTarget,
  type: K,
  detail: PyEventMap<unknown>[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/**
 * The `py-error` detail for an exception from Python (or the tokenizer): its type as the kind,
 * and the position when there is one. The one mapping every element uses.
 */
export function pythonErrorDetail(error: { type: string; message: string; line?: number | null; column?: number | null }): PyErrorDetail {
  return {
    kind: error.type,
    message: error.message,
    ...(error.line !== undefined && error.line !== null ? { line: error.line } : {}),
    ...(error.column !== undefined && error.column !== null ? { column: error.column } : {}),
  };
}
