import { ComingSoonElement } from './coming-soon.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';

/** `<py-repl>`: a placeholder until its widget lands. */
export class PyRepl extends ComingSoonElement {
  protected readonly label = 'Console';
  protected readonly promise = 'This widget will be a Python 3.14 console in which to try the code.';
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-repl', PyRepl);

declare global {
  interface HTMLElementTagNameMap {
    'py-repl': PyRepl;
  }
}
