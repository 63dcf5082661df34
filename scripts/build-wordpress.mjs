#!/usr/bin/env node
// Copies the built kit (dist/: the entry, the element files, the lazily loaded chunks and the
// workers; no source maps, types or CLI) into the WordPress plugin as wordpress/pyinnards/kit/,
// so a site can serve the widgets itself instead of loading them from a CDN; and checks each
// block's block.json against the kit's custom-elements.json, so that an element attribute added
// to the kit can't be left out of the plugin (its blocks, and the shortcode, which reads them).
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const target = 'wordpress/pyinnards/kit';
if (!existsSync('dist/pyinnards.js')) {
  console.error('dist/ is not built: run `npm run build` first (or `npm run build:wordpress`).');
  process.exit(1);
}
// The plugin's version must be the package's: it is the kit's cache-busting ?ver= and names the
// CDN release the plugin loads by default.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const plugin = readFileSync('wordpress/pyinnards/pyinnards.php', 'utf8');
for (const pattern of [/^ \* Version:\s+(\S+)$/m, /define\( 'PYINNARDS_VERSION', '([^']+)' \);/]) {
  const found = pattern.exec(plugin)?.[1];
  if (found !== version) {
    console.error(`wordpress/pyinnards/pyinnards.php says version ${found}, package.json ${version}: make them equal.`);
    process.exit(1);
  }
}
/**
 * Element attributes the blocks don't offer, and why. Everything else the manifest lists must be
 * a block attribute (camelCase) of the same type.
 */
const NOT_BLOCK_ATTRIBUTES = {
  src: 'a post holds its code; src would fetch it from another address at each view',
  'pyodide-url': 'where Pyodide comes from is a site setting (Settings › pyinnards), written on each element',
};
/** Block attributes of the plugin's own, by element: not element attributes but its content. */
const PLUGIN_ATTRIBUTES = { 'py-dis': ['bake', 'bakeText'], 'py-frames': ['bake', 'bakeText'], 'py-repl': ['bake', 'bakeText'] };
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const blockType = (text) => (text === 'boolean' ? 'boolean' : /^number\b/.test(text) ? 'number' : 'string');

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName).map((declaration) => [declaration.tagName, declaration]),
);
const problems = [];
const blocks = readdirSync('wordpress/pyinnards/blocks', { withFileTypes: true }).filter((entry) => entry.isDirectory());
for (const { name } of blocks) {
  const json = JSON.parse(readFileSync(`wordpress/pyinnards/blocks/${name}/block.json`, 'utf8'));
  const tag = `py-${name}`;
  const element = elements.get(tag);
  if (json.name !== `pyinnards/${name}`) problems.push(`blocks/${name}/block.json is named ${json.name}, not pyinnards/${name}`);
  if (json.version !== version) problems.push(`blocks/${name}/block.json has version ${json.version}, package.json ${version}`);
  if (!element) {
    problems.push(`blocks/${name}/ has no element <${tag}> in custom-elements.json`);
    continue;
  }
  const expected = Object.fromEntries(
    (element.attributes ?? []).filter((attribute) => !(attribute.name in NOT_BLOCK_ATTRIBUTES)).map((attribute) => [camel(attribute.name), blockType(attribute.type?.text ?? 'string')]),
  );
  const actual = Object.fromEntries(Object.entries(json.attributes ?? {}).map(([key, schema]) => [key, schema.type]));
  for (const [key, type] of Object.entries(expected)) {
    if (!(key in actual)) problems.push(`<${tag}> has the attribute ${key} (${type}), which blocks/${name}/block.json lacks`);
    else if (actual[key] !== type) problems.push(`blocks/${name}/block.json types ${key} as ${actual[key]}, <${tag}> as ${type}`);
  }
  for (const key of Object.keys(actual)) {
    if (!(key in expected) && !(PLUGIN_ATTRIBUTES[tag] ?? []).includes(key)) problems.push(`blocks/${name}/block.json has ${key}, which <${tag}> has no attribute for`);
  }
}
for (const tag of elements.keys()) {
  if (!blocks.some(({ name }) => `py-${name}` === tag)) problems.push(`<${tag}> has no block: add wordpress/pyinnards/blocks/${tag.slice(3)}/block.json`);
}
if (problems.length > 0) {
  console.error(`The plugin's blocks disagree with custom-elements.json:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

rmSync(target, { recursive: true, force: true });
cpSync('dist', target, {
  recursive: true,
  filter: (source) => !/\.map$/.test(source) && !/^dist\/(types|cli\.js|tokenizer\.js)/.test(source),
});
console.log(`Copied the kit into ${target}/.`);
