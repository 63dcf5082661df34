const warned = new Set<string>();

/**
 * Registers one of our tags unless the page already has an element by that name (another
 * library, or a second copy of pyinnards loaded from elsewhere). Theirs stays; we say so once.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
    return;
  }
  if (existing === element || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `pyinnards: <${tag}> is already defined by another script on this page, so pyinnards left it alone. ` +
      'Remove the other definition (or a second copy of pyinnards) to use ours.',
  );
}
