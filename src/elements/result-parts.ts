// The lazily loaded chunks that show each engine element's result, and the mark of a bake child,
// named once. The elements load the chunks when they have a result to show; the autoloader, which
// must stay small, asks for them beside an element's own module when the element carries a bake,
// so a baked page fetches its chunks in one round rather than module, then checker, then output.

/** The marker of a bake child: `<script type="application/json" data-pyinnards-baked>`. */
export const BAKE_SELECTOR = ':scope > script[data-pyinnards-baked]';

/**
 * One import, asked for once and then shared: the autoloader's prefetch and the element's own
 * request get the same promise. An element that asks after the chunk has come goes on at once (a
 * settled promise resumes in the same task), where a fresh import() would wait a task or more
 * for the browser, often behind a painted frame. A failed import is asked for again next time.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The bake's format and key checker. */
export const loadBakeFormat = once(() => import('../engine/bake/format.js'));
/** <py-dis>'s formatter and listing. */
export const loadDisParts = once(() => Promise.all([import('../engine/dis/index.js'), import('./dis/listing.js')]));
/**
 * <py-frames>'s player. Its instruction view imports the dis formatter: asked for beside it, not
 * once the player's chunk has come and been read.
 */
export const loadPlayer = once(() => Promise.all([import('./frames/player.js'), import('../engine/dis/index.js')]).then(([player]) => player));
/** <py-repl>'s console. */
export const loadConsole = once(() => import('./repl/console-element.js'));

/** What showing each engine element's result takes, by tag. */
export const RESULT_PARTS: Readonly<Record<string, () => Promise<unknown>>> = {
  'py-dis': loadDisParts,
  'py-frames': loadPlayer,
  'py-repl': loadConsole,
};
