/** The interpreters the kit can run Python with (the engine layer's names; config.ts re-exports them). */
export const ENGINES = ['pyodide', 'skulpt'] as const;
export type EngineName = (typeof ENGINES)[number];
