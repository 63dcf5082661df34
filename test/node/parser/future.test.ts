// `from __future__ import ...` at the top of a module: an unknown feature is a SyntaxError that
// ast.parse raises (CPython's future.c), with the alias's span and no text. Compared with
// CPython 3.14's ast.parse, computed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oracleSyntaxErrors } from '../../oracle/ast.js';
import { ourError } from './our-error.js';

const SOURCES = [
  'from __future__ import braces',
  'from __future__ import doesnt_exist',
  'from __future__ import *',
  '"""doc"""\nfrom __future__ import nope',
  '"d"\n"e"\nfrom __future__ import nope',
  'x = 1\nfrom __future__ import nope',
  'from __future__ import annotations, nope',
  'from __future__ import annotations\nfrom __future__ import nope',
  'from __future__ import (annotations,\n  nope as n)',
  'from __future__ import annotations; import os; from __future__ import nope',
  'from . import nope',
  'if 1:\n  from __future__ import nope',
  'from __future__ import annotations, generator_stop, barry_as_FLUFL, division',
];

test('unknown __future__ features raise CPython’s SyntaxError, known ones parse', async () => {
  const expected = await oracleSyntaxErrors(SOURCES);
  assert.ok(expected.filter((e) => e !== null).length >= 7, 'most of these are errors in CPython');
  SOURCES.forEach((source, i) => {
    // As JSON: Pyodide gives None as a key with no value, which JSON leaves out.
    assert.equal(JSON.stringify(ourError(source)), JSON.stringify(expected[i] ?? 'parsed without error'), source);
  });
});
