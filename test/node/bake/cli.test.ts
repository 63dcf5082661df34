// `pyinnards bake` on fixture pages: what it writes (bakes whose keys match the elements and
// whose results are CPython's), idempotence, --out, refusals and errors with their place, and
// the README's own snippets and the demo page.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerTextImports } from '../engine/text-imports.js';
import { countElements, preTexts } from '../../support/no-script-view.js';
import { findElements } from '../../../src/cli/bake-html.js';
import { disText, runPython } from '../../oracle/cpython.js';
import { runBake } from '../../../src/cli/bake-command.js';
import { bakeKey, parseBake } from '../../../src/engine/bake/format.js';
import { checkAttribute } from '../../../src/elements/attributes.js';
import type { Computer } from '../../../src/cli/bake-compute.js';

const PAGE = `<!doctype html>
<title>fixture</title>
<p>Some prose.</p>
<py-tokenizer>x = 1</py-tokenizer>
<py-dis show-caches>
  <script type="text/x-python">
    def is_small(n):
        return 0 <= n < 10
  </script>
</py-dis>
<py-frames code="total = 0&#10;for i in range(3):&#10;    total += i&#10;print(total)"></py-frames>
<py-dis>x = (1,</py-dis>
<py-frames src="lesson.py"></py-frames>
<py-repl>greeting = "hi"</py-repl>
`;

let real: Promise<Computer> | undefined;

async function bake(args: string[], computer: () => Promise<Computer> = () => (real ??= import('../../../src/cli/bake-compute.js').then((m) => m.cpythonComputer()))) {
  const log = { stdout: '', stderr: '' };
  const status = await runBake(args, { stdout: (t) => void (log.stdout += t), stderr: (t) => void (log.stderr += t), computer });
  return { status, ...log };
}

const noPython = () => Promise.reject(new Error('Python was started although nothing needed baking'));

