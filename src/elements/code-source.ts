import { dedent } from './dedent.js';
import { isBakeChild, isBakedText } from './baked-result.js';

export class CodeSourceError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'CodeSourceError';
  }
}

const PYTHON_SCRIPT_TYPES = new Set(['text/x-python', 'text/python', 'application/x-python']);

/** The first `<script type="text/x-python">` child: the safe way to write `<` and `&` in HTML. */
function scriptChild(host: Element): HTMLScriptElement | undefined {
  for (const child of Array.from(host.children)) {
    if (child instanceof HTMLScriptElement && PYTHON_SCRIPT_TYPES.has(child.type.trim().toLowerCase())) {
      return child;
    }
  }
  return undefined;
}

/** The element's text, leaving out a baked result and its text (data, not code). */
function ownText(host: Element): string {
  return Array.from(host.childNodes, (node) => (isBakeChild(node) || isBakedText(node) ? '' : (node.textContent ?? ''))).join('');
}

/** Whether the light DOM holds code (as opposed to the `code` attribute or a `src` URL). */
export function hasInlineCode(host: Element): boolean {
  return scriptChild(host) !== undefined || ownText(host).trim() !== '';
}

/**
 * Reads the element's code in the documented order: the `code` property or attribute, a `src`
 * URL, a Python `<script>` child, then the element's own text. The result is dedented.
 */
export async function sourceCode(
  host: Element,
  code: string | undefined,
  src: string | undefined,
  signal?: AbortSignal,
): Promise<string> {
  if (code !== undefined && code !== null) return dedent(code);
  if (src) return dedent(await fetchSource(src, host.ownerDocument.baseURI, signal));
  const script = scriptChild(host);
  if (script) return dedent(script.textContent ?? '');
  return dedent(ownText(host));
}

async function fetchSource(src: string, base: string, signal?: AbortSignal): Promise<string> {
  let url: string;
  try {
    url = new URL(src, base).href;
  } catch {
    throw new CodeSourceError(`The src attribute "${src}" is not a valid URL.`, src);
  }
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CodeSourceError(
      `Could not load the code from ${url}: the request failed (offline, or the server does not allow cross-origin requests).`,
      url,
    );
  }
  if (!response.ok) {
    throw new CodeSourceError(`Could not load the code from ${url}: the server answered ${response.status} ${response.statusText}.`.replace(/ \.$/, '.'), url);
  }
  return response.text();
}
