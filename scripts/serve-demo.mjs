#!/usr/bin/env node
// `npm start` (after the build): serves the demo page, and the kit from a second port, so the
// demo uses pyinnards exactly as a page uses a CDN: from another origin.
import { serveDemoPage, serveKitAndPyodide } from './static-server.mjs';

const pagePort = Number(process.env.PORT ?? 8000);
const kitPort = Number(process.env.KIT_PORT ?? pagePort + 1);

/** A taken port is a setup matter, not a crash: one line that names the variable to change. */
function portTaken(error, port, variable) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`npm start: port ${port} is already in use. Choose another with ${variable}, e.g. \`${variable}=${port + 100} npm start\`.`);
  process.exit(1);
}

// CPython (Pyodide) comes from node_modules, so the demo needs no network either.
// Pyodide takes the port after the kit's (KIT_PORT=0, any free port, takes any for both).
const cdn = await serveKitAndPyodide({ kitPort, pyodidePort: kitPort === 0 ? 0 : kitPort + 1 }).catch((error) =>
  portTaken(error, error.port ?? kitPort, 'KIT_PORT'),
);
const page = await serveDemoPage(cdn, { port: pagePort }).catch((error) => portTaken(error, pagePort, 'PORT'));
const pageUrl = page.origin.replace('127.0.0.1', 'localhost');
console.log(`pyinnards demo: ${pageUrl}/`);
console.log(`kit served (as a CDN would) from ${cdn.kit.origin}/pyinnards.js, Pyodide from ${cdn.pyodideUrl}`);
console.log('Press Ctrl+C to stop.');
