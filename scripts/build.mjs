#!/usr/bin/env node
// `npm run build`: dist/ from scratch. Each step says what it does and how long it took, so the
// minute a cold build takes is never a silent one (it is the first thing `npm start` does).
// dist/ that was built from the same inputs is kept (`npm test` then `npm run test:wordpress`
// build once); `--force` builds anyway.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
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

/** What dist/ is made from: the sources, the build scripts and configs, the locked dependencies. */
const INPUTS = ['src', 'scripts', 'package.json', 'package-lock.json', 'rollup.config.mjs', 'custom-elements-manifest.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.types.json'];
// Beside the other tools' caches, not in dist/ (which is packed and copied as it is).
const STAMP = 'node_modules/.cache/pyinnards/build-inputs.sha256';

/** `path` if it is a file, else the files under it, in a fixed order. */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const started = Date.now();
const fingerprint = inputsHash();
if (!process.argv.includes('--force') && existsSync('dist/pyinnards.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) {
  console.log('build: dist/ is up to date (built from these sources; `npm run build -- --force` rebuilds it).');
  process.exit(0);
}
rmSync('dist', { recursive: true, force: true });
rmSync(STAMP, { force: true });
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
mkdirSync(dirname(STAMP), { recursive: true });
writeFileSync(STAMP, fingerprint);
console.log(`build: dist/ is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
