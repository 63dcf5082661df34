// Skulpt's dist files, imported as text (see `?text` in scripts/build-plugins.mjs): they are
// classic scripts that assign the global `Sk`, so the worker evaluates them itself.
declare module '*.js?text' {
  const source: string;
  export default source;
}
