/**
 * The exact tokenizer, as its own chunk. Elements show their code the moment they upgrade and
 * colour it once this arrives (a few milliseconds later, requested as soon as the first element
 * connects); keeping it out of the entry keeps dist/pyinnards.js within its budget.
 */
export type Tokenizer = typeof import('../engine/tokenizer/for-text.js');

let loading: Promise<Tokenizer> | undefined;
let loaded: Tokenizer | undefined;

export function loadTokenizer(): Promise<Tokenizer> {
  loading ??= import('../engine/tokenizer/for-text.js').then((module) => (loaded = module));
  return loading;
}

/** The tokenizer if it has arrived, for code that renders synchronously. */
export function tokenizerIfLoaded(): Tokenizer | undefined {
  return loaded;
}

/**
 * For an element whose output is the tokens (<py-tokenizer>): it brings the tokenizer in its own
 * module, so its first frame already shows them (no empty table that then grows) and every code
 * view on the page is coloured at once.
 */
export function provideTokenizer(module: Tokenizer): void {
  loaded ??= module;
  loading ??= Promise.resolve(module);
}
