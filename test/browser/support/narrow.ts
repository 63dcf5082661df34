// A phone-sized page inside the test page: an iframe 360 px wide is a real 360 px viewport for
// the document in it (layout, scrolling, media queries), in every browser, where only some
// browser drivers can resize the window (WebKitGTK's, under a window manager that maximizes
// every window, can't). The iframe loads the kit from our sources, configured like the tests.
import { settle } from './dom.js';

export interface NarrowPage {
  document: Document;
  /** Puts `markup` into the narrow page and waits until its first element has rendered. */
  mount<T extends HTMLElement>(markup: string): Promise<T>;
  /**
   * Makes the page `width` px wide and empties its body. One page serves a file's tests at every
   * width: each new page starts Python again (its own realm, its own interpreter), which costs
   * seconds per test in every browser.
   */
  reuse(width: number): Promise<void>;
  remove(): void;
}

export async function narrowPage(width: number, height: number): Promise<NarrowPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  // Absolute URLs: how an about:srcdoc document resolves relative ones differs between browsers.
  const origin = location.origin;
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><body style="margin: 8px"><script type="module">
    Promise.all([import('${origin}/src/index.ts'), import('${origin}/__cdn.js')]).then(
      ([{ configure }, { pyodideUrl }]) => {
        configure({ pyodideUrl });
        window.kitReady = true;
      },
      (error) => (window.kitError = String(error)),
    );
  </script></body>`;
  document.body.append(frame);
  const deadline = performance.now() + 60000;
  for (;;) {
    const inner = frame.contentWindow as (Window & { kitReady?: boolean; kitError?: string }) | null;
    if (inner?.kitError) throw new Error(`The narrow page could not load the kit: ${inner.kitError}`);
    if (inner?.kitReady) break;
    if (performance.now() > deadline) throw new Error('The narrow page did not load the kit within 60 s.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const inner = frame.contentDocument!;
  const checkWidth = (expected: number) => {
    if (inner.documentElement.clientWidth !== expected) {
      throw new Error(`The narrow page is ${inner.documentElement.clientWidth} px wide, not ${expected}.`);
    }
  };
  checkWidth(width);
  return {
    document: inner,
    async mount<T extends HTMLElement>(markup: string): Promise<T> {
      const holder = inner.createElement('div');
      holder.innerHTML = markup;
      const element = holder.firstElementChild as T;
      inner.body.append(element);
      // The narrow page's own registry: its autoloader defines the element when it appears.
      if (element.localName.startsWith('py-')) await frame.contentWindow!.customElements.whenDefined(element.localName);
      await settle(element);
      return element;
    },
    async reuse(newWidth: number) {
      inner.body.replaceChildren();
      frame.style.width = `${newWidth}px`;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      checkWidth(newWidth);
    },
    remove: () => frame.remove(),
  };
}
