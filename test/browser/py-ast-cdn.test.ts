// The built kit (dist/, served from another origin like a CDN), as a reader gets it: the parser
// chunk comes only with a <py-ast>, and no interpreter ever does.
import { assert } from 'chai';
import { cdnOrigin } from './support/cdn.js';
import { shadow, until } from './support/dom.js';

const requests = () => performance.getEntriesByType('resource').map((entry) => entry.name);
const parserChunks = () => requests().filter((url) => /\/chunks\/parser-[^/]+\.js$/.test(url));

describe('<py-ast> from the CDN', () => {
  it('loads the parser only with a <py-ast>, and never an interpreter', async () => {
    document.body.insertAdjacentHTML('beforeend', '<py-tokenizer>x = 1</py-tokenizer>');
    await import(/* @vite-ignore */ `${cdnOrigin}/pyinnards.js`);
    const tokens = document.querySelector<HTMLElement & { tokens: unknown[] }>('py-tokenizer')!;
    await until(() => tokens.shadowRoot && tokens.tokens.length > 0, 'the tokens');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(parserChunks(), [], 'a page without <py-ast> never fetches the parser');

    document.body.insertAdjacentHTML('beforeend', '<py-ast>@cache\ndef f(): pass</py-ast>');
    const tree = document.querySelector<HTMLElement & { text: string }>('py-ast')!;
    await until(() => tree.shadowRoot && tree.text.startsWith('Module('), 'the tree');
    assert.lengthOf(parserChunks(), 1, 'the parser chunk was fetched for <py-ast>');
    assert.isNotNull(shadow(tree).querySelector('[role="tree"]'));
    assert.deepEqual(requests().filter((url) => /pyodide|skulpt|\/chunks\/engine|\/workers\//.test(url)), [], 'no interpreter');
  });
});
