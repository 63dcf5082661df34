import { assert } from 'chai';
import { configure, configureFromScriptTag, getConfig, resetConfig, settingsFor, PYODIDE_VERSION } from '../../src/config.js';
import { withKitScriptTag } from './support/kit-script-tag.js';

/** What settingsFor gives an element without an engine of its own, and one with engine="skulpt". */
function withoutAndWithOwnEngine(): { without: ReturnType<typeof settingsFor>; own: ReturnType<typeof settingsFor> } {
  const element = document.createElement('div');
  const without = settingsFor(element);
  element.setAttribute('engine', 'skulpt');
  return { without, own: settingsFor(element) };
}

describe('page-wide settings', () => {
  afterEach(resetConfig);

  it('default to Pyodide from the pinned version on a public CDN', () => {
    assert.deepEqual(getConfig(), {
      engine: 'pyodide',
      pyodideUrl: `https://cdn.jsdelivr.net/npm/pyodide@${PYODIDE_VERSION}/`,
      snapshot: true,
    });
  });

  it('change with configure(), and refuse an unknown engine', () => {
    configure({ engine: 'skulpt', pyodideUrl: 'https://example.org/py', snapshot: false });
    assert.deepEqual(getConfig(), { engine: 'skulpt', pyodideUrl: 'https://example.org/py/', snapshot: false });
    assert.throws(() => configure({ engine: 'jython' as 'skulpt' }), /unknown engine "jython"; use one of pyodide, skulpt/);
  });

  it('are overridden by an element’s own attributes', () => {
    configure({ engine: 'skulpt' });
    const element = document.createElement('div');
    assert.equal(settingsFor(element).settings.engine, 'skulpt');
    element.setAttribute('engine', 'pyodide');
    element.setAttribute('pyodide-url', '/local/pyodide');
    const { settings, error } = settingsFor(element);
    assert.isUndefined(error);
    assert.equal(settings.engine, 'pyodide');
    assert.equal(settings.pyodideUrl, new URL('/local/pyodide/', location.href).href);
  });

  it('report an unknown engine attribute clearly', () => {
    const element = document.createElement('div');
    element.setAttribute('engine', 'ironpython');
    assert.equal(settingsFor(element).error, 'engine="ironpython" is not an engine; use one of pyodide, skulpt.');
  });

  it('are read from the kit\'s script tag: data-snapshot="off" turns the saved start off, a wrong value is named', () =>
    withKitScriptTag({ snapshot: 'off' }, (tag, errors) => {
      assert.isFalse(getConfig().snapshot);
      resetConfig();
      tag.dataset['snapshot'] = 'no';
      configureFromScriptTag(tag.src);
      assert.isTrue(getConfig().snapshot, 'a wrong value keeps the default');
      const message = 'data-snapshot="no" on the kit\'s script tag is not a setting; use on or off.';
      assert.deepEqual(errors, [`pyinnards: ${message}`]);
      // Each element it is for shows it (the console is not where a writer looks): those that
      // run Pyodide, not a Skulpt one.
      const { without, own } = withoutAndWithOwnEngine();
      assert.equal(without.error, message);
      assert.isUndefined(own.error);
    }));

  it('a wrong data-engine on the script tag keeps the default, and every element without an engine of its own shows why', () =>
    withKitScriptTag({ engine: 'jython' }, (tag, errors) => {
      assert.equal(getConfig().engine, 'pyodide');
      const message = 'data-engine="jython" on the kit\'s script tag is not an engine; use one of pyodide, skulpt.';
      assert.deepEqual(errors, [`pyinnards: ${message}`]);
      const { without, own } = withoutAndWithOwnEngine();
      assert.equal(without.error, message);
      assert.isUndefined(own.error);
      assert.equal(own.settings.engine, 'skulpt');
      // Fixed on the tag: read again, no error left.
      tag.dataset['engine'] = 'skulpt';
      configureFromScriptTag(tag.src);
      assert.isUndefined(settingsFor(document.createElement('div')).error);
    }));
});
