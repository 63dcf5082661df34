// Import forms handled by scripts/build-plugins.mjs.
declare module '*.py?text' {
  const source: string;
  export default source;
}
declare module '*?worker-url' {
  const url: string;
  export default url;
}
