// Every opcode name CPython 3.14's dis can print has a note, and no note names an opcode
// CPython doesn't have. The expected names come from CPython itself (Pyodide in Node).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { OPCODE_NOTES, opcodeNote } from '../../../src/engine/dis/opcode-notes.js';
import { runPython } from '../../oracle/cpython.js';

// Which names count: dis labels an instruction with `dis._all_opname[op]`, a copy of
// `dis.opname` with the specialized names written into their slots (the table behind
// `adaptive=True`); any unused slot prints as "<N>", which is a number, not a name. So the
// printable names are exactly set(dis.opmap) | set(dis._specialized_opmap):
// - dis.opmap: base opcodes (CACHE and EXTENDED_ARG included), the INSTRUMENTED_* forms that
//   adaptive bytecode holds while sys.monitoring watches it, and the pseudo-instructions
//   (>= 256; compiler-only, but they are part of dis's public opcode tables);
// - dis._specialized_opmap: what the specializing interpreter rewrites warm code into.
// The script cross-checks that union against _all_opname, so a future dis that names
// instructions some other way fails here instead of silently shrinking the set.
const ORACLE = `
import dis, json, opcode, sys
printable = {n for n in dis._all_opname if not (n.startswith("<") and n.endswith(">"))}
union = set(dis.opmap) | set(dis._specialized_opmap)
assert printable == union, sorted(printable ^ union)
print(json.dumps({
    "version": list(sys.version_info[:2]),
    "names": sorted(union),
    "families": opcode._specializations,
    "instrumented": sorted(n for n in dis.opmap if n.startswith("INSTRUMENTED_")),
}))
`;

interface Oracle {
  version: [number, number];
  names: string[];
  families: Record<string, string[]>;
  instrumented: string[];
}

// All-caps words that may appear in a note without being opcode names.
const NOT_OPCODES = new Set(['NULL', 'JIT']);

describe('opcode notes cover CPython 3.14', () => {
  let oracle: Oracle;
  let names: Set<string>;

  before(async () => {
    const result = await runPython(ORACLE);
    assert.equal(result.status, 0, result.stderr);
    oracle = JSON.parse(result.stdout) as Oracle;
    names = new Set(oracle.names);
  });

  it('asks CPython 3.14', () => {
    assert.deepEqual(oracle.version, [3, 14]);
    // Sanity: the set really includes every kind of name we mean to cover.
    for (const n of ['CACHE', 'EXTENDED_ARG', 'LOAD_FAST_BORROW', 'INSTRUMENTED_LINE', 'SETUP_FINALLY', 'BINARY_OP_ADD_INT']) {
      assert.ok(names.has(n), n);
    }
  });

  it('has a non-empty note for every opname', () => {
    const missing = oracle.names.filter((n) => !(opcodeNote(n)?.trim()));
    assert.deepEqual(missing, [], `opnames without a note: ${missing.join(', ')}`);
  });

  it('has no notes for names CPython does not have', () => {
    const stale = Object.keys(OPCODE_NOTES).filter((n) => !names.has(n));
    assert.deepEqual(stale, [], `notes for unknown opnames: ${stale.join(', ')}`);
  });

  it('mentions only opcode names CPython has', () => {
    const bad: string[] = [];
    for (const [name, note] of Object.entries(OPCODE_NOTES)) {
      for (const word of note.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? []) {
        if (word.length > 1 && !NOT_OPCODES.has(word) && !names.has(word)) bad.push(`${name}: ${word}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('ties each specialized or instrumented form to its base instruction', () => {
    const bad: string[] = [];
    const mentions = (note: string, base: string) => new RegExp(`\\b${base}\\b`).test(note);
    for (const [base, family] of Object.entries(oracle.families)) {
      for (const n of family) {
        if (!mentions(OPCODE_NOTES[n] ?? '', base)) bad.push(`${n} should name ${base}`);
      }
    }
    for (const n of oracle.instrumented) {
      const base = n.replace(/^INSTRUMENTED_/, '');
      if (names.has(base) && !mentions(OPCODE_NOTES[n] ?? '', base)) bad.push(`${n} should name ${base}`);
    }
    assert.deepEqual(bad, []);
  });

  it('keeps notes short: one or two sentences of plain text', () => {
    for (const [name, note] of Object.entries(OPCODE_NOTES)) {
      assert.equal(note, note.trim(), name);
      assert.match(note, /[.!?]$/, `${name} should end a sentence`);
      assert.ok(note.length <= 300, `${name} is ${note.length} characters`);
      const sentences = note.match(/[.!?](?=\s+[A-Z]|$)/g)?.length ?? 0;
      assert.ok(sentences >= 1 && sentences <= 2, `${name} has ${sentences} sentences`);
    }
  });

  it('opcodeNote answers undefined for unknown names, even Object.prototype ones', () => {
    assert.equal(opcodeNote('LOAD_FAST'), OPCODE_NOTES.LOAD_FAST);
    assert.equal(opcodeNote('NO_SUCH_OP'), undefined);
    assert.equal(opcodeNote('<17>'), undefined);
    assert.equal(opcodeNote('constructor'), undefined);
    assert.equal(opcodeNote('__proto__'), undefined);
  });
});
