// The Python helpers are modules by job (issue 13): every .py file in the helpers' folder is one
// the worker writes into Pyodide's file system (an import it lacks would fail only in a browser),
// and the modules split out of pyinnards_runtime stay small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../src/engine/runtime/pyodide/python/', import.meta.url));
const table = readFileSync(fileURLToPath(new URL('../../../src/engine/runtime/pyodide/helper-modules.ts', import.meta.url)), 'utf8');
const files = readdirSync(dir).filter((name) => name.endsWith('.py'));

test('the worker writes every helper module', () => {
  for (const file of files) {
    const module = file.slice(0, -3);
    assert.ok(table.includes(`'./python/${file}?text'`), `helper-modules.ts imports ${file}`);
    const imported = new RegExp(`import (\\w+) from './python/${file.replace('.', '\\.')}\\?text'`).exec(table)![1]!;
    assert.match(table, new RegExp(`(${module}|\\[\\w+\\]): ${imported},`), `${module} is in the module table`);
  }
});

test('the helper modules are each under 400 lines', () => {
  for (const file of files) {
    const lines = readFileSync(`${dir}${file}`, 'utf8').split('\n').length;
    assert.ok(lines <= 400, `${file} has ${lines} lines`);
  }
});
