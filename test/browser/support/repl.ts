// <py-repl> test helpers shared by the console's test files.
import type { PyRepl } from '../../../src/elements/py-repl.js';
import { contentRoot, mount } from './dom.js';

/** A <py-repl> with this markup inside, started (its interpreter up and its code run). */
export async function startedConsole(attributes = '', code = ''): Promise<PyRepl> {
  const element = await mount<PyRepl>(`<py-repl ${attributes}><script type="text/x-python">${code}</script></py-repl>`);
  await element.start();
  return element;
}

/** The console's transcript as text. */
export const transcript = (element: PyRepl) => contentRoot(element).querySelector<HTMLElement>('[part="transcript"]')!.textContent!;
