// What a reader without JavaScript, and a search engine that runs none, gets of a baked element:
// a <noscript> child with the code (when the page shows it nowhere else) and the result as the
// widget's plain text. A browser that runs scripts never renders a <noscript>, and the element
// leaves it out when it sources its code, so it costs JavaScript readers only its bytes.
import type { Bake, BakeResults } from './format.js';
import { findCode, formatDisLines } from '../dis/index.js';
import { stepText } from '../../elements/frames/describe.js';

/** The attribute that marks the <noscript> child the bakers write. */
export const BAKED_TEXT_ATTRIBUTE = 'data-pyinnards-baked-text';

/**
 * The baked result as plain text: `<py-dis>`'s listing (its `text`), or the traceback CPython
 * printed for code that doesn't compile; `<py-frames>`' last step (its `text` there: the stack,
 * the variables and the whole output); `<py-repl>`'s transcript. Empty where the element shows
 * an error of its own instead (a `function=` that names nothing).
 */
export function bakedText(bake: Bake, attribute: (name: string) => string | null): string {
  if (bake.tag === 'py-dis') {
    const result = bake.result as BakeResults['py-dis'];
    if ('error' in result) return result.error.traceback;
    const name = attribute('function');
    const tree = name ? findCode(result.tree, name) : result.tree;
    if (!tree) return '';
    const depth = attribute('depth');
    const lines = formatDisLines(tree, {
      showCaches: attribute('show-caches') !== null,
      showOffsets: attribute('show-offsets') !== null,
      showPositions: attribute('show-positions') !== null,
      depth: depth === null ? null : Number(depth),
    });
    return lines.map((line) => `${line.text}\n`).join('');
  }
  if (bake.tag === 'py-frames') {
    const trace = bake.result as BakeResults['py-frames'];
    if (trace.steps.length > 0) return stepText(trace, trace.steps.length - 1);
    return 'error' in trace.end ? trace.end.error.traceback : '';
  }
  return (bake.result as BakeResults['py-repl']).pieces.map((piece) => piece.text).join('');
}

/** Text as HTML character data: nothing in it can open a tag or end the <noscript>. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * What the <noscript> shows, as texts: `code` (pass it when the page doesn't show the code as
 * the element's text, i.e. it comes from a `code` attribute or a Python <script> child; a
 * console's transcript has it already, as its inputs), then the baked text. Empty ones are left
 * out. (The WordPress plugin stores these and prints them from PHP.)
 */
export function bakedTextBlocks(bake: Bake, attribute: (name: string) => string | null, code?: string): string[] {
  return [bake.tag === 'py-repl' ? undefined : code, bakedText(bake, attribute)].filter((text): text is string => !!text);
}

/**
 * The <noscript> child, or "" when it would hold nothing: each of bakedTextBlocks in a <pre>.
 * Each <pre> starts with a newline, which HTML drops, so the text's own first line is kept.
 */
export function bakedTextElement(bake: Bake, attribute: (name: string) => string | null, code?: string): string {
  const blocks = bakedTextBlocks(bake, attribute, code);
  if (blocks.length === 0) return '';
  return `<noscript ${BAKED_TEXT_ATTRIBUTE}>${blocks.map((text) => `<pre>\n${escapeHtml(text)}</pre>`).join('')}</noscript>`;
}
