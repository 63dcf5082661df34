// formatDis against CPython 3.14: for each snippet and every combination of the dis.dis options
// that change its text, the helper returns CPython's own `dis.dis` text and the structured tree;
// rendering the tree must give that text. Only object addresses (`at 0x...`) are normalized,
// although in practice they match too, since the tree carries them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDis, formatDisLines, labelsOf } from '../../../src/engine/dis/format-dis.js';
import type { DisOptions, DisTree } from '../../../src/engine/dis/types.js';
import { pyEval, runtime } from '../engine/runtime.js';
import { firstDifference, normalize } from './compare.js';

const SNIPPETS: Record<string, string> = {
  'return 42': 'def answer():\n    return 42\n',
  'spam = eggs - 1': 'spam = eggs - 1\n',
  'class Dog with bark': 'class Dog:\n    def bark(self):\n        return "Woof!"\n\nDog().bark()\n',
  'outer/inner closure': 'def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n',
  class: [
    'class Point(Base, metaclass=Meta):',
    '    """A point."""',
    '    count: int = 0',
    '    def __init__(self, x, y):',
    '        super().__init__()',
    '        self.x, self.y = x, y',
    '    @property',
    '    def norm(self):',
    '        return (self.x ** 2 + self.y ** 2) ** 0.5',
    '    def __class_getitem__(cls, item):',
    '        return __class__',
    '',
  ].join('\n'),
  'closures and cells': [
    'def counter(start=0, *, step=1):',
    '    count = start',
    '    def bump():',
    '        nonlocal count',
    '        count += step',
    '        return count',
    '    def peek():',
    '        return count',
    '    return bump, peek',
    '',
  ].join('\n'),
  'global/nonlocal': [
    'total = 0',
    'def add(n):',
    '    global total',
    '    total += n',
    '    def inner():',
    '        nonlocal n',
    '        n = n * 2',
    '        del n',
    '    return inner',
    '',
  ].join('\n'),
  comprehensions: [
    'squares = [x * x for x in range(10) if x % 2]',
    'pairs = {x: y for x in "ab" for y in range(2)}',
    'unique = {c.lower() for c in "Hello"}',
    'def f(data):',
    '    return [[y for y in row if y > data[0]] for row in data]',
    '',
  ].join('\n'),
  generators: [
    'def gen(n):',
    '    for i in range(n):',
    '        received = yield i',
    '        if received:',
    '            return received',
    '    yield from other()',
    'lazy = (x + 1 for x in gen(3))',
    '',
  ].join('\n'),
  'async/await': [
    'import asyncio',
    'async def fetch(urls):',
    '    results = []',
    '    async with session() as s:',
    '        async for chunk in s.stream(urls):',
    '            results.append(await chunk)',
    '    return [r async for r in agen() if await r]',
    'async def agen():',
    '    yield 1',
    '    await asyncio.sleep(0)',
    'asyncio.run(fetch([]))',
    '',
  ].join('\n'),
  match: [
    'def describe(command):',
    '    match command:',
    '        case {"action": "go", "direction": str(d), **rest}:',
    '            return d, rest',
    '        case [first, *others] if first > 0:',
    '            return first, others',
    '        case Point(x=0, y=0) | Point(x=1, y=1):',
    '            return "origin"',
    '        case 1 | 2 | 3 as n:',
    '            return n',
    '        case None:',
    '            return None',
    '        case _:',
    '            raise ValueError(command)',
    '',
  ].join('\n'),
  'try/except*/finally': [
    'def risky():',
    '    try:',
    '        work()',
    '    except* (ValueError, TypeError) as group:',
    '        handle(group)',
    '    except* OSError:',
    '        pass',
    '    finally:',
    '        cleanup()',
    '    try:',
    '        return 1 / 0',
    '    except ZeroDivisionError as e:',
    '        raise RuntimeError("bad") from e',
    '    else:',
    '        pass',
    '    finally:',
    '        print("done")',
    '',
  ].join('\n'),
  with: [
    'with open("a") as a, open("b") as b:',
    '    b.write(a.read())',
    'def copy():',
    '    with lock:',
    '        with (open("x") as x,',
    '              open("y") as y):',
    '            return x.read() + y.read()',
    '',
  ].join('\n'),
  decorators: [
    'import functools',
    '@functools.cache',
    '@trace(level=2)',
    'def fib(n: int) -> int:',
    '    return n if n < 2 else fib(n - 1) + fib(n - 2)',
    '@dataclass',
    'class C:',
    '    @staticmethod',
    '    def s(): pass',
    '    @classmethod',
    '    def c(cls): return cls',
    '',
  ].join('\n'),
  lambdas: [
    'key = lambda item: item[1]',
    'adders = [lambda x, n=n: x + n for n in range(3)]',
    'sorted(data, key=lambda p: (-p.score, p.name))',
    'compose = lambda f, g: lambda *a, **k: f(g(*a, **k))',
    '',
  ].join('\n'),
  'f-strings': [
    'name, width = "world", 10',
    'print(f"Hello, {name!r:>{width}}! {3.14159:.2f} {name=} {{literal}}")',
    'def greet(user):',
    '    return f"{user.first} {user.last!s} {user.age!a:03d}" + f"{\'nested\' + f\'{user}\'}"',
    '',
  ].join('\n'),
  'loops and long functions': [
    'def big(n):',
    '    total = 0',
    ...Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0
        ? `    for i${i} in range(n):\n        if i${i} > ${i}:\n            break\n        total += i${i}`
        : i % 3 === 1
          ? `    while total < ${i * 1000}:\n        total = total * 2 + ${i}`
          : `    total = obj.attr${i}.method(total, key=${i})`,
    ),
    '    return total',
    '',
  ].join('\n'),
  // Over 256 names and constants (EXTENDED_ARG), a backward jump longer than 255 code units,
  // more than 9999 bytes of code (a wider offset column) and line numbers past 999.
  'EXTENDED_ARG, long jumps, wide columns': [
    'for i in range(3):',
    // Blank lines between statements push line numbers past 999 without more bytecode.
    ...Array.from({ length: 520 }, (_, i) => `    v${i} = i + ${i + 1000}\n`),
    '',
  ].join('\n'),
  'module with docstring, imports, annotations': [
    '"""Module doc."""',
    'from __future__ import annotations',
    'import os.path as osp',
    'from typing import *',
    'x: int = 1',
    'def f[T](a: T, /, b: list[T] = [], *args: T, c, **kw) -> T: ...',
    'type Alias[K] = dict[K, int]',
    'assert x, "message"',
    'del x',
    '',
  ].join('\n'),
};

