// Builds the CDN files in dist/: the entry, one file per element, the tokenizer, lazily loaded
// chunks (editor, later the interpreters) and the Node CLI.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { rollupEngineImports } from './scripts/build-plugins.mjs';

const elements = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl'];

/** Names the lazily loaded chunks after what they hold, so a page's requests are readable. */
function chunkName(id) {
  if (/[\\/]node_modules[\\/](@codemirror|@lezer|codemirror|style-mod|w3c-keyname|crelt)[\\/]/.test(id)) return 'editor';
  if (/[\\/]src[\\/]elements[\\/]editor[\\/]/.test(id)) return 'editor';
  if (/[\\/]src[\\/]engine[\\/]tokenizer[\\/]/.test(id)) return 'tokenizer';
  // The interpreter layer: the page's side, then each backend (run inside its worker).
  if (/[\\/]src[\\/]engine[\\/]runtime[\\/]pyodide[\\/]/.test(id)) return 'engine-pyodide';
  if (/[\\/]src[\\/]engine[\\/]runtime[\\/]skulpt[\\/]|[\\/]node_modules[\\/]skulpt[\\/]/.test(id)) return 'engine-skulpt';
  if (/[\\/]src[\\/]engine[\\/]runtime[\\/]/.test(id)) return 'engine';
  // What every element shares (lit, the base, the theme) goes in one chunk. The tokenizer is
  // left out so dist/tokenizer.js stays free of lit.
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id)) return 'core';
  const isElementEntry = elements.some((tag) => id.endsWith(`${tag}.ts`));
  if (/[\\/]src[\\/](elements|styles|config\.ts)/.test(id) && !isElementEntry) return 'core';
  return undefined;
}

const browser = {
  input: {
    pyinnards: 'src/index.ts',
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
    typescript({ tsconfig: './tsconfig.build.json' }),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
  preserveEntrySignatures: 'exports-only',
};

// The tokenizer on its own (the package's "./tokenizer" export) is built apart from the
// elements: sharing a chunk with them would pull its encoding tables into the page's entry.
const tokenizer = {
  input: 'src/engine/tokenizer/index.ts',
  output: { file: 'dist/tokenizer.js', format: 'es', sourcemap: true },
  plugins: [typescript({ tsconfig: './tsconfig.build.json' }), terser({ format: { comments: false } })],
};

const cli = {
  input: 'src/cli/main.ts',
  output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true },
  external: [/^node:/],
  plugins: [nodeResolve(), typescript({ tsconfig: './tsconfig.build.json' })],
};

export default [browser, tokenizer, cli];
