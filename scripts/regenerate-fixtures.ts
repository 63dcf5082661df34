// `npm run fixtures`: asks CPython 3.14 (Pyodide in Node) again and rewrites everything we store
// from it. Tests fail when a stored file no longer matches what this would write.
import { writeFileSync } from 'node:fs';
import { generateTokenizerFixtures } from '../test/fixtures/tokenizer-samples.js';
import { generateSkulptExpectations } from '../test/fixtures/skulpt-expectations.js';
import { generateDisFixtures } from '../test/fixtures/dis-samples.js';
import { generateReplTranscripts } from '../test/fixtures/repl-transcripts.js';
import { generateBakedSamples } from '../test/fixtures/baked-samples.js';
import { generateTokenizerData } from '../test/oracle/tokenize.js';
import { generateAstSpec } from '../test/oracle/ast-spec.js';
import { generateInvalidExpectations } from '../test/oracle/ast.js';
import { generateAstFixtures } from '../test/fixtures/ast-samples.js';
import { generateStdlibDigests, STDLIB_DIGESTS } from '../test/oracle/stdlib-digests.js';
import { generate as generateUnicodeNames } from './parser/generate-unicode-names.js';

const json = (generate: () => Promise<unknown>) => async () => `${JSON.stringify(await generate(), null, 2)}\n`;

const FILES: Record<string, () => Promise<string>> = {
  // Samples for the <py-tokenizer> browser tests (browsers can't run the oracle).
  'test/fixtures/tokenizer-samples.json': json(generateTokenizerFixtures),
  // What the Skulpt backend's browser tests expect: CPython's float reprs, errors, a REPL transcript.
  'test/fixtures/skulpt-expectations.json': json(generateSkulptExpectations),
  // What dis.dis prints for the <py-dis> browser tests' samples.
  'test/fixtures/dis-samples.json': json(generateDisFixtures),
  // What CPython 3.14's console prints for the <py-repl> sessions (Node and browser tests).
  'test/fixtures/repl-transcripts.json': json(generateReplTranscripts),
  // Elements baked by `pyinnards bake`, for the browser tests of baked results.
  'test/fixtures/baked-samples.json': json(generateBakedSamples),
  // ast.dump with every option (or the SyntaxError) for the <py-ast> browser tests' samples.
  'test/fixtures/ast-samples.json': json(generateAstFixtures),
  // Tables the tokenizer needs: token numbers, operators, keywords, repr's escapes, codecs.
  'src/engine/tokenizer/cpython-data.ts': generateTokenizerData,
  // The parser's ast node classes: their fields, which are lists or optional, their attributes.
  'src/engine/parser/ast-spec.ts': generateAstSpec,
  // CPython's SyntaxError for each invalid program gathered from its own syntax tests.
  'test/fixtures/parser-invalid-expected.json': json(generateInvalidExpectations),
  // CPython's answers (as digests) for every stdlib file through `python -m ast -a` and `-m tokenize`.
  [STDLIB_DIGESTS.ast]: json(() => generateStdlibDigests('ast')),
  [STDLIB_DIGESTS.tokenize]: json(() => generateStdlibDigests('tokenize')),
  // What \N{...} may name in a string literal (the parser's lazily loaded name table).
  'src/engine/parser/unicode-names-data.ts': generateUnicodeNames,
};

for (const [path, generate] of Object.entries(FILES)) {
  writeFileSync(path, await generate());
  console.log(`wrote ${path}`);
}
