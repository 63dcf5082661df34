/**
 * The entry's loader: each tag's module is imported the first time the tag is in the page, so the
 * entry stays the same size however many elements the kit has. A MutationObserver catches tags
 * that scripts, frameworks or CMS editors add later. (Tags inside other components' shadow roots
 * are not seen: import the element's own module, `dist/elements/<tag>.js`, for those.)
 */
import { BAKE_SELECTOR, loadBakeFormat, RESULT_PARTS } from './elements/result-parts.js';

/** Each tag and the module that defines it; rollup keeps these as the per-element files. */
const LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'py-tokenizer': () => import('./elements/py-tokenizer.js'),
  'py-dis': () => import('./elements/py-dis.js'),
  'py-frames': () => import('./elements/py-frames.js'),
  'py-repl': () => import('./elements/py-repl.js'),
  'py-ast': () => import('./elements/py-ast.js'),
};

const prefetchedBakes = new Set<string>();

/**
 * Fetches what showing `element`'s bake (README, "Baked results") takes, beside the element's
 * own module, once per tag; the element reports any failure.
 */
function prefetchBaked(element: Element): void {
  const parts = RESULT_PARTS[element.localName];
  if (!parts || prefetchedBakes.has(element.localName) || !element.querySelector(BAKE_SELECTOR)) return;
  prefetchedBakes.add(element.localName);
  for (const part of [loadBakeFormat(), parts()]) part.catch(() => {});
}

export const TAGS = Object.keys(LOADERS);
const SELECTOR = TAGS.join(',');
const requested = new Set<string>();

/** Imports the module defining `tag`, once. A failed import is said, and retried on the next sighting. */
export function loadTag(tag: string): Promise<unknown> | undefined {
  const loader = LOADERS[tag];
  if (loader === undefined || requested.has(tag)) return undefined;
  requested.add(tag);
  return loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`pyinnards: could not load <${tag}>: ${error instanceof Error ? error.message : String(error)}`);
  });
}

let prefetched = false;

/**
 * Every element is built on the shared element code (lit and the base class, one chunk) and
 * colours its code with the exact tokenizer (another). Asking for both beside the element's own
 * module, rather than one after the other, keeps the coloured code as early as when the entry
 * held every element.
 */
function prefetchShared(): void {
  if (prefetched) return;
  prefetched = true;
  void import('./elements/define-element.js');
  void import('./engine/tokenizer/for-text.js');
}

function discover(root: ParentNode): void {
  const found = Array.from(root.querySelectorAll(SELECTOR));
  if (root instanceof Element && LOADERS[root.localName]) found.unshift(root);
  for (const element of found) {
    void loadTag(element.localName);
    prefetchBaked(element);
  }
}

/** Loads what `root` holds now, then watches for tags added later until every tag is loaded. */
export function autoload(root: Document): void {
  discover(root);
  if (requested.size > 0) prefetchShared();
  if (requested.size === TAGS.length) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) if (node instanceof Element) discover(node);
    }
    if (requested.size > 0) prefetchShared();
    if (requested.size === TAGS.length) observer.disconnect();
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
}
