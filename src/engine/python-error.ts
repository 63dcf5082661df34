/** An exception from Python, as CPython would report it. */
export interface PythonError {
  /** The exception class name, e.g. "SyntaxError". */
  type: string;
  message: string;
  /** The whole traceback text, as CPython prints it to stderr. */
  traceback: string;
  /** 1-based position in the element's code, when the error points there. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}
