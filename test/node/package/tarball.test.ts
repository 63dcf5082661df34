// What `npm pack` puts in the package: the built kit, its manifest, README and LICENSE, and
// nothing else (no sources, tests, WordPress plugin or caches).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packKit } from '../../support/packed-kit.js';
import { TAGS } from '../../support/readme-snippets.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const kit = packKit();

interface Manifest {
  schemaVersion: string;
  modules: Array<{
    path: string;
    declarations?: Array<{
      tagName?: string;
      attributes?: Array<{ name: string }>;
      members?: Array<{ name: string; privacy?: string }>;
      events?: Array<{ name: string }>;
      cssParts?: Array<{ name: string }>;
      cssProperties?: Array<{ name: string }>;
    }>;
    exports?: Array<{ kind: string; name: string }>;
  }>;
}

test('the tarball holds the built kit, custom-elements.json, README, LICENSE and package.json, and nothing else', () => {
  const built = walk('dist').map((path) => relative('.', path));
  const intended = ['LICENSE', 'README.md', 'custom-elements.json', 'package.json', ...built].sort();
  assert.deepEqual(kit.files, intended);
});

test('the kit in the tarball has the entry, every element, the lazy chunks, the workers and the types', () => {
  const has = (pattern: RegExp) => kit.files.some((file) => pattern.test(file));
  const needed: Array<[string, RegExp]> = [
    ['the entry', /^dist\/pyinnards\.js$/],
    ...TAGS.map((tag): [string, RegExp] => [`<${tag}>'s own file`, new RegExp(`^dist/elements/${tag}\\.js$`)]),
    ['the editor chunk', /^dist\/chunks\/editor-[\w-]+\.js$/],
    ['the interpreter layer chunk', /^dist\/chunks\/engine-[\w-]+\.js$/],
    ['Skulpt on the page (for CSP pages)', /^dist\/chunks\/engine-skulpt-[\w-]+\.js$/],
    ['the Pyodide worker', /^dist\/workers\/pyodide\.js$/],
    ['the Skulpt worker', /^dist\/workers\/skulpt\.js$/],
    ['the trimmed standard library', /^dist\/python\/python_stdlib\.zip$/],
    ['its modules\' sources', /^dist\/python\/python_stdlib_sources\.zip$/],
    ['Skulpt itself', /^dist\/workers\/chunks\/skulpt-files-[\w-]+\.js$/],
    ['the tokenizer library', /^dist\/tokenizer\.js$/],
    ['the parser library', /^dist\/parser\.js$/],
    ['the CLI', /^dist\/cli\.js$/],
    ['the types entry', /^dist\/types\/index\.d\.ts$/],
  ];
  for (const [what, pattern] of needed) assert.ok(has(pattern), `${what} (${pattern}) is in the tarball`);
  assert.deepEqual(kit.files.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file)), [], 'no TypeScript sources');
});

test('the types map each tag to its class (HTMLElementTagNameMap)', () => {
  for (const tag of TAGS) {
    const declaration = readFileSync(join(kit.dir, `dist/types/elements/${tag}.d.ts`), 'utf8');
    assert.match(declaration, new RegExp(`interface HTMLElementTagNameMap \\{\\s*'${tag}': \\w+;`), `<${tag}> is in HTMLElementTagNameMap`);
  }
});

test('every path package.json names is in the tarball', () => {
  const pkg = JSON.parse(readFileSync(join(kit.dir, 'package.json'), 'utf8')) as {
    customElements: string;
    main: string;
    types: string;
    unpkg: string;
    jsdelivr: string;
    bin: Record<string, string>;
    exports: Record<string, string | { types: string; default: string }>;
  };
  const named = [pkg.customElements, pkg.main, pkg.types, pkg.unpkg, pkg.jsdelivr, ...Object.values(pkg.bin)];
  for (const target of Object.values(pkg.exports)) named.push(...(typeof target === 'string' ? [target] : [target.types, target.default]));
  for (const path of named) assert.ok(kit.files.includes(path.replace(/^\.\//, '')), `${path} is in the tarball`);
});

test('custom-elements.json describes each tag: attributes, properties, events, parts, custom properties', () => {
  const manifest = JSON.parse(readFileSync(join(kit.dir, 'custom-elements.json'), 'utf8')) as Manifest;
  const shippedPaths = manifest.modules.map((module) => module.path);
  for (const path of shippedPaths) assert.ok(kit.files.includes(path), `the manifest's module ${path} is a file of the package`);
  const theme = readFileSync('src/styles/theme.ts', 'utf8');
  const themeProperties = [...new Set(theme.match(/--py-[a-z-]+/g))].sort();
  for (const tag of TAGS) {
    const declaration = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === tag);
    assert.ok(declaration, `<${tag}> is declared`);
    assert.ok(
      manifest.modules.some((module) => module.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag)),
      `<${tag}> is defined`,
    );
    const names = (list: Array<{ name: string }> | undefined) => (list ?? []).map((item) => item.name);
    for (const attribute of ['code', 'src', 'readonly', 'theme']) assert.ok(names(declaration.attributes).includes(attribute), `<${tag} ${attribute}>`);
    assert.ok(names(declaration.members).includes('text'), `<${tag}>.text`);
    assert.deepEqual(
      (declaration.members ?? []).filter((member) => (member.privacy ?? 'public') !== 'public'),
      [],
      `<${tag}> lists only public members`,
    );
    for (const event of ['py-result', 'py-error']) assert.ok(names(declaration.events).includes(event), `<${tag}> fires ${event}`);
    assert.deepEqual(names(declaration.cssProperties).sort(), themeProperties, `<${tag}>'s custom properties are the theme's`);
    // Every part the element's own source and its bases render is documented.
    // (Its lazily loaded view lives in a folder named after it, e.g. src/elements/frames/.)
    const folder = `src/elements/${tag.replace(/^py-/, '')}`;
    const views = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.ts')).map((file) => join(folder, file)) : [];
    const sources = [`src/elements/${tag}.ts`, 'src/elements/py-element.ts', 'src/elements/code-view.ts', ...views];
    const rendered = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/part(?:="|', ')([\w -]+)['"]/g)].flatMap((m) => m[1]!.split(' ')));
    for (const part of new Set(rendered)) assert.ok(names(declaration.cssParts).includes(part), `<${tag}> documents part "${part}"`);
  }
  const dis = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'py-dis')!;
  for (const attribute of ['engine', 'pyodide-url', 'timeout', 'show-caches', 'adaptive', 'function', 'depth']) {
    assert.ok((dis.attributes ?? []).some((a) => a.name === attribute), `<py-dis ${attribute}>`);
  }
  assert.ok((dis.events ?? []).some((e) => e.name === 'py-engine'), '<py-dis> fires py-engine');
});
