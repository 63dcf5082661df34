// Import forms handled by scripts/build-plugins.mjs.
declare module '*.py?text' {
  const source: string;
  export default source;
}
declare module '*?worker-url' {
  const url: string;
  export default url;
}

/** The kit's trimmed python_stdlib.zip as built (dist/python/), or null from unbundled sources. */
declare module '*?stdlib-url' {
  const url: string | null;
  export default url;
}
