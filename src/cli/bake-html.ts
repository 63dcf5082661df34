// Finds the engine elements of an HTML file and puts bakes into its text. Parsing is parse5's
// (the HTML standard's algorithm, with source offsets), so the elements, their attributes and
// their code are what a browser sees; edits splice only the bake child and its text for readers
// without JavaScript, and leave every other byte of the file as written.
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { dedent } from '../elements/dedent.js';
import { BAKE_ATTRIBUTE, BAKE_TAGS, type BakeTag } from '../engine/bake/format.js';
import { BAKED_TEXT_ATTRIBUTE } from '../engine/bake/baked-text.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const PYTHON_SCRIPT_TYPES = new Set(['text/x-python', 'text/python', 'application/x-python']);

/** One engine element in a file. */
export interface FoundElement {
  tag: BakeTag;
  /** 1-based line of its start tag. */
  line: number;
  attribute(name: string): string | null;
  /**
   * The code as the element sources it (and whether a reader without JavaScript sees it: it is
   * the element's text), or why it can't be known ahead of time.
   */
  code: { text: string; shown: boolean } | { skip: string };
  /** Where the current bake child is (offsets in the file's text), if it has one. */
  bake: { start: number; end: number; json: string } | undefined;
  /** Where the current <noscript> with the bake's text is, and its HTML, if it has one. */
  bakedText: { start: number; end: number; html: string } | undefined;
  /** Where a new bake child goes: just before the end tag. */
  insertAt: number;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attributeOf(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

function isBakeScript(node: Node): node is Element {
  return isElement(node) && node.tagName === 'script' && attributeOf(node, BAKE_ATTRIBUTE) !== null;
}

function isBakedText(node: Node): node is Element {
  return isElement(node) && node.tagName === 'noscript' && attributeOf(node, BAKED_TEXT_ATTRIBUTE) !== null;
}

/** An element's textContent, leaving out its bake and the bake's text (as the element does when it sources its code). */
function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isBakeScript(node) || isBakedText(node)) return '';
  // As in the DOM, a <template>'s content is not among its children.
  return ('childNodes' in node ? node.childNodes : []).map(textContent).join('');
}

function sourceOf(element: Element): FoundElement['code'] {
  const code = attributeOf(element, 'code');
  if (code !== null) return { text: dedent(code), shown: false };
  const src = attributeOf(element, 'src');
  if (src) return { skip: `its code comes from src="${src}" when the page is read` };
  const script = element.childNodes.find(
    (child): child is Element =>
      isElement(child) && child.tagName === 'script' && PYTHON_SCRIPT_TYPES.has((attributeOf(child, 'type') ?? '').trim().toLowerCase()),
  );
  return { text: dedent(textContent(script ?? element)), shown: !script };
}

/** Every engine element in the HTML, in document order. */
export function findElements(html: string): FoundElement[] {
  const found: FoundElement[] = [];
  const visit = (node: Node) => {
    if (isElement(node) && (BAKE_TAGS as readonly string[]).includes(node.tagName)) {
      const location = node.sourceCodeLocation;
      if (location?.startTag) {
        const bakeChild = node.childNodes.find(isBakeScript);
        const bakeLocation = bakeChild?.sourceCodeLocation;
        const json = bakeChild ? bakeChild.childNodes.map(textContent).join('') : '';
        const textLocation = node.childNodes.find(isBakedText)?.sourceCodeLocation;
        found.push({
          tag: node.tagName as BakeTag,
          line: location.startTag.startLine,
          attribute: (name) => attributeOf(node, name),
          code: sourceOf(node),
          bake: bakeLocation ? { start: bakeLocation.startOffset, end: bakeLocation.endOffset, json } : undefined,
          bakedText: textLocation
            ? { start: textLocation.startOffset, end: textLocation.endOffset, html: html.slice(textLocation.startOffset, textLocation.endOffset) }
            : undefined,
          // A missing end tag (the file ends inside the element): the bake goes at the element's end.
          insertAt: location.endTag?.startOffset ?? location.endOffset,
        });
      }
    }
    // Elements in a <template> are inert until a script copies them: not baked.
    for (const child of 'childNodes' in node ? node.childNodes : []) visit(child);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return found;
}

/** A change to the file: replace [start, end) with text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; texts inserted at the same offset come out in the order given. */
export function applySplices(html: string, splices: readonly Splice[]): string {
  let out = html;
  const last = splices.map((splice, order) => ({ splice, order })).sort((a, b) => b.splice.start - a.splice.start || b.order - a.order);
  for (const { splice } of last) out = out.slice(0, splice.start) + splice.text + out.slice(splice.end);
  return out;
}
