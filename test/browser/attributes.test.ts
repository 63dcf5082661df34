// One validation path for attributes: every invalid value gets the same kind of visible message,
// naming the attribute and the values it takes, before anything is loaded or run.
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-tokenizer.js';
import '../../src/elements/py-dis.js';
import '../../src/elements/py-frames.js';
import '../../src/elements/py-repl.js';
import '../../src/elements/py-ast.js';
import type { PyFrames } from '../../src/elements/py-frames.js';
import { pyodideUrl } from './support/cdn.js';
import { mount, settle, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const errorText = (element: HTMLElement) => shadow(element).querySelector('[part="error"]')?.textContent ?? '';
const notes = (element: HTMLElement) => [...shadow(element).querySelectorAll('[part="note"]')].map((note) => note.textContent ?? '');

const ENGINE_TAGS = ['py-dis', 'py-frames', 'py-repl'];
const EVERY_TAG = ['py-tokenizer', ...ENGINE_TAGS];

/** Each value the reader-polish issue names, on every element that has the attribute. */
const CASES: { tag: string; attribute: string; value: string; takes: RegExp }[] = [
  ...EVERY_TAG.map((tag) => ({ tag, attribute: 'theme', value: 'purple', takes: /use auto, light or dark/ })),
  ...ENGINE_TAGS.map((tag) => ({ tag, attribute: 'timeout', value: 'soon', takes: /use a number from 0/ })),
  ...ENGINE_TAGS.map((tag) => ({ tag, attribute: 'engine', value: 'pypy', takes: /use one of pyodide, skulpt/ })),
  { tag: 'py-frames', attribute: 'speed', value: '3', takes: /use one of 1, 2, 4, 8, 16/ },
  { tag: 'py-frames', attribute: 'step', value: '-1', takes: /use a whole number from 0/ },
  { tag: 'py-dis', attribute: 'depth', value: '-1', takes: /use a whole number from 0/ },
  { tag: 'py-dis', attribute: 'adaptive', value: 'yes', takes: /use a whole number from 0/ },
  { tag: 'py-frames', attribute: 'breakpoints', value: 'two', takes: /use line numbers from 1/ },
  { tag: 'py-frames', attribute: 'max-steps', value: 'lots', takes: /use a whole number from 1/ },
  { tag: 'py-frames', attribute: 'granularity', value: 'opcode', takes: /use line or instruction/ },
  // On/off attributes are on when present, so "false" would mean the opposite of what it says.
  { tag: 'py-ast', attribute: 'show-empty', value: 'false', takes: /use show-empty with no value to turn it on/ },
  { tag: 'py-ast', attribute: 'include-attributes', value: 'no', takes: /use include-attributes with no value/ },
  { tag: 'py-dis', attribute: 'show-caches', value: 'false', takes: /use show-caches with no value/ },
  { tag: 'py-tokenizer', attribute: 'exact', value: 'off', takes: /use exact with no value/ },
  { tag: 'py-repl', attribute: 'readonly', value: 'false', takes: /use readonly with no value/ },
];

describe('invalid attribute values', () => {
  afterEach(unmountAll);

  for (const { tag, attribute, value, takes } of CASES) {
    it(`<${tag} ${attribute}="${value}"> says so, naming the attribute and what it takes`, async () => {
      const element = await mount<HTMLElement>(`<${tag} ${attribute}="${value}">x = 1</${tag}>`);
      await settle(element);
      const error = errorText(element);
      assert.include(error, 'Configuration');
      assert.include(error, `${attribute}="${value}" is not`);
      assert.match(error, takes);
      assert.isFalse(notes(element).some((note) => note.includes('Recording')), `no "Recording…" note beside the error: ${notes(element).join(' | ')}`);
    });
  }

  it('records nothing while an attribute is invalid, and records once it is fixed', async function () {
    this.timeout(180000);
    const element = await mount<PyFrames>(`<py-frames granularity="opcode">x = 1</py-frames>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.isUndefined(element.trace, 'nothing was recorded');
    element.setAttribute('granularity', 'instruction');
    await until(() => element.trace, 'the recording', 170000);
    assert.equal(errorText(element), '', 'the message went with the invalid value');
  });

  it('takes on/off attributes as HTML writes them: bare, their own name, or "true"', async () => {
    for (const markup of ['<py-tokenizer exact>x</py-tokenizer>', '<py-tokenizer exact="exact">x</py-tokenizer>', '<py-ast show-empty="true" include-attributes>x</py-ast>']) {
      const element = await mount<HTMLElement>(markup);
      await settle(element);
      assert.equal(errorText(element), '', markup);
    }
  });

  it('checks a value set as a property as well as one written as an attribute', async () => {
    const element = await mount<PyFrames>(`<py-frames engine="skulpt" granularity="opcode">x = 1</py-frames>`);
    element.speed = 3;
    await settle(element);
    assert.include(errorText(element), 'speed="3" is not a speed');
    assert.include(errorText(element), 'granularity="opcode"', 'every invalid value is named');
  });

  it('says when step is past the last step of the recording', async function () {
    this.timeout(180000);
    const element = await mount<PyFrames>(`<py-frames step="99">x = 1\ny = 2</py-frames>`);
    await until(() => element.trace, 'the recording', 170000);
    await settle(element);
    const last = element.trace!.steps.length - 1;
    assert.include(errorText(element), `step="99" is not a step of this recording; use a whole number from 0 to ${last}.`);
    assert.equal(element.step, 0);
  });
});
