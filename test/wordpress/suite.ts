// End to end in real WordPress: the suite one release's test file runs (bookworm.test.ts: Debian
// bookworm's package, 6.1, where the kit loads through a script tag made `type="module"`;
// trixie.test.ts: Debian trixie's, 6.8, through the script-modules API). The plugin's blocks and
// shortcode, and the README's Custom HTML snippet without the plugin, each opened as a published
// post in headless Chromium and driven as a reader would. Expected outputs come from CPython.
// Run by `npm run test:wordpress` (scripts/test-wordpress.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { WordPressSite } from './site.js';
import type { Release } from './releases.js';
import { packKit } from '../support/packed-kit.js';
import { serveAsJsdelivr, CDN_HOST, type FakeJsdelivr } from '../support/jsdelivr.js';
import { launchChromium } from '../support/chromium.js';
import { cdnSnippets, customHtmlSnippet, type Tag } from '../support/readme-snippets.js';
import { astShows, disShows, framesSteps, replRuns, requestedUrls, tokenizerShows } from '../support/drive-elements.js';
import { serveStatic, type Served } from '../../scripts/static-server.mjs';
import { oracleTokenizeCli } from '../oracle/tokenize.js';
import { astDumpText, disText } from '../oracle/cpython.js';
import { countElements, preTexts } from '../support/no-script-view.js';

const normalizeAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
const tokenizeE = async (code: string) => {
  const { stdout, stderr } = await oracleTokenizeCli(['-e'], {}, code);
  return stdout + stderr;
};

