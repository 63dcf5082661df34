// Builds the CDN files in dist/: the entry, one file per element, the tokenizer, lazily loaded
// chunks (editor, later the interpreters) and the Node CLI.
import { nodeResolve } from '@rollup/plugin-node-resolve';
// TypeScript is only stripped here (esbuild, one file at a time: tsconfig sets isolatedModules);
// `npm run typecheck` checks the types, and tsc writes the declarations.
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { rollupEngineImports } from './scripts/build-plugins.mjs';

const typescript = () => esbuild({ tsconfig: './tsconfig.build.json', target: 'es2022', sourceMap: true });

const elements = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast'];

/** Names the lazily loaded chunks after what they hold, so a page's requests are readable. */
function chunkName(id) {
  // Virtual modules (a ?worker-url's URL, a ?text file) stay with the module that imports them:
  // a worker's URL must not pull that worker's code into the page.
  if (id.startsWith('\0')) return undefined;
  if (/[\\/]node_modules[\\/](@codemirror|@lezer|codemirror|style-mod|w3c-keyname|crelt)[\\/]/.test(id)) return 'editor';
  if (/[\\/]src[\\/]elements[\\/]editor[\\/]/.test(id)) return 'editor';
  // The console behind <py-repl>, loaded when the reader first uses one.
  if (/[\\/]src[\\/]elements[\\/]repl[\\/]/.test(id)) return 'repl';
  if (/[\\/]src[\\/]engine[\\/]tokenizer[\\/]/.test(id)) return 'tokenizer';
  // The \N{...} name table: loaded by the parser only for a source that holds `\N{`.
  if (/[\\/]src[\\/]engine[\\/]parser[\\/]unicode-names-data\.ts$/.test(id)) return 'unicode-names';
  if (/[\\/]src[\\/]engine[\\/]parser[\\/]/.test(id)) return 'parser';
  // <py-ast>'s tree view stays in its own file: no other element pays for it.
  if (/[\\/]src[\\/]elements[\\/]ast[\\/]/.test(id)) return undefined;
  // The baker's own computation stays in dist/bake.js, which no reader's page loads; so do a
  // console's transcript, which runs a console (in the bake chunk, it made every baked page
  // fetch <py-repl>'s console chunk), and the text for readers without JavaScript, which formats
  // with <py-dis>' and <py-frames>' code.
  if (/[\\/]src[\\/]engine[\\/]bake[\\/](compute|console-transcript|baked-text)\.ts$/.test(id)) return undefined;
  // The bake checker (format, key, strict validator): only for elements that carry a bake.
  if (/[\\/]src[\\/]engine[\\/]bake[\\/]/.test(id) || /[\\/]node_modules[\\/]valibot[\\/]/.test(id)) return 'bake';
  // SHA-256 in JavaScript, for the bake key on pages without Web Crypto (plain http) only.
  if (/[\\/]node_modules[\\/]@noble[\\/]hashes[\\/]/.test(id)) return 'sha256';
  // The dis formatter (<py-dis>, and <py-frames>' instruction view) and the replay view of
  // <py-frames> come when a widget has something to show.
  if (/[\\/]src[\\/](engine|elements)[\\/]dis[\\/]/.test(id)) return 'dis';
  if (/[\\/]src[\\/]elements[\\/]frames[\\/]/.test(id)) return 'frames';
  // The interpreter layer's page side. (The backends run in workers, built apart below; Skulpt
  // also comes to the page when its Content-Security-Policy forbids workers.)
  if (/[\\/]src[\\/]engine[\\/]runtime[\\/]skulpt[\\/]/.test(id)) return 'engine-skulpt';
  if (/[\\/]src[\\/]engine[\\/]runtime[\\/]/.test(id)) return 'engine';
  // What every element shares (lit, the base, the theme) goes in one chunk. The tokenizer is
  // left out so dist/tokenizer.js stays free of lit.
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id)) return 'core';
  const isElementEntry = elements.some((tag) => id.endsWith(`${tag}.ts`));
  // The page-wide settings and the names of the result chunks are shared by the entry (the
  // autoloader) and every element file, without lit: the entry's only static import.
  if (/[\\/]src[\\/](config|elements[\\/]result-parts)\.ts$/.test(id)) return 'config';
  if (/[\\/]src[\\/](elements|styles)[\\/]/.test(id) && !isElementEntry) return 'core';
  return undefined;
}

const browser = {
  input: {
    pyinnards: 'src/index.ts',
    // The baker, for pages that make bakes (the WordPress block editor, the embed builder).
    bake: 'src/bake.ts',
    ...Object.fromEntries(elements.map((tag) => [`elements/${tag}`, `src/elements/${tag}.ts`])),
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks: chunkName,
    sourcemap: true,
  },
  plugins: [
    rollupEngineImports(),
    nodeResolve({ browser: true }),
    typescript(),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
  preserveEntrySignatures: 'exports-only',
};

// Each backend's worker: its own entry file at a fixed name (dist/workers/NAME.js) that the page
// side starts from a Blob URL. Built apart so no worker code can end up in the page's chunks.
const workers = {
  input: {
    pyodide: 'src/engine/runtime/pyodide/worker.ts',
    skulpt: 'src/engine/runtime/skulpt/worker.ts',
  },
  output: {
    dir: 'dist/workers',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    rollupEngineImports(),
    nodeResolve({ browser: true }),
    typescript(),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
};

// The tokenizer on its own (the package's "./tokenizer" export) is built apart from the
// elements: sharing a chunk with them would pull its encoding tables into the page's entry.
const tokenizer = {
  input: 'src/engine/tokenizer/index.ts',
  output: { file: 'dist/tokenizer.js', format: 'es', sourcemap: true },
  plugins: [typescript(), terser({ format: { comments: false } })],
};

// The parser on its own (the package's "./parser" export), with the tokenizer it reads; its
// \N{...} name table a chunk beside it (dist/parser/), loaded by loadUnicodeNames().
const parser = {
  input: 'src/engine/parser/index.ts',
  output: { dir: 'dist', entryFileNames: 'parser.js', chunkFileNames: 'parser/[name]-[hash].js', format: 'es', sourcemap: true },
  plugins: [typescript(), terser({ format: { comments: false } })],
};

// `pyodide` stays a real dependency of the CLI (`pyinnards bake` runs CPython in Node from it);
// the browser kit never imports it.
const cli = {
  input: 'src/cli/main.ts',
  output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true, inlineDynamicImports: true },
  external: [/^node:/, /^pyodide(\/|$)/],
  plugins: [rollupEngineImports(), nodeResolve(), typescript()],
};

export default [browser, workers, tokenizer, parser, cli];
