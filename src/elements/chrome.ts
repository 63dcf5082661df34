// The parts of every element's frame that only show state: the error banner and the status
// line. PyElement owns the state; these render it.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PyErrorDetail } from './events.js';

export interface StatusState {
  message: string;
  /** 0..1 for a known fraction; `null` shows an indeterminate bar; undefined shows none. */
  progress?: number | null;
}

/** The error banner, with the buttons an element offers for it (e.g. Retry) after the message. */
export function renderErrorBanner(error: PyErrorDetail | undefined, actions: TemplateResult | typeof nothing): TemplateResult | typeof nothing {
  if (!error) return nothing;
  const where =
    error.line !== undefined ? ` at line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}` : '';
  return html`<div class="error" part="error" role="alert">
    <strong>${error.kind}${where}:</strong> ${error.message}
    ${actions}
  </div>`;
}

/** The status line, with a progress bar when the status has a progress. */
export function renderStatusLine(status: StatusState | undefined): TemplateResult {
  const content = status
    ? html`<span>${status.message}</span>${status.progress === undefined
          ? nothing
          : html`<progress part="progress" aria-label=${status.message} max="1" value=${ifDefined(status.progress ?? undefined)}></progress>`}`
    : nothing;
  // The live region stays in the DOM (empty and hidden when idle) so screen readers
  // announce the messages put into it.
  return html`<div class="status" part="status" role="status" aria-live="polite">${content}</div>`;
}
