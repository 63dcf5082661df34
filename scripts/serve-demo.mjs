#!/usr/bin/env node
// `npm start` (after the build): serves the demo page, and the kit from a second port, so the
// demo uses pyinnards exactly as a page uses a CDN: from another origin.
import { serveStatic } from './static-server.mjs';

const pagePort = Number(process.env.PORT ?? 8000);
const kitPort = Number(process.env.KIT_PORT ?? pagePort + 1);

const kit = await serveStatic('dist', { port: kitPort, cors: true });
// CPython (Pyodide) from node_modules, so the demo needs no network either.
const pyodide = await serveStatic('node_modules/pyodide', { port: kitPort + 1, cors: true });
const page = await serveStatic('demo', {
  port: pagePort,
  // The page names these origins as placeholders; we fill in our servers'.
  transform: (_path, text) => text.replaceAll('%KIT_ORIGIN%', kit.origin).replaceAll('%PYODIDE_URL%', `${pyodide.origin}/`),
});
const pageUrl = page.origin.replace('127.0.0.1', 'localhost');
console.log(`pyinnards demo: ${pageUrl}/`);
console.log(`kit served (as a CDN would) from ${kit.origin}/pyinnards.js, Pyodide from ${pyodide.origin}/`);
console.log('Press Ctrl+C to stop.');
