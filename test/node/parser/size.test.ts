// The parser's bundle (dist/parser.js, the `pyinnards/parser` export, tokenizer included) stays
// within 80 KB gzipped, and nothing of it reaches the page's entry. Its \N{} name table is a
// chunk of its own (120 KB at most), loaded with import() by the parser only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { measure, staticClosure } from '../../../scripts/bundle-size.mjs';

const BUDGET = 80 * 1024;
const NAMES_BUDGET = 120 * 1024;
/** A stretch of the name table's text: in a file, the table is there. */
const holdsNames = (file: string) => readFileSync(file, 'utf8').includes('LATIN SMALL LETTER A|');

test('dist/parser.js is at most 80 KB gzipped', () => {
  assert.ok(existsSync('dist/parser.js'), 'dist/ is missing: run `npm run build` first');
  const size = gzipSync(readFileSync('dist/parser.js'), { level: 9 }).length;
  console.log(`# dist/parser.js: ${(size / 1024).toFixed(1)} KB gzipped`);
  assert.ok(size <= BUDGET, `${size} bytes gzipped; the budget is ${BUDGET}`);
});

test('the entry never loads the parser', async () => {
  const { entry } = await measure('dist');
  for (const file of entry.files) {
    // A rule method of the generated parser: it would be there if the parser were.
    assert.ok(!readFileSync(`dist/${file}`, 'utf8').includes('r_star_targets'), `${file} holds parser code`);
  }
});

test('only <py-ast> loads the parser chunk, and only lazily (with import())', async () => {
  const holdsParser = (file: string) => readFileSync(file, 'utf8').includes('r_star_targets');
  for (const tag of ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast']) {
    const { files, lazy } = await staticClosure(`dist/elements/${tag}.js`);
    assert.deepEqual(files.filter(holdsParser), [], `<${tag}> loads parser code statically`);
    const lazyParser = lazy.filter(holdsParser);
    if (tag === 'py-ast') {
      assert.equal(lazyParser.length, 1, 'py-ast imports the parser chunk with import()');
      // What loading the parser brings with it: no interpreter, no editor.
      const brought = (await staticClosure(lazyParser[0]!)).files.filter((file) => /chunks[\\/](engine|editor)/.test(file));
      assert.deepEqual(brought, [], 'the parser chunk imports interpreter or editor chunks');
    }
    else assert.deepEqual(lazyParser, [], `<${tag}> can reach the parser`);
  }
});

test('the \\N{} name table is its own chunk, at most 120 KB gzipped, loaded only lazily by the parser', async () => {
  const tables = [
    ...readdirSync('dist/parser').map((f) => `dist/parser/${f}`),
    ...readdirSync('dist/chunks').map((f) => `dist/chunks/${f}`),
  ].filter((f) => f.endsWith('.js') && holdsNames(f));
  assert.equal(tables.length, 2, `one table for pyinnards/parser, one for the page: ${tables.join(', ')}`);
  for (const file of tables) {
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    console.log(`# ${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
    assert.ok(size <= NAMES_BUDGET, `${file}: ${size} bytes gzipped; the budget is ${NAMES_BUDGET}`);
  }
  assert.ok(!holdsNames('dist/parser.js'), 'dist/parser.js holds the table');
  const { files, lazy } = await staticClosure('dist/elements/py-ast.js');
  assert.deepEqual(files.filter(holdsNames), [], '<py-ast> loads the name table statically');
  const parserChunk = lazy.find((f) => readFileSync(f, 'utf8').includes('r_star_targets'))!;
  const fromParser = await staticClosure(parserChunk);
  assert.deepEqual(fromParser.files.filter(holdsNames), [], 'the parser chunk loads the name table statically');
  assert.equal(fromParser.lazy.filter(holdsNames).length, 1, 'the parser chunk imports the name table with import()');
  const { entry } = await measure('dist');
  for (const file of entry.files) assert.ok(!holdsNames(`dist/${file}`), `${file} holds the name table`);
});
