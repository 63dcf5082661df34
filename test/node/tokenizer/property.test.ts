// Property tests: random and mutated inputs (stdlib snippets with brackets, quotes, tabs, \r, \0,
// non-ASCII... inserted, deleted or replaced). Our tokenizer must never fail with anything but a
// TokenizeError, and must print exactly what CPython prints on a sample of them.
// The seed is fixed so failures reproduce; set TOKENIZER_SEED / TOKENIZER_RUNS to explore more.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mutate, mutationArbitrary } from '../../support/mutations.js';
import { runTokenize } from '../../../src/cli/tokenize-command.js';
import { TokenizeError, tokenize, tokenizeBytes, tokenizeSafe } from '../../../src/engine/tokenizer/index.js';
import { oracleGenerateTokens, oracleTokenizeCli, stdlibFiles } from '../../oracle/tokenize.js';
import { cliDifference } from './compare.js';

const SEED = Number(process.env.TOKENIZER_SEED ?? 20250314);
const ORACLE_RUNS = Number(process.env.TOKENIZER_RUNS ?? 300);
const LOCAL_RUNS = 3000;

const INTERESTING = [
  '(', ')', '[', ']', '{', '}', "'", '"', "'''", '"""', '\\', '\t', ' ', '    ', '\r', '\n', '\r\n', '\0',
  '\x0c', '\x0b', '#', ':', '=', '!', '.', '_', '0', '1', '9', 'e', 'j', 'x', 'b', 'o', 'f', 'r', 't', 'u',
  'f"', "rb'", 't"{', '{x}', '{{', '}}', 'é', '€', '𝔘', '\u00a0', '\u2028', '$', '?', '`', '@', '->', '**',
  'if', 'else', '0x', '1_', '1e', 'not', '\ufeff',
];

const mutationArb = mutationArbitrary(fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 3 })));

let snippets: string[] = [];

before(async () => {
  // Snippets of real code: a window of up to 12 lines from a spread of stdlib files.
  const files = await stdlibFiles();
  const decoder = new TextDecoder();
  for (let i = 0; i < files.length; i += 7) {
    const text = decoder.decode((files[i] as [string, Uint8Array])[1]);
    const lines = text.split('\n');
    for (let start = 0; start < lines.length && snippets.length < 4000; start += 40) {
      snippets.push(lines.slice(start, start + 12).join('\n'));
    }
  }
  snippets = snippets.filter((s) => s.trim().length > 0);
});

const inputArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([i, ms]) => mutate(snippets[i % snippets.length] as string, ms)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...INTERESTING), { maxLength: 30 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

describe('tokenizer properties', () => {
  it(`never throws anything but TokenizeError (${LOCAL_RUNS} runs, seed ${SEED})`, () => {
    console.log(`# property seed: ${SEED}`);
    fc.assert(
      fc.property(inputArb(), (source) => {
        for (const run of [() => tokenize(source), () => tokenizeBytes(new TextEncoder().encode(source), 'x.py')]) {
          try {
            run();
          } catch (e) {
            if (!(e instanceof TokenizeError)) throw e;
          }
        }
      }),
      { seed: SEED, numRuns: LOCAL_RUNS },
    );
  });

  it(`prints what CPython prints (${ORACLE_RUNS} runs, seed ${SEED})`, async () => {
    let skippedCrashes = 0;
    await fc.assert(
      fc.asyncProperty(inputArb(), async (source) => {
        const bytes = new TextEncoder().encode(source);
        for (const viaStdin of [false, true]) {
          const args = viaStdin ? ['-e'] : ['-e', 'prop.py'];
          const ours = runTokenize(args, () => bytes, () => bytes, { prog: 'tokenize' });
          const cpython = await oracleTokenizeCli(args, viaStdin ? {} : { 'prop.py': bytes }, viaStdin ? bytes : undefined);
          if (cpython.stderr.includes('SystemError')) {
            // CPython read outside its buffers (undefined behaviour) and failed internally;
            // nothing can or should reproduce that.
            skippedCrashes++;
            return;
          }
          const diff = cliDifference(ours, cpython);
          assert.equal(diff, null, `${viaStdin ? 'stdin' : 'file'} input ${JSON.stringify(source)}:\n  ${diff}`);
        }
      }),
      { seed: SEED, numRuns: ORACLE_RUNS },
    );
    console.log(`# inputs where CPython itself crashed (skipped): ${skippedCrashes}`);
  });

  it(`generate_tokens() tokens (incl. the line attribute) and errors agree (${ORACLE_RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(inputArb(), async (source) => {
        const expected = await oracleGenerateTokens(source);
        if (expected.error?.type === 'SystemError' || expected.error?.type === 'ValueError') return;
        const ours = tokenizeSafe(source);
        assert.deepEqual(
          ours.tokens.map((t) => [t.type, t.string, t.start, t.end, t.line]),
          expected.tokens,
          `input ${JSON.stringify(source)}`,
        );
        const e = ours.error;
        assert.deepEqual(
          e ? [e.pythonType, e.message, e.lineno, e.offset] : null,
          expected.error
            ? [expected.error.type, expected.error.message, expected.error.lineno ?? null, expected.error.offset ?? null]
            : null,
          `input ${JSON.stringify(source)}`,
        );
      }),
      { seed: SEED, numRuns: ORACLE_RUNS },
    );
  });
});
