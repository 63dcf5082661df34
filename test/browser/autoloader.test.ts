// The entry as a loader: it defines a tag only once the tag is in the page.
import { assert } from 'chai';
import { getConfig } from '../../src/index.js';
import { TAGS } from '../../src/autoloader.js';
import { shadow, until } from './support/dom.js';

describe('the entry (autoloader)', () => {
  it('knows every element and defines none that the page does not use', () => {
    assert.deepEqual(TAGS, ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast']);
    for (const tag of TAGS) assert.isUndefined(customElements.get(tag), `<${tag}> was defined before it appeared`);
    assert.equal(getConfig().engine, 'pyodide');
  });

  it('defines a tag added later, deep inside new markup, and upgrades it with its code shown', async () => {
    const holder = document.createElement('section');
    holder.innerHTML = '<div><p><py-tokenizer>x = 1</py-tokenizer></p></div>';
    document.body.append(holder);
    const element = await until(() => (customElements.get('py-tokenizer') ? holder.querySelector('py-tokenizer') : null), '<py-tokenizer> to be defined');
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    assert.equal(shadow(element as HTMLElement).querySelector('.static-code')!.textContent, 'x = 1');
    assert.isUndefined(customElements.get('py-repl'), 'only the tag that appeared was loaded');
    holder.remove();
  });

  it('defines a tag created by a script and appended as itself', async () => {
    const element = document.createElement('py-repl');
    document.body.append(element);
    await customElements.whenDefined('py-repl');
    assert.instanceOf(element, customElements.get('py-repl')!);
    element.remove();
  });
});
