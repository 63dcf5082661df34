import { ComingSoonElement } from './coming-soon.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';

/** `<py-dis>`: a placeholder until its widget lands. */
export class PyDis extends ComingSoonElement {
  protected readonly label = 'Bytecode';
  protected readonly promise = 'This widget will show the bytecode CPython 3.14 compiles the code to, exactly as dis.dis prints it.';
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-dis', PyDis);

declare global {
  interface HTMLElementTagNameMap {
    'py-dis': PyDis;
  }
}
