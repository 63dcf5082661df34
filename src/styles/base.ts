import { css } from 'lit';
import { syntaxStyles } from './theme.js';

/** Layout shared by every element: the frame, toolbar, code view, error banner and status line. */
export const baseStyles = [
  syntaxStyles,
  css`
    :host {
      display: block;
      box-sizing: border-box;
      max-width: 100%;
      margin: 1em 0;
      font-family: var(--_font-ui);
      font-size: var(--_font-size);
      color: var(--_fg);
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .widget {
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
      min-width: 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding: calc(var(--_space) / 2) var(--_space);
      background: var(--_surface);
      border-bottom: 1px solid var(--_border);
    }
    .label {
      font-weight: 600;
      color: var(--_muted);
    }
    .spacer {
      flex: 1;
    }
    button {
      font: inherit;
      color: var(--_accent-fg);
      background: var(--_accent);
      border: 1px solid var(--_accent);
      border-radius: calc(var(--_radius) - 2px);
      padding: 0.2em 0.8em;
      min-height: 2em;
      cursor: pointer;
    }
    /* Reset and Copy are secondary: the one filled button in a toolbar is its action (Run). */
    button.quiet {
      color: var(--_fg);
      background: transparent;
      border-color: var(--_border);
    }
    button.quiet:hover:not(:disabled) {
      border-color: var(--_accent);
    }
    button:disabled {
      cursor: default;
      color: var(--_muted);
      background: transparent;
      border-color: var(--_border);
    }
    button:focus-visible,
    .static-code:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    .static-code,
    .editor {
      margin: 0;
      background: var(--_code-bg);
    }
    .static-code {
      padding: var(--_space);
      overflow: auto;
      max-height: var(--_max-height);
      font-family: var(--_font-mono);
      font-size: var(--_code-font-size);
      line-height: var(--_line-height);
      tab-size: 8;
      white-space: pre;
      cursor: text;
    }
    .static-code code {
      font: inherit;
    }
    .linked {
      background: var(--_highlight);
      border-radius: 2px;
    }
    .error-line {
      background: var(--_error-bg);
    }
    .error-caret {
      border-left: 2px solid var(--_error);
      margin-left: -1px;
    }
    .error {
      padding: var(--_space);
      color: var(--_error);
      background: var(--_error-bg);
      border-top: 1px solid var(--_border);
      overflow-wrap: anywhere;
    }
    .status:empty {
      display: none;
    }
    .status {
      display: flex;
      align-items: center;
      gap: var(--_space);
      padding: calc(var(--_space) / 2) var(--_space);
      color: var(--_muted);
      border-top: 1px solid var(--_border);
    }
    /* While the output's space is kept, the status line (loading Python, say) lies over its top
       instead of pushing it down: showing it, then taking it away, would move the page twice. */
    .widget.awaiting {
      position: relative;
    }
    .widget.awaiting > .status {
      position: absolute;
      left: 0;
      right: 0;
      z-index: 1;
      background: var(--_bg);
    }
    progress {
      flex: 1;
      max-width: 16rem;
      accent-color: var(--_accent);
    }
    .input-prompt {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding: calc(var(--_space) / 2) var(--_space);
      font-family: var(--_font-mono);
    }
    .input-prompt label {
      display: flex;
      flex: 1;
      align-items: center;
      white-space: pre;
    }
    .input-prompt input {
      flex: 1;
      min-width: 6rem;
      font: inherit;
      color: var(--_fg);
      background: var(--_code-bg);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) - 2px);
      padding: 0.2em 0.4em;
    }
    .note {
      margin: 0;
      padding: calc(var(--_space) / 2) var(--_space);
      color: var(--_muted);
    }
    .output {
      overflow: auto;
      max-width: 100%;
    }
    /* Kept while the output is awaited (its estimated height is reserved), so the page doesn't jump. */
    .output:empty:not(.reserved) {
      display: none;
    }
  `,
];
