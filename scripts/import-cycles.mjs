// Finds import cycles among src/ modules, type-only imports included (`node scripts/import-cycles.mjs`
// prints them; test/node/kit/import-cycles.test.ts holds src/ to none).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

function listSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of `file` (static, dynamic and type-only), as source paths. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set();
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"?]+)['"]/g;
  for (const [, specifier] of text.matchAll(pattern)) {
    const base = resolve(dirname(file), specifier);
    const candidate = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
    if (candidate) targets.add(candidate);
  }
  return [...targets];
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import). */
export function importCycles(root = 'src') {
  const files = listSources(root).map((file) => resolve(file));
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
        cycles.push(component.map((file) => relative(process.cwd(), file)).sort());
      }
    }
  };
  for (const file of files) if (!indices.has(file)) visit(file);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = importCycles();
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(' <-> ')}`);
  console.log(cycles.length ? `${cycles.length} import cycle(s) in src/` : 'no import cycles in src/');
  process.exitCode = cycles.length ? 1 : 0;
}
