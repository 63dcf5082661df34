// The README's "Use it from a CDN" snippets, read from README.md itself so the tests drive what
// readers copy, and the README can't drift from what works.
import { readFileSync } from 'node:fs';
import { dedent } from '../../src/elements/dedent.js';

export const TAGS = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl'] as const;
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
