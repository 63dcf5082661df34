import { ComingSoonElement } from './coming-soon.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';

/** `<py-frames>`: a placeholder until its widget lands. */
export class PyFrames extends ComingSoonElement {
  protected readonly label = 'Frames';
  protected readonly promise = 'This widget will step through a recorded run of the code, frame by frame.';
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-frames', PyFrames);

declare global {
  interface HTMLElementTagNameMap {
    'py-frames': PyFrames;
  }
}
