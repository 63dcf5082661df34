import type { CSSResult } from 'lit';

/**
 * Adds styles to an element's shadow root after it rendered: an element's lazily loaded view
 * brings its own styles, so they don't weigh on the page's entry.
 */
export function adoptStyles(element: Element, styles: CSSResult): void {
  const root = element.shadowRoot;
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
