/** What the baked-result tests share: the samples `pyinnards bake` made, and how to show one. */
import { mount, settle, shadow, until } from './dom.js';

export interface Sample {
  name: string;
  tag: 'py-dis' | 'py-frames' | 'py-repl';
  html: string;
  baked: string;
}

// Made by `pyinnards bake` (test/fixtures/baked-samples.ts; `npm run fixtures`).
const all = (await (await fetch('/test/fixtures/baked-samples.json')).json()) as Sample[];
/** <py-dis> and <py-frames>. */
export const samples = all.filter((sample) => sample.tag !== 'py-repl');
/** <py-repl echo-preload> (baked-repl.test.ts). */
export const replSamples = all.filter((sample) => sample.tag === 'py-repl');

export type Widget = HTMLElement & {
  text: string;
  step: number;
  code: string | undefined;
  trace: { stdout: string; end: { status: string }; steps: unknown[] } | undefined;
};
export type Shown = { element: Widget; detail: unknown; error: string | undefined };

/** Mounts the markup and waits for its first output (or error), with the py-result it fired. */
export async function show(markup: string): Promise<Shown> {
  let detail: unknown;
  const listen = (event: Event) => (detail ??= (event as CustomEvent).detail);
  document.addEventListener('py-result', listen);
  try {
    const element = await mount<Widget>(markup);
    // Engine elements compute when they come into view.
    element.scrollIntoView();
    const root = shadow(element);
    await until(() => detail !== undefined || root.querySelector('[part="error"]'), `py-result or an error from ${markup.slice(0, 40)}`, 90000);
    await settle(element);
    return { element, detail, error: root.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() };
  } finally {
    document.removeEventListener('py-result', listen);
  }
}

/** Interpreter requests the page made: the interpreter layer, the worker, Pyodide's files. */
export function interpreterRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /engine\/runtime\/|workers\/|pyodide\.(mjs|asm)|python_stdlib/.test(url));
}

/** Run-to-run differences CPython itself has: object addresses. */
export const normalize = (value: unknown): string =>
  JSON.stringify(value ?? null)
    .replace(/ at 0x[0-9a-f]+/g, ' at 0x…')
    .replace(/"address":"0x[0-9a-f]+"/g, '"address":"0x…"');
