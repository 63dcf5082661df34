// Measures dist/: the gzipped size of every file, and of the entry together with every chunk it
// imports statically (what a page pays before any editor or interpreter chunk is requested).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** The budget for dist/pyinnards.js and its static imports, gzipped. */
export const ENTRY_BUDGET_BYTES = 20 * 1024;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The entry file and every module it reaches through static `import`s (not `import()`). */
export async function staticClosure(entry) {
  await init;
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'));
    for (const spec of imports) {
      // Dynamic import() calls are what keeps the editor and interpreters out of the entry.
      if (spec.type !== 'static' || !spec.specifier?.startsWith('.')) continue;
      visit(resolve(dirname(file), spec.specifier));
    }
  };
  visit(resolve(entry));
  return [...seen];
}

export async function measure(distDir = 'dist') {
  const files = listFiles(distDir)
    .filter((path) => !path.endsWith('.map') && !path.includes(`${join(distDir, 'types')}`))
    .sort()
    .map((path) => ({ path: relative(distDir, path), bytes: readFileSync(path).length, gzip: gzipSize(path) }));
  const closure = await staticClosure(join(distDir, 'pyinnards.js'));
  const entry = {
    files: closure.map((path) => relative(distDir, path)),
    gzip: closure.reduce((sum, path) => sum + gzipSize(path), 0),
  };
  return { files, entry };
}
