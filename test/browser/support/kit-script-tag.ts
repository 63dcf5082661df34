// The kit's <script> tag with data attributes, for tests of the page-wide settings read from it:
// the tag is in the page while `body` runs, and what the kit logs with console.error is
// collected instead of printed. Afterwards, whatever happens, the tag is removed and the built-in
// settings are back.
import { configureFromScriptTag, resetConfig } from '../../../src/config.js';

export async function withKitScriptTag(data: Record<string, string>, body: (tag: HTMLScriptElement, errors: string[]) => void | Promise<void>): Promise<void> {
  // (A type the browser doesn't run: only the tag's attributes matter here.)
  const tag = Object.assign(document.createElement('script'), { type: 'text/x-not-run', src: 'https://cdn.example/pyinnards.js' });
  Object.assign(tag.dataset, data);
  document.head.append(tag);
  const errors: string[] = [];
  const original = console.error;
  console.error = (message: string) => void errors.push(message);
  try {
    configureFromScriptTag(tag.src);
    await body(tag, errors);
  } finally {
    console.error = original;
    tag.remove();
    resetConfig();
  }
}