/** A block's comment as WordPress's serializer writes it (JSON with <, >, &, quotes and -- escaped). */
function block(name: string, attributes: Record<string, unknown>): string {
  const json = JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/'/g, '\\u0027')
    .replace(/\\"/g, '\\u0022');
  return `<!-- wp:${name} ${json} /-->`;
}

/** The same codes the README's Custom HTML snippet uses: `<`, `>`, `&`, quotes and `->` in each. */
const { html: customHtml, codes } = customHtmlSnippet();
const code = (tag: Tag) => codes.get(tag)!;
/** The <py-ast> block's code (the README's Custom HTML snippet has no <py-ast>). */
const AST_CODE = 'total = price * (1 + rate) if 0 < rate <= 1 else price  # <&>';
/** Code that can't sit in a script child: it goes to the `code` attribute. */
const HOSTILE = 'html = "</script><!-- [gallery] -->"  # Wordpress & <b>';
/** What the shortcode block holds, typed in the code editor (raw HTML). */
const SHORTCODE_RAW = `f = lambda a, b: a<b and "c"&b or 'e'  # ->`;
/** A classic post as the Visual tab stores it, and the code that means. */
const CLASSIC = `<p>[pyinnards element="dis"]def f(x: int) -&gt; bool:<br />\n&nbsp; &nbsp; return 0 &lt; x &gt; -1 and x &amp; 1 == 0 and "q" != 'r'[/pyinnards]</p>`;
const CLASSIC_CODE = `def f(x: int) -> bool:\n    return 0 < x > -1 and x & 1 == 0 and "q" != 'r'`;

interface Post {
  id: number;
  url: string;
  saved: string;
}

/** The whole suite on one release's WordPress, whose version must match `expectedVersion`. */
export function describeWordPress(release: () => Release, expectedVersion: RegExp): void {
describe(`pyinnards in WordPress (Debian ${release.name})`, () => {
  let site: WordPressSite;
  let cdn: FakeJsdelivr;
  let pyodide: Served;
  let browser: Browser;
  let version: string;
  const posts: Record<string, Post> = {};
  /** What the worker fetched from the Pyodide URL in the settings (a worker's requests are not the page's). */
  const pyodideRequests: string[] = [];

  before(async () => {
    site = new WordPressSite(release());
    version = await site.start();
    cdn = await serveAsJsdelivr(packKit().dir);
    // The site's own Pyodide URL setting points here (the Custom HTML snippet uses the default,
    // Pyodide on the CDN).
    pyodide = await serveStatic('node_modules/pyodide', { cors: true });
    pyodide.server.on('request', (request: { url?: string }) => pyodideRequests.push(request.url ?? ''));
    browser = await launchChromium(cdn.chromiumArgs);
  });

  after(async () => {
    for (const page of readers.values()) await (await page.catch(() => undefined))?.close();
    await browser?.close();
    pyodide?.server.close();
    cdn?.close();
    await site?.stop();
  });

  function publish(key: string, as: 'admin' | 'author' | 'contributor', content: string): Post {
    const post = site.helper<Post & { error?: string }>('post', { as, title: key, content });
    assert.equal(post.error, undefined);
    posts[key] = post;
    return post;
  }

  /**
   * A post opened once and read by several tests, as a reader reads one page with several
   * widgets: the kit and the interpreter start once, not once per test.
   */
  const readers = new Map<string, Promise<Page>>();
  const reader = (key: string): Promise<Page> => {
    if (!readers.has(key)) readers.set(key, open(posts[key]!.url));
    return readers.get(key)!;
  };

  /** What went wrong in a page: its script errors and the site's requests that failed. */
  const troubles = new WeakMap<Page, string[]>();

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    // Waits are for readiness; these limits only catch a page that will never be ready.
    page.setDefaultTimeout(300_000);
    page.setDefaultNavigationTimeout(300_000);
    await page.setViewport({ width: 1000, height: 900 });
    const seen: string[] = [];
    troubles.set(page, seen);
    page.on('pageerror', (error) => seen.push(`script error on ${page.url()}: ${String(error)}`));
    page.on('response', (response) => {
      // (Not /favicon.ico: the browser asks for it by itself, and WordPress answers it through
      // rewrite rules that PHP's built-in server doesn't run.)
      if (response.url().startsWith(site.origin) && response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') seen.push(`${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(site.origin)) seen.push(`${request.failure()?.errorText ?? 'failed'}: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  test('Debian\'s WordPress is installed and serves the site', () => {
    console.log(`WordPress ${version} (Debian ${site.release.suite}) at ${site.origin}`);
    assert.match(version, expectedVersion);
  });

  describe('without the plugin: the README\'s Custom HTML snippet', () => {
    before(() => {
      publish('custom-html', 'admin', `<!-- wp:html -->\n${customHtml}\n<!-- /wp:html -->`);
    });

    test('an administrator\'s Custom HTML block is saved as pasted', () => {
      assert.equal(posts['custom-html']!.saved, `<!-- wp:html -->\n${customHtml}\n<!-- /wp:html -->`);
    });

    test('<py-tokenizer> and <py-dis> upgrade, show the exact code, list the tokens and the bytecode', async () => {
      const page = await reader('custom-html');
      const tokens = await tokenizerShows(page, 'py-tokenizer');
      assert.equal(tokens.shownCode, code('py-tokenizer'));
      assert.equal(tokens.text, await tokenizeE(code('py-tokenizer')));
      const dis = await disShows(page, 'py-dis');
      assert.equal(dis.shownCode, code('py-dis'));
      assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(code('py-dis'))));
      const urls = await requestedUrls(page);
      assert.ok(urls.includes(`https://${CDN_HOST}/npm/pyinnards/dist/pyinnards.js`), 'the kit came from the CDN');
    });

    // Needs <py-frames> (issue 6).
    test('<py-frames> upgrades, shows the exact code and takes a step', async () => {
      const page = await reader('custom-html');
      const frames = await framesSteps(page, 'py-frames');
      assert.equal(frames.shownCode, code('py-frames'));
      assert.equal(frames.after, frames.before + 1);
    });

    // Needs <py-repl> (issue 7).
    test('<py-repl> upgrades and echoes an input', async () => {
      const page = await reader('custom-html');
      const repl = await replRuns(page, 'py-repl', '1 + 1');
      assert.equal(repl.printed, '2\n');
      assert.match(repl.transcript, /^>>> 1 \+ 1\n2$/m);
    });

    test('what WordPress does to pasted HTML: kses strips an author\'s scripts; wptexturize rewrites & after < in a script', async () => {
      const author = publish('custom-html-author', 'author', `<!-- wp:html -->\n${customHtml}\n<!-- /wp:html -->`);
      assert.doesNotMatch(author.saved, /<script/i, 'kses removed the script tags');
      assert.doesNotMatch(author.saved, /<py-/i, 'and our elements, with their code attributes');

      // The CDN snippet with the code in a script child: fine on a plain page, not in a post.
      const snippet = cdnSnippets().get('py-dis')!;
      const admin = publish('script-child', 'admin', `<!-- wp:html -->\n${snippet.html}\n<!-- /wp:html -->`);
      const html = await (await fetch(admin.url)).text();
      const script = /<py-dis>\s*<script type="text\/x-python">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      assert.ok(snippet.code.includes('n & 1') && script.includes('n &#038; 1'), `wptexturize rewrote the & (${script})`);
    });
  });

  describe('the plugin', () => {
    before(() => {
      site.installPlugin();
      const activated = site.helper<{ error: string | null; active: boolean }>('activate');
      assert.deepEqual(activated, { error: null, active: true });
      site.helper('option-set', { name: 'pyinnards_settings', value: { engine: 'pyodide', kit: 'local', pyodide: 'url', pyodide_url: `${pyodide.origin}/` } });
      publish(
        'blocks',
        'admin',
        [
          block('pyinnards/tokenizer', { code: code('py-tokenizer'), exact: true }),
          block('pyinnards/dis', { code: code('py-dis'), theme: 'dark' }),
          block('pyinnards/frames', { code: code('py-frames') }),
          block('pyinnards/repl', { code: code('py-repl') }),
          block('pyinnards/ast', { code: AST_CODE }),
          block('pyinnards/tokenizer', { code: HOSTILE }),
          `<!-- wp:shortcode -->\n[pyinnards element="tokenizer" readonly]${SHORTCODE_RAW}[/pyinnards]\n<!-- /wp:shortcode -->`,
        ].join('\n\n'),
      );
      publish('classic', 'admin', `${CLASSIC}\n<p>[pyinnards element="repl" show-caches theme="dark"]x = 1[/pyinnards]</p>`);
      publish('plain', 'admin', '<!-- wp:paragraph -->\n<p>No Python here.</p>\n<!-- /wp:paragraph -->');
    });

    test('renders each block as its element, the code in a script child (or the code attribute when it must)', async () => {
      const html = await (await fetch(posts['blocks']!.url)).text();
      const scripts = [...html.matchAll(/<(py-[a-z]+) class="wp-block-pyinnards-[a-z]+"[^>]*><script type="text\/x-python">\n([\s\S]*?)\n<\/script><\/\1>/g)];
      assert.deepEqual(
        scripts.map(([, tag, inner]) => [tag, inner]),
        [...(['py-tokenizer', 'py-dis', 'py-frames', 'py-repl'] as const).map((tag) => [tag, code(tag)]), ['py-ast', AST_CODE]],
      );
      assert.match(html, /<py-tokenizer class="wp-block-pyinnards-tokenizer" code="[^"]*"><\/py-tokenizer>/);
      assert.match(html, /<py-dis class="wp-block-pyinnards-dis" theme="dark" engine="pyodide" pyodide-url="http:\/\/127\.0\.0\.1:\d+\/"><script/);
      // One module tag for the kit: the script-modules API from 6.5, else our filtered tag.
      const modules = html.match(/<script type="module" src="[^"]*pyinnards\.js[^"]*"[^>]*>/g) ?? [];
      assert.equal(modules.length, 1, modules.join('\n'));
      assert.match(modules[0]!, new RegExp(`src="${site.origin}/wp-content/plugins/pyinnards/kit/pyinnards\\.js\\?ver=0\\.1\\.0"`));
    });

    test('each block is registered from its block.json: apiVersion 3, the editor script, the kit as view module (6.5+), its attributes the element\'s, each labelled', () => {
      const registered = site.helper<Record<string, { apiVersion: number; attributes: Record<string, string>; editorScripts: string[]; viewScriptModules: string[]; unlabelled: string[] }>>('blocks');
      const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string; type?: { text: string } }> }> }> };
      const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
      assert.deepEqual(Object.keys(registered).sort(), tags.map((element) => `pyinnards/${element.tagName!.slice(3)}`).sort());
      for (const element of tags) {
        const type = registered[`pyinnards/${element.tagName!.slice(3)}`]!;
        const offered = (element.attributes ?? []).filter((attribute) => attribute.name !== 'src' && attribute.name !== 'pyodide-url');
        // WordPress adds attributes of its own to every block (className, lock, metadata).
        assert.deepEqual(
          Object.keys(type.attributes).filter((name) => !['className', 'lock', 'metadata', 'bake', 'bakeText'].includes(name)).sort(),
          offered.map((attribute) => attribute.name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())).sort(),
          element.tagName,
        );
        assert.equal('bake' in type.attributes, ['py-dis', 'py-frames', 'py-repl'].includes(element.tagName!), 'engine blocks store a bake');
        assert.equal('bakeText' in type.attributes, 'bake' in type.attributes, 'and its text for readers without JavaScript');
        assert.equal(type.apiVersion, 3);
        assert.deepEqual(type.editorScripts, ['pyinnards-editor']);
        assert.deepEqual(type.viewScriptModules, release.name === 'bookworm' ? [] : ['pyinnards'], 'the kit is the view module where WordPress has them');
        assert.deepEqual(type.unlabelled, [], `${element.tagName}'s options all have labels`);
      }
    });

    test('a stored bake is printed only with the bake envelope\'s shape, escaped: a contributor can\'t forge markup with it', async () => {
      const key = `sha256-${'0'.repeat(64)}`;
      const envelope = (tag: string) => ({ format: 'pyinnards-bake', version: 1, kit: '0.1.0', python: 'CPython 3.14.2', tag, key });
      const markup = '</script><script>document.title="forged"</script><img src=x onerror=alert(1)> & <!--';
      const wellFormed = { ...envelope('py-dis'), result: { error: { type: 'SyntaxError', message: markup, traceback: markup } } };
      const forged: unknown[] = [
        { ...envelope('py-frames'), result: { steps: [] } }, // another element's bake
        { ...envelope('py-dis'), key: `sha256-${'0'.repeat(63)}"`, result: {} }, // not a key
        { ...envelope('py-dis'), version: '1', result: { tree: {} } }, // a string version
        { ...envelope('py-dis'), result: [markup] }, // a list for a result
        `{"format":"pyinnards-bake"}${markup}`, // a string, not an object
      ];
      const post = publish(
        'baked',
        'contributor',
        [
          block('pyinnards/dis', { code: 'x = 1', bake: wellFormed, bakeText: [markup, `${markup}\n</noscript>`] }),
          // A text that is not a list of strings is not printed; nor is a text without a bake.
          block('pyinnards/dis', { code: 'z = 3', bake: wellFormed, bakeText: [markup, 7] }),
          ...forged.map((bake) => block('pyinnards/dis', { code: 'y = 2', bake, bakeText: [markup] })),
        ].join('\n\n'),
      );
      const html = await (await fetch(post.url)).text();
      const children = [...html.matchAll(/<script type="application\/json" data-pyinnards-baked>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      assert.equal(children.length, 2, 'only the well-formed bakes are printed');
      assert.doesNotMatch(children[0]!, /[<>&]/, 'with <, > and & escaped');
      const printed = JSON.parse(children[0]!) as typeof wellFormed;
      assert.deepEqual({ ...printed, result: undefined }, { ...wellFormed, result: undefined });
      assert.doesNotMatch(html, /document\.title="forged"<\/script>|<img src=x/, 'no markup of the contributor\'s reached the page');
      assert.equal((html.match(/<py-dis /g) ?? []).length, 2 + forged.length, 'every block still renders its element');
      // The text is printed escaped, as text (WordPress's kses has filtered a contributor's strings
      // first): with scripts off, the <noscript> holds its two <pre>s and no markup.
      const texts = [...html.matchAll(/<noscript data-pyinnards-baked-text>[\s\S]*?<\/noscript>/g)].map(([text]) => text);
      assert.equal(texts.length, 1, 'one text: the first block\'s');
      assert.equal(preTexts(texts[0]!).length, 2);
      assert.equal(countElements(texts[0]!, 'img') + countElements(texts[0]!, 'script'), 0, 'no markup from the text');
      assert.doesNotMatch(texts[0]!.replace(/^<noscript data-pyinnards-baked-text>|<\/noscript>$/g, '').replace(/<\/?pre>/g, ''), /</, 'nothing can end the <noscript> early');
    });

    test('an author\'s and a contributor\'s blocks keep their code, stdin and bake exact through kses, and still print no markup of theirs', async () => {
      // kses (which runs for users without unfiltered_html) would write `<` as `&lt;` and `&` as `&amp;`.
      const disCode = 'def f(n):\n    return 0 <= n < 10 and n & 1 == 0 or "<b>" + "\\0"';
      const breakout = 'x = "--><script>document.title=\'forged\'</script><!--" # </py-tokenizer>';
      const stdin = '<Ada> & co\n';
      const key = `sha256-${'0'.repeat(64)}`;
      const bake = { format: 'pyinnards-bake', version: 1, kit: '0.1.0', python: 'CPython 3.14.2', tag: 'py-frames', key, result: { stdout: '<b>&amp;</b>' } };
      const authored = publish('kses-author', 'author', [block('pyinnards/dis', { code: disCode }), block('pyinnards/frames', { code: 'print(input())', stdin, bake, bakeText: ['a < b & c'] })].join('\n\n'));
      const contributed = publish('kses-contributor', 'contributor', block('pyinnards/tokenizer', { code: breakout }));
      // What WordPress stored: the values as written.
      const attributesOf = (saved: string) => [...saved.matchAll(/<!-- wp:pyinnards\/[a-z]+ (\{.*?\}) \/?-->/g)].map(([, json]) => JSON.parse(json!) as Record<string, unknown>);
      const [dis, frames] = attributesOf(authored.saved);
      assert.equal(dis!['code'], disCode);
      assert.deepEqual([frames!['stdin'], frames!['bake'], frames!['bakeText']], [stdin, bake, ['a < b & c']]);
      assert.equal(attributesOf(contributed.saved)[0]!['code'], breakout);
      // What readers get: the exact code, CPython's bytecode for it, and no markup of the writers'.
      const page = await open(authored.url);
      const shown = await disShows(page, 'py-dis');
      assert.equal(shown.shownCode, disCode);
      assert.equal(normalizeAddresses(shown.text), normalizeAddresses(await disText(disCode)));
      assert.equal(await page.$eval('py-frames', (element) => element.getAttribute('stdin')), stdin);
      await page.close();
      const html = await (await fetch(contributed.url)).text();
      assert.doesNotMatch(html, /<script>document\.title/, 'the contributor\'s code is not markup');
      const reading = await open(contributed.url);
      const tokens = await tokenizerShows(reading, 'py-tokenizer');
      assert.equal(tokens.shownCode, breakout);
      assert.equal(tokens.text, await tokenizeE(breakout));
      assert.notEqual(await reading.title(), 'forged');
      await reading.close();
    });

    test('block <py-tokenizer>s and the shortcode show the exact code and the tokens CPython lists', async () => {
      const page = await reader('blocks');
      const first = await tokenizerShows(page, 'py-tokenizer.wp-block-pyinnards-tokenizer');
      assert.equal(first.shownCode, code('py-tokenizer'));
      assert.equal(first.text, await tokenizeE(code('py-tokenizer')));
      const hostile = await tokenizerShows(page, 'py-tokenizer.wp-block-pyinnards-tokenizer[code]');
      assert.equal(hostile.shownCode, HOSTILE);
      assert.equal(hostile.text, await tokenizeE(HOSTILE));
      const shortcode = await tokenizerShows(page, 'py-tokenizer[readonly]');
      assert.equal(shortcode.shownCode, SHORTCODE_RAW);
      assert.equal(shortcode.text, await tokenizeE(SHORTCODE_RAW));
    });

    test('block <py-ast> shows the exact code and the tree CPython\'s ast.dump prints, with the plugin\'s parser chunk', async () => {
      const page = await reader('blocks');
      // (Scrolled into view as a reader would: <py-ast> parses when it is first seen.)
      const ast = await astShows(page, 'py-ast.wp-block-pyinnards-ast');
      assert.equal(ast.shownCode, AST_CODE);
      assert.equal(ast.text, await astDumpText(AST_CODE));
      const urls = await requestedUrls(page);
      assert.ok(urls.some((url) => url.includes('/wp-content/plugins/pyinnards/kit/chunks/parser')), `the parser chunk came from the plugin: ${urls.join(', ')}`);
    });

    test('block <py-dis> shows the exact code and the bytecode, with Pyodide from the URL in the settings', async () => {
      const page = await reader('blocks');
      const dis = await disShows(page, 'py-dis');
      assert.equal(dis.shownCode, code('py-dis'));
      assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(code('py-dis'))));
      // PYINNARDS_WP_SCREENSHOT=post.png keeps a picture of the post, to look at: post-bookworm.png
      // and post-trixie.png, as the two releases run side by side.
      const screenshot = process.env['PYINNARDS_WP_SCREENSHOT'];
      if (screenshot) await page.screenshot({ path: screenshot.replace(/(\.png)?$/, `-${release.name}.png`) as `${string}.png`, fullPage: true });
      const urls = await requestedUrls(page);
      assert.ok(urls.some((url) => url.startsWith(`${site.origin}/wp-content/plugins/pyinnards/kit/chunks/engine-`)), 'the interpreter chunk came from the plugin');
      assert.ok(pyodideRequests.some((url) => url.startsWith('/pyodide.asm.wasm')), `Pyodide came from the configured URL: ${pyodideRequests.join(', ')}`);
      assert.ok(!urls.some((url) => url.includes(CDN_HOST)), 'nothing came from the CDN');
    });

    // Needs <py-frames> (issue 6).
    test('block <py-frames> shows the exact code and takes a step', async () => {
      const page = await reader('blocks');
      const frames = await framesSteps(page, 'py-frames');
      assert.equal(frames.shownCode, code('py-frames'));
      assert.equal(frames.after, frames.before + 1);
    });

    // Needs <py-repl> (issue 7).
    test('block <py-repl> echoes an input', async () => {
      const page = await reader('blocks');
      const repl = await replRuns(page, 'py-repl', '1 + 1');
      assert.equal(repl.printed, '2\n');
      assert.match(repl.transcript, /^>>> 1 \+ 1\n2$/m);
    });

    test('the classic editor\'s shortcode (as the Visual tab stores it) shows the exact code and its bytecode, an author\'s too', async () => {
      // An author's post goes through kses, which keeps the Visual tab's entities as they are.
      const authored = publish('classic-author', 'author', CLASSIC);
      for (const url of [posts['classic']!.url, authored.url]) {
        const page = await open(url);
        const dis = await disShows(page, 'py-dis');
        assert.equal(dis.shownCode, CLASSIC_CODE);
        assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(CLASSIC_CODE)));
        await page.close();
      }
    });

    test('a shortcode attribute the element lacks is named under the widget, not ignored', async () => {
      const html = await (await fetch(posts['classic']!.url)).text();
      assert.match(html, /<py-repl theme="dark"[^>]*><\/py-repl>\s*<p class="pyinnards-error" role="alert">pyinnards: py-repl has no attribute show-caches; it has [a-z, -]+\.<\/p>/);
    });

    test('a post without our blocks loads none of our files', async () => {
      const html = await (await fetch(posts['plain']!.url)).text();
      assert.doesNotMatch(html, /pyinnards|<py-/);
      const page = await open(posts['plain']!.url);
      const ours = (await requestedUrls(page)).filter((url) => url.includes('pyinnards') || url.includes(CDN_HOST));
      assert.deepEqual(ours, []);
      await page.close();
    });

    /** The block editor on a post, signed in as the administrator, once it holds the post's blocks. */
    async function editor(post: Post): Promise<Page> {
      // Signed in on a page of its own, closed before the editor opens: what WordPress's login
      // page does as it unloads (below) can't land among the editor page's troubles.
      const login = await open(`${site.origin}/wp-login.php`);
      // WordPress's user-profile.js reads, when the page unloads, a form it only finds in a jQuery
      // ready handler, and jQuery 3 runs those on a timer that can come after `load`. On a busy
      // machine a submit before that timer makes WordPress itself throw ("reading 'serialize'").
      // A ready handler added now runs after the ones already queued, so the form is found.
      // A form sent right after the page loaded has, now and then, come back as the login page
      // again, with no error and no session (seen here on 6.8, and as a CI's editor that never
      // opened): so the sign-in is checked by its cookie, and tried again if it didn't take.
      const signedIn = async () => (await login.cookies()).some((cookie) => cookie.name.startsWith('wordpress_logged_in_'));
      for (let attempt = 1; !(await signedIn()); attempt++) {
        assert.ok(attempt <= 3, `not signed in after 3 tries: ${login.url()}`);
        if (attempt > 1) await login.goto(`${site.origin}/wp-login.php`);
        await login.evaluate(() => new Promise<void>((resolve) => (window as unknown as { jQuery: (ready: () => void) => void }).jQuery(() => resolve())));
        await login.type('#user_login', 'admin');
        await login.type('#user_pass', site.password);
        await Promise.all([login.waitForNavigation(), login.click('#wp-submit')]);
      }
      assert.deepEqual(troubles.get(login), [], 'the login page loads whole');
      await login.close();
      const page = await open(`${site.origin}/wp-admin/post.php?post=${post.id}&action=edit`);
      // Polled on a timer, not on animation frames (a page that draws no frame would never be
      // asked), and given up before puppeteer's own 180 s limit on one call, so that a stuck
      // editor says where it is instead of "Waiting failed" (seen once, on 6.8, in a busy CI).
      try {
        await page.waitForFunction(() => ((window as unknown as Partial<WpGlobal>).wp?.data?.select('core/block-editor').getBlocks().length ?? 0) > 0, { polling: 250, timeout: 150_000 });
      } catch (error) {
        const state = await page
          .evaluate(() => ({ url: location.href, title: document.title, wp: typeof (window as unknown as Partial<WpGlobal>).wp?.data, text: document.body?.innerText.slice(0, 300) }))
          .catch((failure: unknown) => `the page did not answer: ${String(failure)}`);
        throw new Error(`The block editor showed no blocks in 150 s: ${String(error)}\n${JSON.stringify(state)}\ntroubles: ${JSON.stringify(troubles.get(page))}`);
      }
      return page;
    }

    test('the block editor knows the blocks: they load valid, with their code in the code field', async () => {
      // Ready when the editor's store holds the post's blocks and the canvas (an iframe when every
      // block is apiVersion 3 on 6.3 and later, else the page itself) shows their code fields.
      const page = await editor(posts['blocks']!);
      const canvas = async () => (await page.$('iframe[name="editor-canvas"]').then((frame) => frame?.contentFrame())) ?? page.mainFrame();
      await page.waitForFunction(
        () => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe[name="editor-canvas"]');
          const doc = frame ? frame.contentDocument : document;
          return (doc?.querySelectorAll('textarea.pyinnards-block__code').length ?? 0) === 6;
        },
      );
      const fields = await (await canvas()).evaluate(() =>
        Array.from(document.querySelectorAll<HTMLTextAreaElement>('textarea.pyinnards-block__code')).map((field) => field.value),
      );
      const state = await page.evaluate(() => {
        const { wp } = window as unknown as WpGlobal;
        return {
          types: wp.blocks.getBlockTypes().map((type) => type.name).filter((name) => name.startsWith('pyinnards/')).sort(),
          blocks: wp.data.select('core/block-editor').getBlocks().map((b) => ({ name: b.name, valid: b.isValid, code: b.attributes['code'] })),
        };
      });
      assert.deepEqual(troubles.get(page), [], 'the editor loads whole: every file it asks for, and no script error');
      assert.deepEqual(state.types, ['pyinnards/ast', 'pyinnards/dis', 'pyinnards/frames', 'pyinnards/repl', 'pyinnards/tokenizer']);
      // (core/shortcode is WordPress's own block: its validity is not ours to judge.)
      assert.deepEqual(
        state.blocks.map((b) => [b.name, b.name === 'core/shortcode' || b.valid, b.code]),
        [
          ['pyinnards/tokenizer', true, code('py-tokenizer')],
          ['pyinnards/dis', true, code('py-dis')],
          ['pyinnards/frames', true, code('py-frames')],
          ['pyinnards/repl', true, code('py-repl')],
          ['pyinnards/ast', true, AST_CODE],
          ['pyinnards/tokenizer', true, HOSTILE],
          ['core/shortcode', true, undefined],
        ],
      );
      assert.deepEqual(fields, [code('py-tokenizer'), code('py-dis'), code('py-frames'), code('py-repl'), AST_CODE, HOSTILE]);

      // The live widget under each block, in the canvas's own document: on 6.8 every block is
      // apiVersion 3, so WordPress draws the post in an iframe, which loads the kit for itself.
      const frame = await canvas();
      assert.equal(frame !== page.mainFrame(), release.name !== 'bookworm', 'the canvas is an iframe on 6.8, the page on 6.1');
      const tokens = await tokenizerShows(frame, '.pyinnards-block__preview py-tokenizer');
      assert.equal(tokens.shownCode, code('py-tokenizer'));
      assert.equal(tokens.text, await tokenizeE(code('py-tokenizer')));
      const dis = await disShows(frame, '.pyinnards-block__preview py-dis');
      assert.equal(dis.shownCode, code('py-dis'));
      assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(code('py-dis'))));
      const kits = await frame.evaluate(() => document.querySelectorAll('script[data-pyinnards-kit]').length);
      assert.equal(kits, 1, 'the editor loads the kit once into the canvas');
      assert.deepEqual(troubles.get(page), [], 'and the previews load whole');

      await page.goto(`${site.origin}/wp-admin/options-general.php?page=pyinnards`, { waitUntil: 'load' });
      const pyodideField = await page.$eval('#pyinnards-pyodide-url', (input) => (input as HTMLInputElement).value);
      assert.equal(pyodideField, `${pyodide.origin}/`);
      await page.close();
    });

    test('saving in the block editor bakes each engine block: the post\'s page shows the results with no interpreter request', async () => {
      const post = publish(
        'bake-on-save',
        'admin',
        [block('pyinnards/dis', { code: code('py-dis') }), block('pyinnards/frames', { code: code('py-frames') }), block('pyinnards/repl', { code: 'x = 6 * 7\nx', echoPreload: true })].join('\n\n'),
      );
      assert.doesNotMatch(post.saved, /"bake"/, 'published without bakes');
      const page = await editor(post);
      // The editor bakes each block with CPython (the kit's baker) and holds saving until it is done.
      await page.waitForFunction(() => {
        const { wp } = window as unknown as WpGlobal;
        const blocks = wp.data.select('core/block-editor').getBlocks();
        return blocks.every((b) => typeof (b.attributes['bake'] as { key?: unknown } | undefined)?.key === 'string') && !wp.data.select('core/editor').isPostSavingLocked();
      });
      await page.evaluate(() => void (window as unknown as WpGlobal).wp.data.dispatch('core/editor').savePost());
      await page.waitForFunction(() => {
        const editorStore = (window as unknown as WpGlobal).wp.data.select('core/editor');
        return !editorStore.isSavingPost() && !editorStore.isEditedPostDirty();
      });
      const canvas = (await page.$('iframe[name="editor-canvas"]').then((frame) => frame?.contentFrame())) ?? page.mainFrame();
      const statuses = await canvas.evaluate(() => Array.from(document.querySelectorAll('.pyinnards-block__bake'), (note) => note.textContent));
      assert.deepEqual(statuses, Array(3).fill('Baked: readers see this result with no interpreter download.'));

      // What can't be baked is stored without a bake, and the block says why: code that asks the
      // reader (input() without stdin), and a result too big to store (a long recording).
      await page.evaluate(() => {
        const { wp } = window as unknown as WpGlobal;
        wp.data.dispatch('core/block-editor').insertBlocks([
          wp.blocks.createBlock('pyinnards/frames', { code: 'name = input()' }),
          wp.blocks.createBlock('pyinnards/frames', { code: 'total = 0\nfor i in range(5000):\n    total += i' }),
        ]);
      });
      await page.waitForFunction(
        () => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe[name="editor-canvas"]');
          const notes = Array.from((frame ? frame.contentDocument! : document).querySelectorAll('.pyinnards-block__bake'), (note) => note.textContent ?? '');
          return notes.length === 5 && notes.slice(3).every((note) => note.startsWith('Not baked')) && !(window as unknown as WpGlobal).wp.data.select('core/editor').isPostSavingLocked();
        },
      );
      const refused = await canvas.evaluate(() => Array.from(document.querySelectorAll('.pyinnards-block__bake'), (note) => note.textContent).slice(3));
      assert.equal(refused[0], 'Not baked, readers compute it live: the code calls input(), which asks the reader: give the element a stdin attribute to bake it');
      assert.match(refused[1]!, /^Not baked, readers compute it live: the result is too big to store \((\d+) KB\)$/);
      assert.ok(Number(/\((\d+) KB\)/.exec(refused[1]!)![1]) > 256, refused[1]);
      const stored = await page.evaluate(() => (window as unknown as WpGlobal).wp.data.select('core/block-editor').getBlocks().map((b) => b.attributes['bake'] === undefined));
      assert.deepEqual(stored, [false, false, false, true, true], 'no bake stored for them');
      assert.deepEqual(troubles.get(page), [], 'the editor baked with every file it asked for, and no script error');
      await page.close();

      const saved = site.helper<{ content: string }>('post-content', { id: post.id }).content;
      assert.equal((saved.match(/"bake":\{"format":"pyinnards-bake"/g) ?? []).length, 3, 'the three blocks were saved with a bake');
      const html = await (await fetch(post.url)).text();
      const children = [...html.matchAll(/<(py-[a-z]+) [^>]*>(?:(?!<\/py-)[\s\S])*?<script type="application\/json" data-pyinnards-baked>[^<]*<\/script>(<noscript data-pyinnards-baked-text>[\s\S]*?<\/noscript>)<\/\1>/g)];
      assert.deepEqual(children.map(([, tag]) => tag), ['py-dis', 'py-frames', 'py-repl'], 'the server prints each bake inside its element, with its text');
      // Readers without JavaScript: the code and what dis.dis prints; the recording's output; the transcript.
      const [disTexts, framesText, replText] = children.map(([, , noscript]) => preTexts(noscript!));
      assert.deepEqual(disTexts!.map(normalizeAddresses), [code('py-dis'), normalizeAddresses(await disText(code('py-dis')))]);
      assert.equal(framesText![0], code('py-frames'));
      assert.match(framesText![1]!, /\nOutput:\n/);
      assert.equal(replText!.length, 1, 'a transcript holds its code');

      const before = pyodideRequests.length;
      const reading = await open(post.url);
      const dis = await disShows(reading, 'py-dis');
      assert.equal(dis.shownCode, code('py-dis'));
      assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(code('py-dis'))));
      const frames = await framesSteps(reading, 'py-frames');
      assert.equal(frames.shownCode, code('py-frames'));
      assert.equal(frames.after, frames.before + 1);
      // The console shows its code's transcript, baked.
      await reading.waitForFunction(() => (document.querySelector('py-repl') as (HTMLElement & { text?: string }) | null)?.text?.endsWith('>>> x = 6 * 7\n>>> x\n42\n>>> '));
      assert.equal(`${replText![0]}>>> `, await reading.$eval('py-repl', (console) => (console as HTMLElement & { text: string }).text), 'the transcript the console shows');
      const urls = await requestedUrls(reading);
      assert.ok(!urls.some((url) => url.includes('/chunks/engine-')), `no interpreter chunk: ${urls.join(', ')}`);
      assert.deepEqual(pyodideRequests.slice(before), [], 'and nothing from Pyodide');
      assert.deepEqual(troubles.get(reading), []);
      await reading.close();
    });

    test('by default Pyodide comes from the site\'s copy in wp-content/uploads, fetched by the settings page\'s command', async () => {
      site.helper('option-set', { name: 'pyinnards_settings', value: { engine: 'pyodide' } });
      // The command as the settings page prints it, with npm's tarball of Pyodide made here from
      // the same package (no network in the test).
      const { command, url } = site.helper<{ command: string; url: string }>('pyodide-command');
      const tarball = join(mkdtempSync(join(tmpdir(), 'pyinnards-pyodide-')), 'pyodide.tgz');
      execFileSync('tar', ['-czf', tarball, '--transform', 's,^pyodide,package,', '-C', 'node_modules', 'pyodide']);
      const registry = /https:\/\/registry\.npmjs\.org\/pyodide\/-\/pyodide-314\.0\.7\.tgz/;
      assert.match(command, registry);
      execFileSync('sh', ['-c', command.replace(registry, `file://${tarball}`)]);
      const html = await (await fetch(posts['blocks']!.url)).text();
      assert.ok(html.includes(`pyodide-url="${url}"`), `the elements name the site's copy, ${url}`);
      const page = await open(posts['blocks']!.url);
      const dis = await disShows(page, 'py-dis');
      assert.equal(normalizeAddresses(dis.text), normalizeAddresses(await disText(code('py-dis'))));
      assert.deepEqual(troubles.get(page), [], 'every file of the site\'s copy was there');
      await page.close();
    });

    test('with the kit URL set to a CDN, the post loads the kit from there', async () => {
      site.helper('option-set', {
        name: 'pyinnards_settings',
        value: { engine: 'pyodide', kit: 'url', kit_url: `https://${CDN_HOST}/npm/pyinnards@0.1.0/dist/`, pyodide_url: '' },
      });
      const page = await open(posts['blocks']!.url);
      const tokens = await tokenizerShows(page, 'py-tokenizer.wp-block-pyinnards-tokenizer');
      assert.equal(tokens.shownCode, code('py-tokenizer'));
      const urls = await requestedUrls(page);
      assert.ok(urls.includes(`https://${CDN_HOST}/npm/pyinnards@0.1.0/dist/pyinnards.js?ver=0.1.0`), urls.join('\n'));
      assert.ok(!urls.some((url) => url.includes('/wp-content/plugins/pyinnards/')), 'nothing from the plugin\'s copy');
      await page.close();
    });

    test('uninstalling removes the plugin\'s option', () => {
      assert.notEqual(site.helper<{ value: unknown }>('option-get', { name: 'pyinnards_settings' }).value, null);
      site.helper('uninstall');
      assert.equal(site.helper<{ value: unknown }>('option-get', { name: 'pyinnards_settings' }).value, null);
    });
  });
});
}

interface WpGlobal {
  wp: {
    blocks: { getBlockTypes(): Array<{ name: string }>; createBlock(name: string, attributes: Record<string, unknown>): unknown };
    data: {
      select(store: 'core/block-editor'): {
        getBlocks(): Array<{ name: string; isValid: boolean; attributes: Record<string, unknown> }>;
      };
      select(store: 'core/editor'): { isPostSavingLocked(): boolean; isSavingPost(): boolean; isEditedPostDirty(): boolean };
      dispatch(store: 'core/editor'): { savePost(): Promise<void> };
      dispatch(store: 'core/block-editor'): { insertBlocks(blocks: unknown[]): void };
    };
  };
}
