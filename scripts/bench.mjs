#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ (TypeScript, through tsx). Each prints its
// measurements next to a reference measured in the same run, and the ratio between them.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();
let failed = false;
for (const name of benches) {
  console.log(`\n# bench/${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}`], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
