// Measures dist/: the gzipped size of every file, and of the entry together with every chunk it
// imports statically (what a page pays before any editor or interpreter chunk is requested).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** The budget for dist/pyinnards.js and its static imports, gzipped (the autoloader and the page-wide settings). */
export const ENTRY_BUDGET_BYTES = 8 * 1024;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * The entry file and every module it reaches through static `import`s, plus the chunks those
 * load with `import()` (lazily: the tokenizer, the editor, the interpreters).
 */
export async function staticClosure(entry) {
  await init;
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'));
    for (const spec of imports) {
      if (!spec.specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.specifier);
      if (spec.type === 'static') visit(target);
      else if (spec.type === 'dynamic') lazy.add(target);
    }
  };
  visit(resolve(entry));
  return { files: [...seen], lazy: [...lazy].filter((file) => !seen.has(file)) };
}

export async function measure(distDir = 'dist') {
  const files = listFiles(distDir)
    .filter((path) => !path.endsWith('.map') && !path.includes(`${join(distDir, 'types')}`))
    .sort()
    .map((path) => ({ path: relative(distDir, path), bytes: readFileSync(path).length, gzip: gzipSize(path) }));
  const closure = await staticClosure(join(distDir, 'pyinnards.js'));
  const entry = {
    files: closure.files.map((path) => relative(distDir, path)),
    gzip: closure.files.reduce((sum, path) => sum + gzipSize(path), 0),
  };
  const lazy = closure.lazy.map((path) => ({ path: relative(distDir, path), gzip: gzipSize(path) }));
  return { files, entry, lazy };
}
