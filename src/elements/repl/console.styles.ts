// How the console looks: the transcript, the prompt row, the input() field and Tab's choices.
// Colours and sizes are the element's theme variables (they inherit into this shadow root).
import { css } from 'lit';
import { syntaxStyles } from '../../styles/theme.js';

export const consoleStyles = [
  syntaxStyles,
  css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .editor {
    margin: 0;
    background: var(--_code-bg);
  }
  .static-code:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .completions button:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .console {
    background: var(--_code-bg);
    max-height: var(--_max-height);
    overflow: auto;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    line-height: var(--_line-height);
    padding: var(--_space);
    cursor: text;
  }
  /* One ring around the whole console: the input line draws none (it would cross the prompts). */
  .console:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .transcript,
  .prompt-row pre {
    margin: 0;
    font: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    tab-size: 8;
  }
  .prompt-row {
    display: flex;
  }
  .prompt-row pre {
    flex: 1;
    min-width: 0;
    padding: 0;
    background: none;
    overflow: visible;
    max-height: none;
  }
  .prompt,
  .banner,
  .note {
    color: var(--_muted);
  }
  /* Prose, not output: it wraps between words. */
  .banner {
    overflow-wrap: normal;
    text-wrap: pretty;
  }
  .prompt {
    white-space: pre;
    user-select: none;
  }
  .stderr {
    color: var(--_error);
  }
  .note {
    font-style: italic;
  }
  .answer-field {
    font: inherit;
    color: var(--_fg);
    background: transparent;
    border: none;
    border-bottom: 1px solid var(--_border);
    padding: 0;
    min-width: 12ch;
  }
  .answer-field:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .completions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5ch;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .completions {
    gap: 0.25em 0.5ch;
    margin-top: 0.25em;
  }
  /* Choices, as a terminal's completion menu lists them: small framed buttons, not links. */
  .completions button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 3px;
    min-height: 0;
    padding: 0 0.5ch;
    text-decoration: none;
    cursor: pointer;
  }
  .completions button:hover {
    border-color: var(--_focus);
  }
  `,
];
