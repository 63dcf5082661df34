#!/usr/bin/env node
// `npm start` (after the build): serves the demo page, and the kit from a second port, so the
// demo uses pyinnards exactly as a page uses a CDN: from another origin.
import { serveDemoPage, serveKitAndPyodide } from './static-server.mjs';

const pagePort = Number(process.env.PORT ?? 8000);
const kitPort = Number(process.env.KIT_PORT ?? pagePort + 1);

// CPython (Pyodide) comes from node_modules, so the demo needs no network either.
const cdn = await serveKitAndPyodide({ kitPort, pyodidePort: kitPort + 1 });
const page = await serveDemoPage(cdn, { port: pagePort });
const pageUrl = page.origin.replace('127.0.0.1', 'localhost');
console.log(`pyinnards demo: ${pageUrl}/`);
console.log(`kit served (as a CDN would) from ${cdn.kit.origin}/pyinnards.js, Pyodide from ${cdn.pyodideUrl}`);
console.log('Press Ctrl+C to stop.');
