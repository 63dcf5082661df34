#!/usr/bin/env node
// Copies the built kit (dist/: the entry, the element files, the lazily loaded chunks and the
// workers; no source maps, types or CLI) into the WordPress plugin as wordpress/pyinnards/kit/,
// so a site can serve the widgets itself instead of loading them from a CDN.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';

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
rmSync(target, { recursive: true, force: true });
cpSync('dist', target, {
  recursive: true,
  filter: (source) => !/\.map$/.test(source) && !/^dist\/(types|cli\.js|tokenizer\.js)/.test(source),
});
console.log(`Copied the kit into ${target}/.`);
