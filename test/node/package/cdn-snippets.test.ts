// The README's "Use it from a CDN" snippets, each alone in a plain page, with the packed kit
// served as cdn.jsdelivr.net serves it (HTTPS, CORS, its own origin) and every element driven
// as a reader would. Expected outputs come from CPython (Pyodide in Node).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { packKit } from '../../support/packed-kit.js';
import { serveAsJsdelivr, CDN_HOST, type FakeJsdelivr } from '../../support/jsdelivr.js';
import { launchChromium } from '../../support/chromium.js';
import { cdnSnippets, TAGS, type Tag } from '../../support/readme-snippets.js';
import { astShows, disShows, framesSteps, replRuns, requestedUrls, tokenizerShows } from '../../support/drive-elements.js';
import { serveStatic, type Served } from '../../../scripts/static-server.mjs';
import { oracleTokenizeCli } from '../../oracle/tokenize.js';
import { cpython, disText } from '../../oracle/cpython.js';

const normalizeAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');

describe('the README snippets, with the packed kit on a CDN', () => {
  const snippets = cdnSnippets();
  let cdn: FakeJsdelivr;
  let pages: Served;
  let browser: Browser;

  before(async () => {
    const kit = packKit();
    cdn = await serveAsJsdelivr(kit.dir);
    // Each page is the snippet and nothing else: what a reader pastes into an empty file.
    const folder = mkdtempSync(join(tmpdir(), 'pyinnards-snippets-'));
    for (const [tag, snippet] of snippets) writeFileSync(join(folder, `${tag}.html`), snippet.html);
    pages = await serveStatic(folder);
    browser = await launchChromium(cdn.chromiumArgs);
  });

  after(async () => {
    await browser?.close();
    pages?.server.close();
    cdn?.close();
  });

  async function open(tag: Tag): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`<${tag}> page error:`, error));
    await page.goto(`${pages.origin}/${tag}.html`);
    return page;
  }

  /** Every file of ours the page loaded came from the CDN's copy of the package. */
  async function assertKitFromCdn(page: Page): Promise<void> {
    const ours = (await requestedUrls(page)).filter((url) => !url.startsWith(pages.origin));
    assert.ok(ours.some((url) => url === `https://${CDN_HOST}/npm/pyinnards/dist/pyinnards.js`), `the entry came from the CDN: ${ours.join(', ')}`);
    for (const url of ours) assert.ok(url.startsWith(`https://${CDN_HOST}/npm/`), `${url} came from the CDN`);
  }

  test('the README has a complete snippet for every element', () => {
    assert.deepEqual([...snippets.keys()].sort(), [...TAGS].sort());
    for (const [tag, snippet] of snippets) {
      assert.match(snippet.html, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/pyinnards\/dist\/pyinnards\.js"><\/script>\n/, `<${tag}>'s snippet loads the kit`);
    }
  });

  test('<py-tokenizer> snippet: shows the code and the tokens CPython lists', async () => {
    const { code } = snippets.get('py-tokenizer')!;
    const page = await open('py-tokenizer');
    const shown = await tokenizerShows(page, 'py-tokenizer');
    assert.equal(shown.shownCode, code);
    const expected = await oracleTokenizeCli(['-e'], {}, code);
    assert.equal(shown.text, expected.stdout + expected.stderr);
    await assertKitFromCdn(page);
    await page.close();
  });

  test('<py-dis> snippet: shows the code and the bytecode dis.dis prints', async () => {
    const { code } = snippets.get('py-dis')!;
    const page = await open('py-dis');
    const shown = await disShows(page, 'py-dis');
    assert.equal(shown.shownCode, code);
    assert.equal(normalizeAddresses(shown.text), normalizeAddresses(await disText(code)));
    await assertKitFromCdn(page);
    await page.close();
  });

  test('<py-ast> snippet: shows the code and the tree, with the text ast.dump prints', async () => {
    const { code, html } = snippets.get('py-ast')!;
    const indent = Number(/<py-ast indent="(\d+)">/.exec(html)![1]);
    const page = await open('py-ast');
    const shown = await astShows(page, 'py-ast');
    assert.equal(shown.shownCode, code);
    assert.ok(shown.items > 1);
    const dump = (await cpython()).runPython('lambda src, i: __import__("ast").dump(__import__("ast").parse(src), indent=i)') as (s: string, i: number) => string;
    assert.equal(shown.text, dump(code, indent));
    // No interpreter for a tree: nothing of Pyodide or Skulpt was requested.
    assert.deepEqual((await requestedUrls(page)).filter((url) => /pyodide|skulpt|\/chunks\/engine|\/workers\//.test(url)), []);
    await assertKitFromCdn(page);
    await page.close();
  });

  // Needs <py-frames> (issue 6): its `trace`, `step` and forward button.
  test('<py-frames> snippet: records the run and takes a step forward', async () => {
    const { code } = snippets.get('py-frames')!;
    const page = await open('py-frames');
    const shown = await framesSteps(page, 'py-frames');
    assert.equal(shown.shownCode, code);
    assert.ok(shown.steps > 1, `a run of several steps was recorded (${shown.steps})`);
    assert.equal(shown.after, shown.before + 1);
    await assertKitFromCdn(page);
    await page.close();
  });

  // Needs <py-repl> (issue 7): its `run()` and transcript.
  test('<py-repl> snippet: runs an input and echoes it in the transcript', async () => {
    const page = await open('py-repl');
    const { printed, transcript } = await replRuns(page, 'py-repl', '1 + 1');
    assert.equal(printed, '2\n');
    assert.match(transcript, /^>>> 1 \+ 1\n2\n/m);
    await assertKitFromCdn(page);
    await page.close();
  });
});
