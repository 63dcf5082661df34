// Skulpt 1.2.0 and its standard library, as text. The backend reaches this module only by a
// dynamic import(), so the build gives it a chunk of its own (about 1 MB, 230 KB gzipped) that
// is fetched when a Skulpt worker loads, never by the page's entry.
export { default as skulptSource } from 'skulpt/dist/skulpt.min.js?text';
export { default as stdlibSource } from 'skulpt/dist/skulpt-stdlib.js?text';
