/**
 * Page-wide defaults that every element falls back to, overridable per element by attributes.
 * Set them with data attributes on the script tag that loads the kit
 * (`<script type="module" src=".../pyinnards.js" data-engine="skulpt" data-pyodide-url="...">`)
 * or by calling `configure()`.
 */

import { ENGINES, type EngineName } from './engine/engines.js';

export { ENGINES, type EngineName };

/** The pinned Pyodide release (CPython 3.14.2); a test keeps it equal to the devDependency. */
export const PYODIDE_VERSION = '314.0.7';

export interface PyinnardsConfig {
  /** Backend used by elements that run Python and have no `engine` attribute. */
  engine: EngineName;
  /** Folder URL holding pyodide.mjs, pyodide.asm.wasm and python_stdlib.zip. */
  pyodideUrl: string;
  /**
   * Save CPython's started state in the reader's browser (Cache Storage) and start from it on
   * the next page view (README, "Python starts faster the second time"); false: always from scratch.
   */
  snapshot: boolean;
}

const DEFAULTS: PyinnardsConfig = {
  engine: 'pyodide',
  pyodideUrl: `https://cdn.jsdelivr.net/npm/pyodide@${PYODIDE_VERSION}/`,
  snapshot: true,
};

let current: PyinnardsConfig = { ...DEFAULTS };
/**
 * What was wrong on the kit's script tag (its data-engine, its data-snapshot): the default is
 * used instead, and each element that the value was for says so (settingsFor), since a writer
 * reads the page, not the console.
 */
let scriptTagErrors: { engine?: string; snapshot?: string } = {};

export function isEngineName(value: string): value is EngineName {
  return (ENGINES as readonly string[]).includes(value);
}

/** Sets page-wide defaults. Unknown engines are refused with a message rather than ignored. */
export function configure(options: Partial<PyinnardsConfig>): PyinnardsConfig {
  if (options.engine !== undefined && !isEngineName(options.engine)) {
    throw new TypeError(`pyinnards: unknown engine "${options.engine}"; use one of ${ENGINES.join(', ')}.`);
  }
  const next = { ...current };
  if (options.engine !== undefined) next.engine = options.engine;
  if (options.pyodideUrl !== undefined) next.pyodideUrl = withTrailingSlash(options.pyodideUrl);
  if (options.snapshot !== undefined) next.snapshot = options.snapshot;
  current = next;
  return { ...current };
}

export function getConfig(): PyinnardsConfig {
  return { ...current };
}

/** Restores the built-in defaults (used by tests and by pages that reconfigure). */
export function resetConfig(): void {
  current = { ...DEFAULTS };
  scriptTagErrors = {};
}

/**
 * Reads `data-engine`, `data-pyodide-url` and `data-snapshot` from the `<script>` tag whose `src` is `moduleUrl`.
 * Module scripts have no `document.currentScript`, so we find the tag by its resolved URL.
 */
export function configureFromScriptTag(moduleUrl: string): void {
  if (typeof document === 'undefined') return;
  for (const script of Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'))) {
    if (script.src !== moduleUrl) continue;
    const engine = script.dataset['engine'];
    const pyodideUrl = script.dataset['pyodideUrl'];
    const snapshot = script.dataset['snapshot'];
    scriptTagErrors = {};
    if (engine !== undefined && !isEngineName(engine)) {
      scriptTagErrors.engine = `data-engine="${engine}" on the kit's script tag is not an engine; use one of ${ENGINES.join(', ')}.`;
    }
    if (snapshot !== undefined && snapshot !== 'on' && snapshot !== 'off') {
      scriptTagErrors.snapshot = `data-snapshot="${snapshot}" on the kit's script tag is not a setting; use on or off.`;
    }
    for (const error of Object.values(scriptTagErrors)) console.error(`pyinnards: ${error}`);
    configure({
      ...(engine !== undefined && isEngineName(engine) ? { engine } : {}),
      ...(snapshot === 'on' || snapshot === 'off' ? { snapshot: snapshot === 'on' } : {}),
      ...(pyodideUrl ? { pyodideUrl: new URL(pyodideUrl, document.baseURI).href } : {}),
    });
    return;
  }
}

/**
 * The settings one element uses: its own `engine` and `pyodide-url` attributes over the
 * page-wide ones. An unknown engine, the element's or the script tag's where the element has
 * none, is an error for the element to show, not a silent fallback; so is a wrong data-snapshot
 * where the element runs Pyodide (the only engine it is for).
 */
export function settingsFor(element: Element): { settings: PyinnardsConfig; error?: string } {
  const settings = getConfig();
  const engine = element.getAttribute('engine');
  const pyodideUrl = element.getAttribute('pyodide-url');
  if (pyodideUrl) settings.pyodideUrl = withTrailingSlash(new URL(pyodideUrl, element.ownerDocument.baseURI).href);
  if (engine === null || engine === '') {
    if (scriptTagErrors.engine) return { settings, error: scriptTagErrors.engine };
  } else if (!isEngineName(engine)) {
    return { settings, error: `engine="${engine}" is not an engine; use one of ${ENGINES.join(', ')}.` };
  } else {
    settings.engine = engine;
  }
  if (settings.engine === 'pyodide' && scriptTagErrors.snapshot) return { settings, error: scriptTagErrors.snapshot };
  return { settings };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
