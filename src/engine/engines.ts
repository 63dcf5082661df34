/** The interpreters the kit can run Python with (the engine layer's names; config.ts re-exports them). */
export const ENGINES = ['pyodide', 'skulpt'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * The phase that ends a wait after loading (`Engine.onProgress`: an import fetching the rest of
 * the standard library): the status line clears. Here, not in the engine layer, so that the
 * elements' shared code can read it without loading that layer.
 */
export const PROGRESS_DONE = 'done';
