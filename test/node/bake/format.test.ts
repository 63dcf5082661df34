// The bake contract (src/engine/bake/): round trips of real results computed by CPython 3.14
// (the same backend `pyinnards bake` uses), the key algorithm as the README documents it, and
// hostile or corrupt bakes, which must be refused before anything in them is shown.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { registerTextImports } from '../engine/text-imports.js';
import {
  BAKE_FORMAT,
  BAKE_PYTHON,
  BAKE_VERSION,
  bakeKey,
  bakeKeyInput,
  bakeScript,
  parseBake,
  serializeBake,
  type Bake,
  type BakeResults,
} from '../../../src/engine/bake/format.js';
import { KIT_VERSION } from '../../../src/engine/bake/kit-version.js';
import type { Computer } from '../../../src/cli/bake-compute.js';

const HOSTILE = `</script><img src=x onerror="alert(1)"><!-- <script>alert(2)</script> &amp; \u2028`;
const noAttributes = () => null;

function bakeOf<T extends keyof BakeResults>(tag: T, key: string, result: BakeResults[T]): Bake<T> {
  return { format: BAKE_FORMAT, version: BAKE_VERSION, kit: KIT_VERSION, python: BAKE_PYTHON, tag, key, result };
}

describe('bake format', () => {
  let computer: Computer;
  let dis: BakeResults['py-dis'];
  let trace: BakeResults['py-frames'];
  const disCode = `class Evil:\n    def __repr__(self):\n        return ${JSON.stringify(HOSTILE)}\ns = ${JSON.stringify(HOSTILE)}\n`;
  const traceCode = `${disCode}e = Evil()\nprint(s)\nraise ValueError(s)\n`;

  before(async () => {
    registerTextImports();
    const { cpythonComputer } = await import('../../../src/cli/bake-compute.js');
    computer = await cpythonComputer();
    dis = await computer.compute('py-dis', disCode, noAttributes);
    trace = await computer.compute('py-frames', traceCode, noAttributes);
  });

  it('round-trips a real dis tree and a real trace through the script text unchanged', async () => {
    for (const [tag, result] of [['py-dis', dis], ['py-frames', trace]] as const) {
      const key = (await bakeKey(tag, tag === 'py-dis' ? disCode : traceCode, noAttributes))!;
      const bake = bakeOf(tag, key, result as never);
      const parsed = parseBake(serializeBake(bake));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      assert.deepEqual(parsed.bake, bake);
    }
    // The run really held the hostile strings, so the test above carried them.
    assert.ok(trace.values.some((value) => value.repr === HOSTILE));
    assert.ok(trace.stdout.includes(HOSTILE));
    assert.equal(trace.end.status, 'error');
  });

  it('bakes a SyntaxError as a result', async () => {
    const result = await computer.compute('py-dis', 'x = (1,\n', noAttributes);
    assert.ok('error' in result && result.error.type === 'SyntaxError', JSON.stringify(result));
    const parsed = parseBake(serializeBake(bakeOf('py-dis', (await bakeKey('py-dis', 'x = (1,\n', noAttributes))!, result)));
    assert.ok(parsed.ok);
  });

  it('writes JSON that cannot end its script element or open markup', async () => {
    const text = bakeScript(bakeOf('py-frames', (await bakeKey('py-frames', traceCode, noAttributes))!, trace));
    const inner = text.slice(text.indexOf('>') + 1, -'</script>'.length);
    assert.doesNotMatch(inner, /[<>&\u2028\u2029]/);
    assert.equal(text.match(/<\/script/gi)?.length, 1);
    assert.deepEqual(JSON.parse(inner).result, trace);
  });

  it('refuses corrupt and forged bakes, saying why', async () => {
    const key = (await bakeKey('py-frames', traceCode, noAttributes))!;
    const good = bakeOf('py-frames', key, trace);
    const variants: Array<[string, unknown]> = [
      ['a number written as a string', { ...good, result: { ...trace, steps: trace.steps.map((s, i) => (i === 0 ? { ...s, stdout: '5' } : s)) } }],
      ['a value index that points nowhere', { ...good, result: { ...trace, scopes: [...trace.scopes, [['x', trace.values.length + 5]]] } }],
      ['a frame index that points nowhere', { ...good, result: { ...trace, steps: [{ ...trace.steps[0]!, stack: [[999, 1, 0, 0]] }] } }],
      ['a repr that is markup in an object', { ...good, result: { ...trace, values: [{ repr: { html: HOSTILE }, type: 'str', object: 0 }] } }],
      ['a value-stack slot that points nowhere', { ...good, result: { ...trace, steps: [{ ...trace.steps[0]!, valueStack: [null, trace.values.length + 3] }] } }],
      ['stdout offsets past the output', { ...good, result: { ...trace, steps: [{ ...trace.steps[0]!, stdout: trace.stdout.length + 1 }] } }],
      ['an unknown version', { ...good, version: 2 }],
      ['another format', { ...good, format: 'something-else' }],
      ['another Python', { ...good, python: 'CPython 3.13.0' }],
      ['a key that is not a SHA-256', { ...good, key: 'sha256-<img>' }],
      ['no result', { ...good, result: undefined }],
      ['a dis result for a frames bake', { ...good, result: dis }],
      ['an array', [good]],
      ['null', null],
    ];
    for (const [what, data] of variants) {
      const parsed = parseBake(JSON.stringify(data) ?? 'undefined');
      assert.equal(parsed.ok, false, what);
      assert.ok(!parsed.ok && parsed.reason.length > 0, what);
    }
    // The value stacks of trace version 2 are data the element reads: kept when they hold.
    const stacked = { ...trace, steps: [{ ...trace.steps[0]!, valueStack: [null, 0, 'saved lasti 4'] }, ...trace.steps.slice(1)] };
    assert.ok(parseBake(JSON.stringify({ ...good, result: stacked })).ok, 'a trace with value stacks');
    for (const text of ['', '{', '{"format":"pyinnards-bake"', '<img src=x onerror=alert(1)>']) assert.equal(parseBake(text).ok, false, text);
    const disTree = 'tree' in dis ? dis.tree : undefined;
    assert.ok(disTree);
    const badDis = { ...disTree, consts: [{ repr: 'x', type: 'code', child: 99 }] };
    assert.equal(parseBake(JSON.stringify(bakeOf('py-dis', key, { tree: badDis }))).ok, false, 'a const pointing at a missing child');
    const wrongOffset = { ...disTree, instructions: disTree.instructions.map((ins) => ({ ...ins, offset: String(ins.offset) })) };
    assert.equal(parseBake(JSON.stringify(bakeOf('py-dis', key, { tree: wrongOffset } as never))).ok, false, 'an offset as a string');
  });

  it('round-trips a console transcript with hostile output, and refuses a malformed one', async () => {
    const code = `s = ${JSON.stringify(HOSTILE)}\nprint(s)\nraise ValueError(s)`;
    const echo = (name: string) => (name === 'echo-preload' ? '' : null);
    const repl = await computer.compute('py-repl', code, echo);
    const key = (await bakeKey('py-repl', code, echo))!;
    const bake = bakeOf('py-repl', key, repl);
    const parsed = parseBake(serializeBake(bake));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
    assert.deepEqual(parsed.bake, bake);
    assert.ok(repl.pieces.some((piece) => piece.kind === 'stdout' && piece.text === `${HOSTILE}\n`), 'the run printed the hostile string');
    assert.equal(repl.status, 'error');
    assert.deepEqual(repl.failures.map((failure) => failure.kind), ['ValueError']);
    const variants: Array<[string, unknown]> = [
      ['a piece of an unknown kind', { ...repl, pieces: [{ kind: 'html', text: HOSTILE }] }],
      ['a piece whose text is markup in an object', { ...repl, pieces: [{ kind: 'stdout', text: { html: HOSTILE } }] }],
      ['a status a bake never has', { ...repl, status: 'timeout' }],
      ['no failures list', { ...repl, failures: undefined }],
      ['dropped as a string', { ...repl, dropped: '0' }],
      ['a negative dropped count', { ...repl, dropped: -1 }],
      ['a trace for a console bake', trace],
    ];
    for (const [what, result] of variants) assert.equal(parseBake(JSON.stringify({ ...bake, result })).ok, false, what);
  });

  it('computes the key exactly as the README defines it', async () => {
    const code = 'print("é")\n';
    const attributes: Record<string, string> = { depth: '1', 'show-caches': '', theme: 'dark' };
    const attribute = (name: string) => attributes[name] ?? null;
    // The documented input, spelled out: the attributes in BAKE_ATTRIBUTES order, byte lengths.
    const input = 'pyinnards-bake-key 1\ntag py-dis\nshow-caches 0\n\ndepth 1\n1\ncode 12\nprint("é")\n';
    assert.equal(bakeKeyInput('py-dis', code, attribute), input);
    assert.equal(await bakeKey('py-dis', code, attribute), `sha256-${createHash('sha256').update(input, 'utf8').digest('hex')}`);
  });

  it('computes the same key without Web Crypto (a plain-http page), with the JavaScript SHA-256', async () => {
    const code = 'print("é")\n';
    const attribute = (name: string) => (name === 'depth' ? '1' : null);
    const withWebCrypto = await bakeKey('py-dis', code, attribute);
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { configurable: true, value: {} });
    try {
      assert.equal(globalThis.crypto.subtle, undefined);
      assert.equal(await bakeKey('py-dis', code, attribute), withWebCrypto);
      assert.notEqual(await bakeKey('py-dis', code + ' ', attribute), withWebCrypto);
    } finally {
      Object.defineProperty(globalThis, 'crypto', crypto);
    }
  });

  it('keys change with the code, the tag and result attributes, not with presentation', async () => {
    const base = await bakeKey('py-frames', 'x = 1', noAttributes);
    assert.notEqual(await bakeKey('py-frames', 'x = 2', noAttributes), base);
    assert.notEqual(await bakeKey('py-dis', 'x = 1', noAttributes), base);
    assert.notEqual(await bakeKey('py-frames', 'x = 1', (n) => (n === 'max-steps' ? '5' : null)), base);
    assert.notEqual(await bakeKey('py-frames', 'x = 1', (n) => (n === 'stdin' ? '' : null)), base);
    assert.equal(await bakeKey('py-frames', 'x = 1', (n) => (n === 'theme' || n === 'step' ? '3' : null)), base);
  });

  it('names the kit version of package.json', () => {
    assert.equal(KIT_VERSION, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
