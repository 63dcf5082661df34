#!/usr/bin/env node
// `npm start` (after the build): serves the demo page, and the kit from a second port, so the
// demo uses pyinnards exactly as a page uses a CDN: from another origin.
import { serveStatic } from './static-server.mjs';

const pagePort = Number(process.env.PORT ?? 8000);
const kitPort = Number(process.env.KIT_PORT ?? pagePort + 1);

const kit = await serveStatic('dist', { port: kitPort, cors: true });
const page = await serveStatic('demo', {
  port: pagePort,
  // The page names its kit origin as %KIT_ORIGIN%; we fill in the second server's.
  transform: (_path, text) => text.replaceAll('%KIT_ORIGIN%', kit.origin),
});
const pageUrl = page.origin.replace('127.0.0.1', 'localhost');
console.log(`pyinnards demo: ${pageUrl}/`);
console.log(`kit served (as a CDN would) from ${kit.origin}/pyinnards.js`);
console.log('Press Ctrl+C to stop.');
