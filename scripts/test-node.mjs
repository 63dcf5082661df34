#!/usr/bin/env node
// Runs every Node test (test/node/**/*.test.ts) with node:test, TypeScript through tsx.
// Node 20's --test does not expand globs or pick up .ts files itself, so we list them here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv.slice(2);
const files = find('test/node')
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (files.length === 0) {
  console.error(`No Node test files matched ${filter.join(' ') || 'test/node/**/*.test.ts'}.`);
  process.exit(1);
}
// One file more than there are cores (each file is a process; most start CPython in Node, and
// several wait on a browser or a child process much of the time: on 2 cores, two files at a time
// kept 1.3 cores busy); at most four, so a big machine doesn't hold a dozen interpreters at once.
const concurrency = Math.min(availableParallelism() + 1, 4);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