describe('pyinnards bake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyinnards-bake-'));
  before(() => registerTextImports());

  it('bakes each engine element in place, one line each, and says what it skipped', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, PAGE);
    const run = await bake([page]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        `${page}:5: <py-dis> baked`,
        `${page}:11: <py-frames> baked`,
        `${page}:12: <py-dis> baked`,
        `${page}:13: <py-frames> skipped: its code comes from src="lesson.py" when the page is read`,
        `${page}:14: <py-repl> skipped: a console without echo-preload shows nothing until the reader uses it`,
        '5 elements in 1 file: 3 baked, 2 skipped',
        '',
      ].join('\n'),
    );
    const html = readFileSync(page, 'utf8');
    // Everything but the bakes (and their text for readers without JavaScript) is as written.
    assert.equal(html.replace(/<script type="application\/json" data-pyinnards-baked>.*?<\/script>(<noscript data-pyinnards-baked-text>.*?<\/noscript>)?/gs, ''), PAGE);
    const elements = findElements(html);
    const computer = await real!;
    for (const element of elements.filter((e) => e.bake)) {
      const parsed = parseBake(element.bake!.json);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      assert.ok('text' in element.code);
      assert.equal(parsed.bake.key, await bakeKey(element.tag, element.code.text, element.attribute));
      // What CPython computes for the element now (dis addresses aside, which differ per run).
      const fresh = await computer.compute(element.tag, element.code.text, element.attribute);
      const noAddresses = (value: unknown) => JSON.stringify(value).replace(/"address":"0x[0-9a-f]+"|at 0x[0-9a-f]+/g, '');
      assert.equal(noAddresses(parsed.bake.result), noAddresses(fresh));
    }
    const syntaxError = parseBake(elements[2]!.bake!.json);
    assert.ok(syntaxError.ok && 'error' in syntaxError.bake.result && (syntaxError.bake.result as { error: { type: string } }).error.type === 'SyntaxError');
  });

  it('changes nothing on a second run, and rebakes only what changed', async () => {
    const page = join(dir, 'page.html');
    const before = readFileSync(page, 'utf8');
    const again = await bake([page], noPython);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /5 elements in 1 file: 3 up to date, 2 skipped\n$/);
    assert.equal(readFileSync(page, 'utf8'), before);

    writeFileSync(page, before.replace('print(total)', 'print(total * 2)'));
    const edited = await bake([page]);
    // (Its line in the baked file: the text for readers without JavaScript above it has lines too.)
    assert.match(edited.stdout, new RegExp(`${page}:${findElements(before)[1]!.line}: <py-frames> rebaked: the code or an attribute changed\n`));
    assert.match(edited.stdout, /: 1 rebaked, 2 up to date, 2 skipped\n$/);
    const frames = findElements(readFileSync(page, 'utf8'))[1]!;
    const parsed = parseBake(frames.bake!.json);
    assert.ok(parsed.ok && (parsed.bake.result as { stdout: string }).stdout === '6\n');

    // A corrupt bake is replaced, and said to be.
    writeFileSync(page, readFileSync(page, 'utf8').replace(/("tag":"py-dis".*?"argcount":)0/, '$1"0"'));
    const corrupt = await bake([page]);
    assert.match(corrupt.stdout, /:5: <py-dis> rebaked: the old bake was unreadable \(result: tree\.argcount: Invalid type/);
  });

  it('gives readers without JavaScript the code and CPython\'s result as text, kept in step with the bake', async () => {
    const page = join(dir, 'noscript.html');
    const hostile = "print('</noscript><img src=x onerror=alert(1)>&amp;')";
    const written = [
      '<py-dis>\n  <script type="text/x-python">\n    def f(n):\n        return n < 10\n  </script>\n</py-dis>',
      `<py-frames code="${hostile.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></py-frames>`,
      '<py-dis show-offsets>y = [i for i in "ab"]</py-dis>',
      '<py-dis>x = (1,</py-dis>',
      '',
    ].join('\n');
    writeFileSync(page, written);
    const run = await bake([page]);
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(page, 'utf8');

    // What a browser with scripts off shows: each <noscript>'s <pre>s, and no element from a result.
    assert.equal(countElements(html, 'img', { fragment: false }), 0, 'markup in a result is text, not an element');
    const noscripts = [...html.matchAll(/<noscript data-pyinnards-baked-text>[\s\S]*?<\/noscript>/g)].map(([noscript]) => noscript);
    const shown = noscripts.map((noscript) => preTexts(noscript));
    const sameAddresses = (t: string) => t.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
    // Code from a <script> child: shown, then what dis.dis prints for it in CPython.
    assert.deepEqual(shown[0]!.map(sameAddresses), ['def f(n):\n    return n < 10', sameAddresses(await disText('def f(n):\n    return n < 10'))]);
    // Code from the code attribute: shown, then the recording's last step with the whole output.
    assert.equal(shown[1]![0], hostile);
    const output = (await runPython(hostile)).stdout;
    assert.ok(shown[1]![1]!.endsWith(`Output:\n${output}`), shown[1]![1]);
    // Code that is the element's text is on the page already: only the result. Options count
    // (show-offsets), and a SyntaxError is what CPython prints for it.
    const withOffsets = await runPython('import dis\ndis.dis(compile(\'y = [i for i in "ab"]\', "<py-dis>", "exec"), show_offsets=True)');
    assert.deepEqual(shown[2]!.map(sameAddresses), [sameAddresses(withOffsets.stdout)]);
    assert.deepEqual(shown[3], ['  File "<py-dis>", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n']);
    // With scripts on, a <noscript>'s content is raw text up to the first "</noscript": nothing
    // in it but its <pre> tags is markup, so no value ends it early. And the element's code (its
    // text) leaves it out: the bakes are up to date on a second run.
    assert.equal(noscripts.length, 4);
    for (const noscript of noscripts) assert.doesNotMatch(noscript.slice('<noscript data-pyinnards-baked-text>'.length, -'</noscript>'.length).replace(/<\/?pre>/g, ''), /</);
    assert.deepEqual(findElements(html).map((element) => 'text' in element.code && element.code.text), ['def f(n):\n    return n < 10', hostile, 'y = [i for i in "ab"]', 'x = (1,']);
    const again = await bake([page], noPython);
    assert.match(again.stdout, /4 elements in 1 file: 4 up to date\n$/);
    assert.equal(readFileSync(page, 'utf8'), html);

    // A bake made before the kit wrote the text gets it, without Python; a text that no longer
    // matches its bake is rewritten.
    let nth = 0;
    const forged = '<noscript data-pyinnards-baked-text><pre>forged</pre></noscript>';
    writeFileSync(page, html.replace(/<noscript data-pyinnards-baked-text>.*?<\/noscript>/gs, () => (nth++ === 3 ? forged : '')));
    const added = await bake([page], noPython);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /:1: <py-dis> up to date: its text for readers without JavaScript written\n/);
    assert.equal(readFileSync(page, 'utf8'), html);

    // Where there is no up-to-date bake, there is no text: a result that can't be baked any more
    // (its old bake is stale) and an element that isn't baked lose theirs.
    const staleText = html.replace('<py-frames code="', '<py-frames stdin="x" max-steps="lots" code="').replace('<py-dis show-offsets>', '<py-dis show-offsets engine="skulpt">');
    writeFileSync(page, staleText);
    const stale = await bake([page]);
    assert.equal(stale.status, 1);
    const left = readFileSync(page, 'utf8');
    assert.equal((left.match(/<noscript data-pyinnards-baked-text>/g) ?? []).length, 2);
    assert.ok(!/Output:/.test(left) && !/ 0 +0 +RESUME/.test(left), 'the stale texts are gone');
  });

  it('writes copies under --out, folders kept, sources untouched', async () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, 'posts'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<py-dis>x = 1</py-dis>\n');
    writeFileSync(join(site, 'posts', 'one.html'), '<p>no elements</p>\n');
    writeFileSync(join(site, 'notes.txt'), '<py-dis>not html</py-dis>\n');
    const out = join(dir, 'out');
    const run = await bake([site, '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), '<py-dis>x = 1</py-dis>\n');
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /^<py-dis>x = 1<script type="application\/json" data-pyinnards-baked>\{.*\}<\/script><noscript data-pyinnards-baked-text><pre>.*<\/pre><\/noscript><\/py-dis>\n$/s);
    assert.equal(readFileSync(join(out, 'posts', 'one.html'), 'utf8'), '<p>no elements</p>\n');
    assert.match(run.stdout, /1 element in 2 files: 1 baked \(written under .*out\)\n$/);
  });

  it('fails with the element\'s place when a result cannot be baked, and bakes the rest', async () => {
    const page = join(dir, 'bad.html');
    const html = '<py-frames>name = input()</py-frames>\n<py-frames max-steps="lots">x = 1</py-frames>\n<py-frames stdin="Ada">print(input())</py-frames>\n';
    writeFileSync(page, html);
    const run = await bake([page]);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      `${page}:1: <py-frames> failed: the code calls input(), which asks the reader: give the element a stdin attribute to bake it\n` +
        // The element's own message for the value (one validation path: src/elements/attributes.ts).
        `${page}:2: <py-frames> failed: ${checkAttribute('maxSteps', undefined, 'lots')} The element shows this error instead of a result.\n`,
    );
    assert.match(run.stdout, new RegExp(`${page}:3: <py-frames> baked\n3 elements in 1 file: 1 baked, 2 failed\n$`));
    const usage = await bake([], noPython);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^usage: pyinnards bake PATH\.\.\. \[--out DIR\]\n.*no PATH given/s);
    const missing = await bake([join(dir, 'nope.html')], noPython);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.html: no such file or folder/);
  });

  it('bakes a console that echoes its code, idempotently, and says why it skips or refuses the others', async () => {
    const page = join(dir, 'consoles.html');
    const html = [
      '<py-repl echo-preload>',
      '  <script type="text/x-python">',
      '    def greet(name):',
      '        return f"hello {name}"',
      '',
      '    greet("Ada")',
      '  </script>',
      '</py-repl>',
      '<py-repl echo-preload session="lesson">x = 1</py-repl>',
      '<py-repl echo-preload>name = input()</py-repl>',
      '<py-repl echo-preload timeout="1">while True: pass</py-repl>',
      '<py-repl echo-preload no-banner stdin="Ada">name = input("? ")\nname</py-repl>',
      '',
    ].join('\n');
    writeFileSync(page, html);
    const run = await bake([page]);
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        `${page}:1: <py-repl> baked`,
        `${page}:9: <py-repl> skipped: session="lesson": a console sharing a session shows what the consoles the reader started before it left there, so its transcript can't be baked`,
        `${page}:12: <py-repl> baked`,
        '5 elements in 1 file: 2 baked, 1 skipped, 2 failed',
        '',
      ].join('\n'),
    );
    assert.equal(
      run.stderr,
      `${page}:10: <py-repl> failed: the code calls input(), which asks the reader: give the element a stdin attribute to bake it\n` +
        `${page}:11: <py-repl> failed: the code ran longer than 1 s, so the reader's console would differ\n`,
    );
    const written = readFileSync(page, 'utf8');
    const [greet, , , , stdin] = findElements(written);
    const bakeOf = (element: typeof greet) => {
      const parsed = parseBake(element!.bake!.json);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      return parsed.bake;
    };
    const greeted = bakeOf(greet);
    assert.ok('text' in greet!.code);
    assert.equal(greeted.key, await bakeKey('py-repl', greet!.code.text, greet!.attribute));
    const result = greeted.result as { pieces: Array<{ kind: string; text: string }>; output: string; status: string; failures: unknown[] };
    assert.deepEqual(result.pieces.slice(1), [
      { kind: 'input', text: '>>> import asyncio\n' },
      { kind: 'input', text: '>>> def greet(name):\n...     return f"hello {name}"\n... \n' },
      { kind: 'input', text: '>>> greet("Ada")\n' },
      { kind: 'stdout', text: "'hello Ada'\n" },
    ]);
    assert.match(result.pieces[0]!.text, /^Python console: CPython 3\.14\.2 \(Pyodide 314\.0\.7\), as `python -m asyncio` runs it\./);
    assert.deepEqual([result.output, result.status, result.failures], ["'hello Ada'\n", 'ok', []]);
    assert.deepEqual((bakeOf(stdin).result as { pieces: unknown[] }).pieces, [
      { kind: 'input', text: '>>> name = input("? ")\n' },
      { kind: 'stdout', text: '? ' },
      { kind: 'input', text: '>>> name\n' },
      { kind: 'stdout', text: "'Ada'\n" },
    ]);
    // A second run changes nothing and starts no Python for the baked ones.
    const again = await bake([page]);
    assert.match(again.stdout, /5 elements in 1 file: 2 up to date, 1 skipped, 2 failed\n$/);
    assert.equal(readFileSync(page, 'utf8'), written);
  });

  it('stops a console at its time limit however soon the limit comes, and Python goes on working', async () => {
    // A limit of a few ms can run out while the console's own machinery runs, before the
    // input's loop starts: the interrupt must still end the loop (it hung the bake once).
    const page = join(dir, 'limits.html');
    const limits = Array.from({ length: 100 }, (_, i) => (1 + (i % 20)) / 1000);
    const html = limits.map((s) => `<py-repl echo-preload timeout="${s}">while True: pass</py-repl>`);
    writeFileSync(page, [...html, '<py-repl echo-preload>6 * 7</py-repl>', ''].join('\n'));
    const run = await bake([page]);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      limits.map((s, i) => `${page}:${i + 1}: <py-repl> failed: the code ran longer than ${s} s, so the reader's console would differ\n`).join(''),
    );
    assert.match(run.stdout, /:101: <py-repl> baked\n101 elements in 1 file: 1 baked, 100 failed\n$/);
    const last = findElements(readFileSync(page, 'utf8')).at(-1)!;
    const parsed = parseBake(last.bake!.json);
    assert.ok(parsed.ok);
    assert.equal((parsed.bake.result as { output: string }).output, '42\n');
  });

  it('bakes the README snippets and the demo page', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const snippets = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => /<py-(dis|frames|repl)/.test(s));
    assert.ok(snippets.length >= 3);
    const folder = join(dir, 'readme');
    mkdirSync(folder);
    snippets.forEach((snippet, i) => writeFileSync(join(folder, `snippet-${i}.html`), snippet));
    const readmeRun = await bake([folder]);
    assert.equal(readmeRun.status, 0, readmeRun.stderr);
    assert.doesNotMatch(readmeRun.stdout, /failed/);
    cpSync('demo/index.html', join(dir, 'demo.html'));
    const demo = await bake([join(dir, 'demo.html')]);
    assert.equal(demo.status, 0, demo.stderr);
    assert.match(demo.stdout, / baked/);
  });
});
