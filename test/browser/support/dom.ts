/** Helpers shared by the browser tests. */

const mounted: HTMLElement[] = [];

/** Puts `markup` into the page and waits until its first element has rendered. */
export async function mount<T extends HTMLElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const element = holder.firstElementChild as T;
  document.body.append(element);
  mounted.push(element);
  // A kit element may be defined lazily (the entry's autoloader imports it when it appears).
  if (element.localName.startsWith('py-')) await customElements.whenDefined(element.localName);
  await settle(element);
  return element;
}

/** Removes everything `mount` added (call from afterEach). */
export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Waits for lit's pending render, and for any code sourcing started by it. */
export async function settle(element: HTMLElement): Promise<void> {
  const lit = element as HTMLElement & { updateComplete?: Promise<unknown> };
  for (let i = 0; i < 3; i++) {
    await lit.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A node as text for a failure message: its tag, id and classes, and the start of its text. */
export function describeNode(node: Node | null | undefined): string {
  if (!node) return String(node);
  if (!(node instanceof Element)) return `${node.nodeName} "${(node.textContent ?? '').slice(0, 40)}"`;
  const id = node.id ? `#${node.id}` : '';
  const classes = [...node.classList].map((name) => `.${name}`).join('');
  return `<${node.localName}${id}${classes}> "${(node.textContent ?? '').trim().slice(0, 40)}"`;
}

/**
 * Asserts that `actual` is the node `expected`. (chai's equal would carry both nodes in its
 * error, and web-test-runner, sending that error as JSON, never ends the file when a node holds
 * a cycle, as our elements do: the nodes are described as text instead.)
 */
export function assertSameNode(actual: Node | null | undefined, expected: Node | null | undefined, message = 'the same node'): void {
  if (actual !== expected) throw new Error(`${message}: expected ${describeNode(expected)}, got ${describeNode(actual)}`);
}

/** Polls until `check` returns a truthy value, failing with `what` after `timeout` ms. */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 5000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root: it did not upgrade.`);
  return element.shadowRoot;
}

/**
 * How long to wait for Python to start (download, compile, initialise): seconds in Chromium
 * and Firefox, a minute and more in WebKitGTK on a busy machine. A limit to fail by, not a speed
 * goal (`npm run bench` measures start-up).
 */
export const PYTHON_STARTS_WITHIN = 240000;

/** A test that starts Python, maybe more than once (Stop restarts it without shared memory). */
export const PYTHON_TEST_TIMEOUT = 2 * PYTHON_STARTS_WITHIN;

/**
 * Where an element's live content is: its shadow root, or the shadow root of the internal part
 * it loaded (`<py-repl>`'s console is an element of its own, `<pyinnards-repl-console>`).
 */
export function contentRoot(element: HTMLElement): ShadowRoot {
  return shadow(element).querySelector('pyinnards-repl-console')?.shadowRoot ?? shadow(element);
}

/**
 * Which comes first: `promise` settling, or a timer set now firing. 'the run ended' means the
 * promise settled without waiting for anything (no message, no timer): an order, not a time, so
 * a busy machine can't fail it.
 */
export function beforeNextTimer(promise: Promise<unknown>): Promise<'the run ended' | 'a timer fired'> {
  return Promise.race([promise.then(() => 'the run ended' as const), new Promise<'a timer fired'>((resolve) => setTimeout(() => resolve('a timer fired'), 0))]);
}
