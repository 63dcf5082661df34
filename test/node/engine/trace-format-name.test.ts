// The trace format's name and version are defined in src/engine/trace/format.ts; the Python
// recorder writes them into every trace, so its copy must say the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TRACE_FORMAT, TRACE_VERSION } from '../../../src/engine/trace/format.js';

test("the Python recorder's FORMAT and VERSION are the TypeScript format's", () => {
  const source = readFileSync('src/engine/runtime/pyodide/python/pyinnards_recorder.py', 'utf8');
  const format = /^FORMAT = "([^"]*)"$/m.exec(source);
  const version = /^VERSION = (\d+)$/m.exec(source);
  assert.ok(format && version, 'pyinnards_recorder.py defines FORMAT and VERSION at the top level');
  assert.equal(format[1], TRACE_FORMAT);
  assert.equal(Number(version[1]), TRACE_VERSION);
});
