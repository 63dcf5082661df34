#!/usr/bin/env node
// `npm run size`: prints the gzipped size of every file in dist/ and the entry's total.
import { existsSync } from 'node:fs';
import { measure, firstResultFiles, ENTRY_BUDGET_BYTES, FIRST_RESULT_BUDGET_BYTES } from './bundle-size.mjs';

if (!existsSync('dist/pyinnards.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const { files, entry, lazy } = await measure('dist');
const width = Math.max(52, ...files.map((file) => file.path.length));
console.log(`${'file (source maps and type declarations not listed)'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`);
for (const file of files) {
  console.log(`${file.path.padEnd(width)}  ${kb(file.bytes).padStart(9)}  ${kb(file.gzip).padStart(9)}`);
}
const verdict = entry.gzip <= ENTRY_BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `\nEntry (pyinnards.js + static imports: ${entry.files.join(', ')}): ${kb(entry.gzip)} gzipped, ` +
    `${verdict} the ${kb(ENTRY_BUDGET_BYTES)} budget.`,
);
for (const chunk of lazy) {
  console.log(`  loaded later by import(): ${chunk.path} ${kb(chunk.gzip)}`);
}
const first = await firstResultFiles('dist', 'node_modules/pyodide');
const firstTotal = first.reduce((sum, file) => sum + file.gzip, 0);
console.log(
  `\nA first result with engine="pyodide": ${kb(firstTotal)} gzipped, ` +
    `${firstTotal <= FIRST_RESULT_BUDGET_BYTES ? 'within' : 'OVER'} the ${kb(FIRST_RESULT_BUDGET_BYTES)} budget:`,
);
for (const file of first) console.log(`  ${file.source.padEnd(7)} ${file.path.padEnd(width)} ${kb(file.gzip).padStart(9)}`);
