import { ComingSoonElement } from './coming-soon.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';

/** `<py-tokenizer>`: a placeholder until its widget lands. */
export class PyTokenizer extends ComingSoonElement {
  protected readonly label = 'Tokens';
  protected readonly promise = "This widget will list the tokens CPython 3.14's tokenizer makes of the code.";
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-tokenizer', PyTokenizer);

declare global {
  interface HTMLElementTagNameMap {
    'py-tokenizer': PyTokenizer;
  }
}
