// The README's "Use it from a CDN" snippets, read from README.md itself so the tests drive what
// readers copy, and the README can't drift from what works.
import { readFileSync } from 'node:fs';
import { dedent } from '../../src/elements/dedent.js';

export const TAGS = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast'] as const;
export type Tag = (typeof TAGS)[number];

export interface Snippet {
  /** The snippet exactly as the README shows it. */
  html: string;
  /** The Python code in its `<script type="text/x-python">`, as the element reads it (dedented). */
  code: string;
}

/** The section's complete snippets (a module script tag and one element), by tag. */
export function cdnSnippets(readme = readFileSync('README.md', 'utf8')): Map<Tag, Snippet> {
  const start = readme.indexOf('\n## Use it from a CDN\n');
  if (start < 0) throw new Error('README.md has no "## Use it from a CDN" section.');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const snippets = new Map<Tag, Snippet>();
  for (const [, html] of section.matchAll(/```html\n([\s\S]*?)```/g)) {
    if (!html!.includes('<script type="module"')) continue;
    const tags = TAGS.filter((tag) => html!.includes(`<${tag}`));
    if (tags.length !== 1) throw new Error(`A snippet should show one element, this one shows ${tags.length}:\n${html}`);
    const python = /<script type="text\/x-python">([\s\S]*?)<\/script>/.exec(html!);
    if (!python) throw new Error(`The <${tags[0]}> snippet has no <script type="text/x-python">.`);
    snippets.set(tags[0]!, { html: html!, code: dedent(python[1]!) });
  }
  return snippets;
}

/** The character references the README's Custom HTML snippet uses. */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (_whole, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    const char = named[name!.toLowerCase()];
    if (char === undefined) throw new Error(`The snippet uses &${name};, which this reader does not know.`);
    return char;
  });
}

/** The README's Custom HTML snippet for WordPress, and each element's code as the browser reads it. */
export function customHtmlSnippet(readme = readFileSync('README.md', 'utf8')): { html: string; codes: Map<Tag, string> } {
  const start = readme.indexOf('\n### Without the plugin: a Custom HTML block\n');
  if (start < 0) throw new Error('README.md has no "### Without the plugin: a Custom HTML block" section.');
  const html = /```html\n([\s\S]*?)```/.exec(readme.slice(start))?.[1];
  if (!html) throw new Error('The Custom HTML section has no html snippet.');
  const codes = new Map<Tag, string>();
  for (const [, tag, value] of html.matchAll(/<(py-[a-z]+) code="([^"]*)">/g)) codes.set(tag as Tag, dedent(decodeAttribute(value!)));
  return { html, codes };
}
