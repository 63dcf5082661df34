import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { PYODIDE_VERSION } from '../../../src/config.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  exports: Record<string, string | { default: string; types: string }>;
  bin: Record<string, string>;
  unpkg: string;
  jsdelivr: string;
};

test('the Pyodide URL default names the pinned pyodide dependency (the CLI\'s, for bake)', () => {
  assert.equal(pkg.dependencies['pyodide'], PYODIDE_VERSION);
  const installed = JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8')) as { version: string };
  assert.equal(installed.version, PYODIDE_VERSION);
});

test('every file package.json points at is built', () => {
  assert.ok(existsSync('dist/pyinnards.js'), 'dist/ is missing: run `npm run build` first');
  const paths = [pkg.unpkg, pkg.jsdelivr, ...Object.values(pkg.bin)];
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === 'string') continue;
    paths.push(target.default, target.types);
  }
  for (const path of paths) assert.ok(existsSync(path), `${path} is listed in package.json but was not built`);
});

test('the CDN entry and each element file are minified and have source maps', () => {
  for (const file of ['dist/pyinnards.js', 'dist/elements/py-dis.js', 'dist/tokenizer.js']) {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /\/\/# sourceMappingURL=\S+\.js\.map\s*$/, `${file} links its source map`);
    assert.ok(existsSync(`${file}.map`), `${file}.map exists`);
    // Terser keeps template literals (lit's CSS) as written, so judge by what it removes: comments.
    assert.ok(!/\/\*\*|^\s*\/\/ /m.test(text), `${file} is minified (no comments left)`);
  }
});

test('the built bin (dist/cli.js) prints what python3.14 -m tokenize -e prints', async () => {
  const { spawnSync } = await import('node:child_process');
  const { oracleTokenizeCli } = await import('../../oracle/tokenize.js');
  const source = 'def f(x):\n    return f"{x!r:>{width}}"  # note\n\nbad = "unterminated\n';
  const ours = spawnSync(process.execPath, ['dist/cli.js', 'tokenize', '-e'], { input: source, encoding: 'utf8' });
  const expected = await oracleTokenizeCli(['-e'], {}, source);
  assert.equal(ours.stdout, expected.stdout);
  assert.equal(ours.stderr, expected.stderr);
  assert.equal(ours.status, expected.status);
});