// Every combination of the options that change dis.dis's text: the four flags, and depth
// 0/1/None where the code nests deeply enough for that depth to cut something off (a depth at
// or beyond the nesting prints the same as None, so it is skipped to keep the run short).
function optionsFor(nesting: number): DisOptions[] {
  const options: DisOptions[] = [];
  for (const showCaches of [false, true])
    for (const showOffsets of [false, true])
      for (const showPositions of [false, true])
        for (const adaptive of [false, true])
          for (const depth of [0, 1, null])
            if (depth === null || depth < nesting) options.push({ showCaches, showOffsets, showPositions, adaptive, depth });
  return options;
}

/** How many levels of code objects sit below the top one. */
const nestingOf = (tree: DisTree): number => Math.max(0, ...tree.children.map((c) => 1 + nestingOf(c)));

const label = (o: DisOptions): string =>
  Object.entries(o)
    .filter(([, v]) => v !== false)
    .map(([k, v]) => (v === true ? k : `${k}=${v}`))
    .join(' ');

interface Disassembled {
  text: string;
  code: DisTree;
}

async function disassemble(code: string, options: DisOptions): Promise<Disassembled> {
  const { helpers } = await runtime();
  const result = JSON.parse(helpers.disassemble(code, JSON.stringify(options))) as Disassembled & { error?: unknown };
  if (result.error) throw new Error(`CPython could not compile the snippet: ${JSON.stringify(result.error)}`);
  return result;
}

describe('formatDis: snippets × options, against CPython 3.14', () => {
  let total = 0;
  let matched = 0;
  let exact = 0;
  for (const [name, code] of Object.entries(SNIPPETS)) {
    it(name, async () => {
      const failures: string[] = [];
      const nesting = nestingOf((await disassemble(code, {})).code);
      for (const options of optionsFor(nesting)) {
        const { text, code: tree } = await disassemble(code, options);
        const ours = formatDis(tree, options);
        total++;
        if (ours === text) exact++;
        if (normalize(ours) === normalize(text)) matched++;
        else failures.push(`[${label(options)}] ${firstDifference(normalize(ours), normalize(text))}`);
      }
      assert.deepEqual(failures, []);
    });
  }
  it('summary', () => {
    console.log(`# formatDis: ${matched}/${total} snippet × option runs match CPython (${exact} even byte for byte, addresses included)`);
    assert.equal(matched, total);
  });
});

