/**
 * The exact parser, as its own chunk: only `<py-ast>` asks for it (the entry and the other
 * elements never do), and only once one is in the page.
 */
export type Parser = typeof import('../../engine/parser/index.js');

let loading: Promise<Parser> | undefined;
let loaded: Parser | undefined;

export function loadParser(): Promise<Parser> {
  loading ??= import('../../engine/parser/index.js').then((module) => (loaded = module));
  return loading;
}

/** The parser if it has arrived, for code that renders synchronously. */
export function parserIfLoaded(): Parser | undefined {
  return loaded;
}
