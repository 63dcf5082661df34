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

test('the built bin (dist/cli.js) bakes a console, whose code it cuts into inputs with the lazily loaded tokenizer', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { findElements } = await import('../../../src/cli/bake-html.js');
  const { parseBake } = await import('../../../src/engine/bake/format.js');
  const page = join(mkdtempSync(join(tmpdir(), 'pyinnards-bin-bake-')), 'page.html');
  writeFileSync(page, '<py-repl echo-preload no-banner>x = 6 * 7\nx</py-repl>\n');
  const run = spawnSync(process.execPath, ['dist/cli.js', 'bake', page], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, `${page}:1: <py-repl> baked\n1 element in 1 file: 1 baked\n`);
  assert.equal(run.status, 0);
  const parsed = parseBake(findElements(readFileSync(page, 'utf8'))[0]!.bake!.json);
  assert.ok(parsed.ok);
  assert.deepEqual((parsed.bake.result as { pieces: unknown[] }).pieces, [
    { kind: 'input', text: '>>> x = 6 * 7\n' },
    { kind: 'input', text: '>>> x\n' },
    { kind: 'stdout', text: '42\n' },
  ]);
});
