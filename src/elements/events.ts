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

export interface PyEventMap {
  'py-result': CustomEvent<unknown>;
  'py-error': CustomEvent<PyErrorDetail>;
  'py-engine': CustomEvent<PyEngineDetail>;
}

/** Our events bubble and cross shadow roots so a page can listen on `document`. */
export function emit<K extends keyof PyEventMap>(
  target: EventTarget,
  type: K,
  detail: PyEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
