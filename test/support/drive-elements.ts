// Drives our elements in a page opened by puppeteer (the packed kit from a CDN, a WordPress
// post): each helper waits for the element to upgrade, does what a reader would, and returns
// what the element shows, for the test to compare with CPython's answer.
import type { Frame, Page } from 'puppeteer-core';

/** Generous: the first Pyodide start in a fresh headless browser on a loaded CI machine. */
const ENGINE_WAIT = 120_000;

export interface Shown {
  /** The code in the element's code view (what the reader sees). */
  shownCode: string;
  /** The element's `text` (what Copy copies). */
  text: string;
}

type Widget = HTMLElement & { text: string; updateComplete: Promise<unknown> };

/** Waits until `selector`'s element is defined and rendered, and scrolls it into view. */
async function upgraded(page: Page | Frame, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel);
      return element !== null && customElements.get(element.localName) !== undefined && element.shadowRoot !== null;
    },
    { timeout: 30_000 },
    selector,
  );
  await page.evaluate(async (sel) => {
    const element = document.querySelector(sel) as Widget;
    element.scrollIntoView();
    await element.updateComplete;
  }, selector);
}

/** Throws the element's error banner, so a test fails with what the reader would read. */
async function failOnError(page: Page | Frame, selector: string): Promise<void> {
  const error = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('[part="error"]')?.textContent ?? null, selector);
  if (error !== null) throw new Error(`<${selector}> shows an error: ${error.trim()}`);
}

const shownCode = (page: Page | Frame, selector: string): Promise<string> =>
  page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('[part~="code"]')?.textContent ?? '', selector);

/** <py-ast>: the tree is shown; returns the code view and `text`. */
export async function astShows(page: Page | Frame, selector: string): Promise<Shown & { items: number }> {
  await upgraded(page, selector);
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part="tree"] [role="treeitem"]').length ?? 0) > 0,
    { timeout: 30_000 },
    selector,
  );
  await failOnError(page, selector);
  const items = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelectorAll('[role="treeitem"]').length, selector);
  const text = await page.evaluate((sel) => (document.querySelector(sel) as Widget).text, selector);
  return { shownCode: await shownCode(page, selector), text, items };
}

/** <py-tokenizer>: the token table is listed; returns the code view and `text`. */
export async function tokenizerShows(page: Page | Frame, selector: string): Promise<Shown & { rows: number }> {
  await upgraded(page, selector);
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part="tokens"] tbody tr').length ?? 0) > 0,
    { timeout: 30_000 },
    selector,
  );
  const rows = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part="tokens"] tbody tr').length, selector);
  const text = await page.evaluate((sel) => (document.querySelector(sel) as Widget).text, selector);
  return { shownCode: await shownCode(page, selector), text, rows };
}

/** <py-dis>: CPython starts and the listing appears; returns the code view and `text`. */
export async function disShows(page: Page | Frame, selector: string): Promise<Shown> {
  await upgraded(page, selector);
  await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      return root.querySelector('[part="bytecode"]') !== null || root.querySelector('[part="error"]') !== null;
    },
    { timeout: ENGINE_WAIT },
    selector,
  );
  await failOnError(page, selector);
  const text = await page.evaluate((sel) => (document.querySelector(sel) as Widget).text, selector);
  return { shownCode: await shownCode(page, selector), text };
}

/**
 * <py-frames>: waits for the recording (its `trace`), then presses the forward button once.
 * Returns the step before and after, and the number of recorded steps.
 */
export async function framesSteps(page: Page | Frame, selector: string): Promise<Shown & { before: number; after: number; steps: number }> {
  await upgraded(page, selector);
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel) as unknown as HTMLElement & { trace?: { steps: unknown[] } };
      return (element.trace?.steps.length ?? 0) > 0 || element.shadowRoot!.querySelector('[part="error"]') !== null;
    },
    { timeout: ENGINE_WAIT },
    selector,
  );
  await failOnError(page, selector);
  const before = await page.evaluate((sel) => (document.querySelector(sel) as unknown as { step: number }).step, selector);
  await page.evaluate((sel) => {
    document.querySelector(sel)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="forward-button"]')!.click();
  }, selector);
  await page.waitForFunction((sel, was) => (document.querySelector(sel) as unknown as { step: number }).step !== was, { timeout: 10_000 }, selector, before);
  const state = await page.evaluate((sel) => {
    const element = document.querySelector(sel) as unknown as Widget & { step: number; trace: { steps: unknown[] } };
    return { after: element.step, steps: element.trace.steps.length, text: element.text };
  }, selector);
  return { ...state, before, shownCode: await shownCode(page, selector) };
}

/** <py-repl>: types `input` through the element's `run()`; returns what it printed and the transcript. */
export async function replRuns(page: Page | Frame, selector: string, input: string): Promise<{ printed: string; transcript: string }> {
  await upgraded(page, selector);
  return page.evaluate(
    async (sel, line) => {
      const element = document.querySelector(sel) as unknown as Widget & { run(input: string): Promise<string> };
      const printed = await element.run(line);
      await element.updateComplete;
      return { printed, transcript: element.text };
    },
    selector,
    input,
  );
}

/** What the page fetched, by URL (scripts, modules, workers' imports seen by the page). */
export function requestedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}
