#!/usr/bin/env node
// `npm run build`: dist/ from scratch. Each step says what it does and how long it took, so the
// minute a cold build takes is never a silent one (it is the first thing `npm start` does).
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

// The tools' own command files, run with this Node (npm puts them in node_modules/.bin).
const bin = (name) => `node_modules/.bin/${name}`;

const steps = [
  ['Bundling the kit, its workers and the CLI (rollup)', bin('rollup'), ['-c', '--silent']],
  ['Trimming the standard library for CPython (dist/python/python_stdlib.zip)', 'scripts/build-stdlib.mjs', []],
  ['Writing type declarations (tsc)', bin('tsc'), ['-p', 'tsconfig.types.json']],
  [
    'Writing custom-elements.json',
    bin('cem'),
    ['analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'],
  ],
];

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
for (const [what, script, args] of steps) {
  const t0 = Date.now();
  process.stdout.write(`build: ${what}… `);
  const result = spawnSync(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`\nbuild: failed at "${what}" (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`build: dist/ is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
