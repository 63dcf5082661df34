// What a browser with scripts off shows of some HTML: the HTML standard's parse (parse5) with
// scripting disabled, where a <noscript>'s content is markup rather than one text node.
import { parse, parseFragment } from 'parse5';

type Node = { nodeName: string; value?: string; childNodes?: Node[] };

const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join(''));
const named = (node: Node, name: string): Node[] => [...(node.nodeName === name ? [node] : []), ...(node.childNodes ?? []).flatMap((child) => named(child, name))];

/** The parsed HTML (a whole document, or a fragment such as a snippet) with scripts off. */
function withoutScripts(html: string, fragment: boolean): Node {
  return (fragment ? parseFragment(html, { scriptingEnabled: false }) : parse(html, { scriptingEnabled: false })) as unknown as Node;
}

/** The text of each <pre>, in document order. */
export function preTexts(html: string, { fragment = true } = {}): string[] {
  return named(withoutScripts(html, fragment), 'pre').map(textOf);
}

/** How many elements of this tag name there are (e.g. `img`: none may come from a result). */
export function countElements(html: string, name: string, { fragment = true } = {}): number {
  return named(withoutScripts(html, fragment), name).length;
}
