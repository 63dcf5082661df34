import { assert } from 'chai';
import { defineElement } from '../../src/elements/define-element.js';

describe('defineElement', () => {
  it('leaves a tag defined by another library alone and warns once', () => {
    class Theirs extends HTMLElement {}
    class Ours extends HTMLElement {}
    customElements.define('py-other-lib', Theirs);
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      defineElement('py-other-lib', Ours);
      defineElement('py-other-lib', Ours);
    } finally {
      console.warn = original;
    }
    assert.equal(customElements.get('py-other-lib'), Theirs);
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0]![0]), /<py-other-lib> is already defined by another script/);
  });

  it('defines the tag when it is free', () => {
    class Free extends HTMLElement {}
    defineElement('py-free-tag', Free);
    assert.equal(customElements.get('py-free-tag'), Free);
  });
});
