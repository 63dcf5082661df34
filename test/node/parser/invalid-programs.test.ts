// The invalid programs of CPython's own syntax tests (test/fixtures/parser-invalid-sources.json,
// gathered by scripts/parser/gather-invalid-programs.ts) through our parser: the SyntaxError's
// class, message, line, offsets, text and its format_exception_only() output must be CPython's
// (test/fixtures/parser-invalid-expected.json, from `npm run fixtures`).
// Not all match yet: the test reports the count and fails only below the recorded count
// (test/fixtures/parser-ratchet.json, rewritten by `PARSER_RATCHET=write`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { ourError } from './our-error.js';
import type { ExpectedSyntaxError } from '../../oracle/ast.js';

const sources = JSON.parse(readFileSync('test/fixtures/parser-invalid-sources.json', 'utf8')) as Array<{ from: string; source: string }>;
const expected = (JSON.parse(readFileSync('test/fixtures/parser-invalid-expected.json', 'utf8')) as { errors: Array<ExpectedSyntaxError | null> }).errors;
const RATCHET = 'test/fixtures/parser-ratchet.json';

test('invalid programs from CPython’s syntax tests raise CPython’s SyntaxError', () => {
  assert.equal(sources.length, expected.length, 'fixtures out of step: run npm run fixtures');
  let matching = 0;
  const failures: string[] = [];
  sources.forEach(({ from, source }, i) => {
    const want = expected[i] as ExpectedSyntaxError;
    const got = ourError(source);
    if (typeof got !== 'string' && JSON.stringify(got) === JSON.stringify(want)) matching++;
    else failures.push(`${from}: ${JSON.stringify(source).slice(0, 120)}\n    want ${JSON.stringify(want)}\n    got  ${typeof got === 'string' ? got.slice(0, 300) : JSON.stringify(got)}`);
  });
  const ratchet = JSON.parse(readFileSync(RATCHET, 'utf8')) as { invalidPrograms: number; stdlibFiles: number };
  console.log(`# invalid programs: ${matching}/${sources.length} raise CPython's error exactly (recorded: ${ratchet.invalidPrograms})`);
  if (process.env.PARSER_SHOW) console.log(failures.slice(0, Number(process.env.PARSER_SHOW)).join('\n'));
  if (process.env.PARSER_RATCHET === 'write') writeFileSync(RATCHET, JSON.stringify({ ...ratchet, invalidPrograms: matching }, null, 2) + '\n');
  assert.ok(matching >= ratchet.invalidPrograms, `${matching} match, fewer than the ${ratchet.invalidPrograms} recorded; first failures:\n${failures.slice(0, 5).join('\n')}`);
});
