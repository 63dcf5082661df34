// The kit's baker for pages that make bakes in the browser (the WordPress block editor, the
// embed builder): `dist/bake.js`, never loaded by a reader's page. It computes a result with the
// same worker and CPython the elements use, through the bakers' shared computation, and wraps
// it in the bake format (README, "Baked results").
import { settingsFor } from './config.js';
import { dedent } from './elements/dedent.js';
import { bakeKey, BAKE_TAGS, serializeBake, type Bake, type BakeTag } from './engine/bake/format.js';
import { BakeRefusal, computeResult, newBake } from './engine/bake/compute.js';
import { bakedTextBlocks as blocksOf, bakedTextElement } from './engine/bake/baked-text.js';
import type { LoadProgress } from './engine/runtime/types.js';

export { serializeBake, type Bake };

const attributeIn = (attributes: Readonly<Record<string, string>>) => (name: string) => (Object.hasOwn(attributes, name) ? attributes[name]! : null);

/**
 * The `<noscript>` child to put after the bake: `code` (as written: dedented here) and the
 * result as text, for readers without JavaScript and search engines (README, "Baked results").
 */
export function bakedTextHtml(bake: Bake, code: string, attributes: Readonly<Record<string, string>>): string {
  return bakedTextElement(bake, attributeIn(attributes), dedent(code));
}

/** The same as texts (each a <pre> of that child), for a server that prints the child itself. */
export function bakedTextBlocks(bake: Bake, code: string, attributes: Readonly<Record<string, string>>): string[] {
  return blocksOf(bake, attributeIn(attributes), dedent(code));
}

/** A bake, or why there is none (said next to the element; it then computes live). */
export type BakeOutcome = { ok: true; bake: Bake } | { ok: false; reason: string };

/** What a bake of `<tag attributes>` holding `code` needs: its settings and key, or why it can't be made. */
type Prepared = { reason: string } | { tag: BakeTag; source: string; attribute: (name: string) => string | null; key: string; pyodideUrl: string };

async function prepare(tag: string, code: string, attributes: Readonly<Record<string, string>>): Promise<Prepared> {
  if (!(BAKE_TAGS as readonly string[]).includes(tag)) return { reason: `<${tag}> runs no interpreter, so there is nothing to bake` };
  const attribute = attributeIn(attributes);
  // The page's settings for an element with these attributes (detached: it never upgrades).
  const probe = document.createElement('div');
  for (const name of ['engine', 'pyodide-url']) if (attribute(name) !== null) probe.setAttribute(name, attribute(name)!);
  const { settings, error } = settingsFor(probe);
  if (error) return { reason: error };
  if (settings.engine !== 'pyodide') return { reason: `engine="${settings.engine}" is not CPython, and bakes come from CPython` };
  const source = dedent(code);
  const key = await bakeKey(tag as BakeTag, source, attribute);
  return { tag: tag as BakeTag, source, attribute, key, pyodideUrl: settings.pyodideUrl };
}

/**
 * The key a bake of `<tag attributes>` holding `code` has (README, "Baked results"), or
 * undefined when it can't be baked: a stored bake with this key is up to date.
 */
export async function bakeKeyFor(tag: string, code: string, attributes: Readonly<Record<string, string>>): Promise<string | undefined> {
  const prepared = await prepare(tag, code, attributes);
  return 'key' in prepared ? prepared.key : undefined;
}

/**
 * Bakes `<tag attributes>` holding `code` (as written: it is dedented here, as the element
 * sources it). `attributes` are the element's HTML attributes as the page will have them; the
 * engine settings among them (engine, pyodide-url) pick the interpreter, as on the page.
 */
export async function bake(tag: string, code: string, attributes: Readonly<Record<string, string>>, onProgress?: (progress: LoadProgress) => void): Promise<BakeOutcome> {
  const prepared = await prepare(tag, code, attributes);
  if (!('key' in prepared)) return { ok: false, reason: prepared.reason };
  try {
    const { loadEngine } = await import('./engine/runtime/index.js');
    // An interpreter of the baker's own (the engine layer keeps one per URL string: `./` names
    // the same folder with another string): on a page whose widgets share the page's
    // interpreter, a widget waiting for its reader's input() would otherwise hold every bake.
    const folder = prepared.pyodideUrl.endsWith('/') ? prepared.pyodideUrl : `${prepared.pyodideUrl}/`;
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl: `${folder}./` }, onProgress);
    const result = await computeResult(engine, prepared.tag, prepared.source, prepared.attribute);
    return { ok: true, bake: newBake(prepared.tag, prepared.key, result) };
  } catch (failure) {
    if (failure instanceof BakeRefusal) return { ok: false, reason: failure.message };
    return { ok: false, reason: failure instanceof Error ? failure.message : String(failure) };
  }
}
