// The bake key: which code and attributes a baked result was computed for. The element
// computes it again from what it holds now and shows the bake only when both agree, so a result
// is never shown for code or options it wasn't computed from.
//
// The algorithm is meant to be reimplemented (PHP in the WordPress block editor, any static
// site tool), so it uses nothing but SHA-256 over a plain byte string (README, "Baked results"):
//
//   input = "pyinnards-bake-key 1\n"
//         + "tag " + TAG + "\n"
//         + for each result-affecting attribute of TAG that is present, in the order of
//           BAKE_ATTRIBUTES[TAG]:  NAME + " " + BYTES(VALUE) + "\n" + VALUE + "\n"
//         + "code " + BYTES(CODE) + "\n" + CODE
//   key   = "sha256-" + lowercase hex of SHA-256(UTF-8 bytes of input)
//
// BYTES(s) is the length of s in UTF-8 bytes, in decimal. VALUE is the attribute's value as the
// DOM reads it (getAttribute: entities decoded; "" for a bare boolean attribute). CODE is the
// code as the element sources it: after dedenting (src/elements/dedent.ts), from the `code`
// attribute or else the Python <script> child or else the element's text (without the bake and
// its <noscript> text, src/engine/bake/baked-text.ts). The lengths make the
// input unambiguous whatever the values contain.

/** The elements that can carry a bake. */
export type BakeTag = 'py-dis' | 'py-frames' | 'py-repl';

export const BAKE_TAGS: readonly BakeTag[] = ['py-dis', 'py-frames', 'py-repl'];

/**
 * The attributes that change each element's result, in key order. Others (theme, readonly,
 * speed, step, breakpoints...) change only how the result is shown.
 */
export const BAKE_ATTRIBUTES: Readonly<Record<BakeTag, readonly string[]>> = {
  'py-dis': ['show-caches', 'show-offsets', 'show-positions', 'adaptive', 'function', 'depth'],
  'py-frames': ['max-steps', 'granularity', 'stdin', 'timeout'],
  'py-repl': ['echo-preload', 'no-banner', 'session', 'stdin', 'timeout'],
};

const KEY_PREFIX = 'sha256-';
const utf8 = new TextEncoder();

/** The text that is hashed (exported for tests and for tools that want to show it). */
export function bakeKeyInput(tag: BakeTag, code: string, attribute: (name: string) => string | null): string {
  let input = `pyinnards-bake-key 1\ntag ${tag}\n`;
  for (const name of BAKE_ATTRIBUTES[tag]) {
    const value = attribute(name);
    if (value !== null) input += `${name} ${utf8.encode(value).length}\n${value}\n`;
  }
  return input + `code ${utf8.encode(code).length}\n${code}`;
}

/**
 * SHA-256 of `bytes`. Web Crypto where the page has it (https pages and localhost; Node always);
 * on a plain-http page, where browsers hide `crypto.subtle`, a small audited JavaScript
 * implementation (@noble/hashes), a chunk fetched only then.
 */
async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', bytes));
  const { sha256: fallback } = await import('@noble/hashes/sha2.js');
  return fallback(bytes);
}

/** The key for this element's code and attributes. */
export async function bakeKey(tag: BakeTag, code: string, attribute: (name: string) => string | null): Promise<string> {
  const digest = await sha256(utf8.encode(bakeKeyInput(tag, code, attribute)));
  return KEY_PREFIX + Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