describe('formatDis: details', () => {
  it('renders a deeper tree at a smaller depth, as dis.dis(depth=...) would', async () => {
    const code = SNIPPETS['comprehensions']!;
    const { code: full } = await disassemble(code, {});
    for (const depth of [0, 1, 2]) {
      const { text } = await disassemble(code, { depth });
      // Two compilations: the code objects' addresses differ.
      assert.equal(normalize(formatDis(full, { depth })), normalize(text));
    }
  });

  it('formatDisLines: the same text, each line tied to what it shows', async () => {
    const options = { showCaches: true, showOffsets: true };
    const { text, code } = await disassemble(SNIPPETS['try/except*/finally']!, options);
    const lines = formatDisLines(code, options);
    assert.equal(lines.map((l) => `${l.text}\n`).join(''), text);
    const walk = (c: DisTree): DisTree[] => [c, ...c.children.flatMap(walk)];
    for (const c of walk(code)) {
      const mine = lines.filter((l) => l.code === c);
      // Every instruction once, in order; every cache unit once; every exception-table entry once.
      assert.deepEqual(mine.filter((l) => l.kind === 'instruction').map((l) => l.instruction), c.instructions);
      const units = c.instructions.reduce((n, i) => n + (i.cache_info ?? []).reduce((m, [, size]) => m + size, 0), 0);
      assert.equal(mine.filter((l) => l.kind === 'cache').length, units);
      assert.deepEqual(mine.filter((l) => l.kind === 'exception-entry').map((l) => l.exceptionEntry), c.exception_table);
      for (const l of mine) if (l.label !== undefined) assert.match(l.text, new RegExp(`^\\s*\\S*\\s*L${l.label}:`));
    }
  });

  it('refuses to invent code objects the tree does not hold', async () => {
    const { code } = await disassemble(SNIPPETS['outer/inner closure']!, { depth: 0 });
    assert.throws(() => formatDis(code, {}), /no code object/);
  });

  it('numbers labels with the exception table, as dis.dis does (unlike get_instructions)', async () => {
    const { text, code } = await disassemble(SNIPPETS['try/except*/finally']!, { depth: 1 });
    const risky = code.children[0]!;
    const labels = labelsOf(risky);
    const expected = await pyEval<number>(
      'import dis\nco = [c for c in compile(src, "<py-dis>", "exec").co_consts if hasattr(c, "co_code")][0]\n' +
        'len(dis._make_labels_map(co.co_code, dis._parse_exception_table(co)))',
      { src: SNIPPETS['try/except*/finally']! },
    );
    assert.equal(labels.size, expected);
    assert.equal(formatDis(code, { depth: 1 }), text);
  });

  // The helper disassembles freshly compiled code; after warming up, adaptive=True shows
  // specialized instructions and live cache contents, which must render the same way.
  it('renders specialized (adaptive) code after the code has run', async () => {
    const result = await pyEval<string>(
      [
        'import dis, io, json, pyinnards_disassembly as rt',
        'class P:',
        '    def __init__(self): self.v = 1',
        '    def m(self): return self.v',
        'def hot(items, p):',
        '    total = 0',
        '    for i in items:',
        '        total += i * 2 + p.v + p.m() + len(items)',
        '        if total > 10 ** 6: break',
        '    return [str(t) for t in (total, total / 3)]',
        'for _ in range(200): hot(list(range(50)), P())',
        'out = []',
        'for caches in (False, True):',
        '    for positions in (False, True):',
        '        s = io.StringIO()',
        '        dis.dis(hot, file=s, adaptive=True, show_caches=caches, show_offsets=True, show_positions=positions)',
        '        out.append({"text": s.getvalue(), "tree": rt.code_tree(hot.__code__, None, caches, True),',
        '                    "options": {"showCaches": caches, "showOffsets": True, "showPositions": positions, "adaptive": True}})',
        'json.dumps(out)',
      ].join('\n'),
    );
    const runs = JSON.parse(result) as Array<{ text: string; tree: DisTree; options: DisOptions }>;
    const specialized = runs[0]!.tree.instructions.filter((i) => i.opname !== i.baseopname).map((i) => i.opname);
    assert.ok(specialized.length > 3, `expected specialized instructions, got ${specialized.join(', ')}`);
    for (const { text, tree, options } of runs) {
      const ours = formatDis(tree, options);
      assert.equal(normalize(ours), normalize(text), firstDifference(normalize(ours), normalize(text)));
    }
  });
});
