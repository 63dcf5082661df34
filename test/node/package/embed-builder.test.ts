// The demo's embed builder (demo/embed.html), as a writer uses it: it offers every attribute the
// element has (from custom-elements.json), shows the live widget, and gives a snippet with the
// result baked in; that snippet, pasted alone into a page with the kit on a CDN, shows CPython's
// bytecode with no interpreter request. Expected output from CPython (Pyodide in Node).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { packKit } from '../../support/packed-kit.js';
import { serveAsJsdelivr, type FakeJsdelivr } from '../../support/jsdelivr.js';
import { launchChromium } from '../../support/chromium.js';
import { disShows, requestedUrls } from '../../support/drive-elements.js';
import { serveDemoPage, serveKitAndPyodide, serveStatic, type Cdn, type Served } from '../../../scripts/static-server.mjs';
import { disText } from '../../oracle/cpython.js';
import { registerTextImports } from '../engine/text-imports.js';
import { preTexts } from '../../support/no-script-view.js';

const normalizeAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
const REPL_CODE = 'def greet(name):\n    return f"hello {name}"\n\ngreet("Ada")\nprint(greet("Bob"))';
const CODE = 'def is_small(n: int) -> bool:\n    return 0 <= n < 10 and n & 1 == 0\n\nprint(is_small(4))';

describe('the embed builder', () => {
  let cdn: Cdn;
  let demo: Served;
  let jsdelivr: FakeJsdelivr;
  let pasted: Served;
  let browser: Browser;
  const folder = mkdtempSync(join(tmpdir(), 'pyinnards-embed-'));

  before(async () => {
    cdn = await serveKitAndPyodide({ kitPort: 0 });
    demo = await serveDemoPage(cdn);
    jsdelivr = await serveAsJsdelivr(packKit().dir);
    pasted = await serveStatic(folder);
    browser = await launchChromium(jsdelivr.chromiumArgs);
  });

  after(async () => {
    await browser?.close();
    pasted?.server.close();
    jsdelivr?.close();
    demo?.server.close();
    cdn?.close();
  });

  /** The builder in a page of its own, with the form, the widget and the snippet in view (the widget computes when it comes into view). */
  async function openBuilder(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(240_000);
    await page.setViewport({ width: 1000, height: 2400 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${demo.origin}/embed.html`);
    return { page, errors };
  }

  test('offers every attribute of the element, shows the widget, and bakes the snippet; the snippet shows the bytecode with no interpreter', async () => {
    const { page, errors } = await openBuilder();
    await page.waitForFunction(() => !/^(Baking|$)/.test(document.getElementById('status')!.textContent!));
    const status = await page.$eval('#status', (note) => note.textContent);
    assert.match(status!, /^Baked \(\d+ KB\): readers see this result with no interpreter download\.$/, `${status} ${errors.join(' ')}`);

    assert.deepEqual(await offeredAttributes(page), manifestAttributes('py-dis'));
    assert.equal(await page.$eval('#code', (field) => (field as HTMLTextAreaElement).value), CODE);
    const live = await disShows(page, '#preview py-dis');
    assert.equal(normalizeAddresses(live.text), normalizeAddresses(await disText(CODE)));

    const snippet = await page.$eval('#snippet', (field) => (field as HTMLTextAreaElement).value);
    assert.match(snippet, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/pyinnards\/dist\/pyinnards\.js"><\/script>\n<py-dis>\n {2}<script type="text\/x-python">\n/);
    assert.match(snippet, /<script type="application\/json" data-pyinnards-baked>\{"format":"pyinnards-bake"[^<]*<\/script>\n {2}<noscript data-pyinnards-baked-text>.*<\/noscript>\n<\/py-dis>$/s);
    // Readers without JavaScript: the code, then what dis.dis prints for it.
    assert.deepEqual(preTexts(snippet).map(normalizeAddresses), [CODE, normalizeAddresses(await disText(CODE))]);
    assert.deepEqual(errors, []);
    await page.close();

    writeFileSync(join(folder, 'post.html'), `<!doctype html>\n<title>pasted</title>\n${snippet}\n`);
    const reader = await browser.newPage();
    reader.setDefaultTimeout(240_000);
    await reader.goto(`${pasted.origin}/post.html`);
    const shown = await disShows(reader, 'py-dis');
    assert.equal(shown.shownCode, CODE);
    assert.equal(normalizeAddresses(shown.text), normalizeAddresses(await disText(CODE)));
    const urls = await requestedUrls(reader);
    assert.deepEqual(
      urls.filter((url) => /\/chunks\/engine-|\/workers\/|pyodide/.test(url)),
      [],
      'no interpreter: the bake is the result',
    );
    await reader.close();
  });

  test('<py-repl>: without echo-preload it says why there is no bake; with it the snippet holds the transcript and the pasted widget shows it with no interpreter', async () => {
    const { page, errors } = await openBuilder();
    const statusAfter = async (change: () => Promise<unknown>) => {
      await page.$eval('#status', (note) => (note.textContent = ''));
      await change();
      await page.waitForFunction(() => !/^(Baking|$)/.test(document.getElementById('status')!.textContent!));
      return page.$eval('#status', (note) => note.textContent!);
    };
    await statusAfter(async () => {});
    const refused = await statusAfter(async () => {
      await page.select('#tag', 'py-repl');
      await page.$eval('#code', (field, code) => {
        (field as HTMLTextAreaElement).value = code;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }, REPL_CODE);
    });
    assert.match(refused, /^Not baked, readers compute it live: .*echo-preload.*\.$/, `${refused} ${errors.join(' ')}`);
    assert.deepEqual(await offeredAttributes(page), manifestAttributes('py-repl'));
    assert.doesNotMatch(await page.$eval('#snippet', (field) => (field as HTMLTextAreaElement).value), /data-pyinnards-baked/);

    const baked = await statusAfter(() => page.click('#options input[data-attribute="echo-preload"]'));
    assert.match(baked, /^Baked \(\d+ KB\): readers see this result with no interpreter download\.$/, `${baked} ${errors.join(' ')}`);
    const snippet = await page.$eval('#snippet', (field) => (field as HTMLTextAreaElement).value);
    assert.match(snippet, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/pyinnards\/dist\/pyinnards\.js"><\/script>\n<py-repl echo-preload>\n {2}<script type="text\/x-python">\n/);
    assert.match(snippet, /<script type="application\/json" data-pyinnards-baked>\{"format":"pyinnards-bake"[^<]*<\/script>\n {2}<noscript data-pyinnards-baked-text>.*<\/noscript>\n<\/py-repl>$/s);
    // The transcript CPython (in Node) prints for the code, as the console shows it, waiting at its prompt.
    registerTextImports();
    const { cpythonComputer } = await import('../../../src/cli/bake-compute.js');
    const expected = await (await cpythonComputer()).compute('py-repl', REPL_CODE, (name) => (name === 'echo-preload' ? '' : null));
    const transcript = `${expected.pieces.map((piece) => piece.text).join('')}>>> `;
    assert.match(transcript, />>> greet\("Ada"\)\n'hello Ada'\n>>> print\(greet\("Bob"\)\)\nhello Bob\n>>> $/);
    // The builder's widget shows what readers will see.
    const preview = await consoleShows(page, '#preview py-repl');
    assert.equal(preview, transcript);
    // Readers without JavaScript get the transcript (the code is in it, as its inputs).
    assert.deepEqual(preTexts(snippet), [transcript.slice(0, -'>>> '.length)]);
    assert.deepEqual(errors, []);
    await page.close();

    writeFileSync(join(folder, 'console.html'), `<!doctype html>\n<title>pasted</title>\n${snippet}\n`);
    const reader = await browser.newPage();
    reader.setDefaultTimeout(240_000);
    await reader.goto(`${pasted.origin}/console.html`);
    assert.equal(await consoleShows(reader, 'py-repl'), transcript);
    const urls = await requestedUrls(reader);
    assert.deepEqual(
      urls.filter((url) => /\/chunks\/engine-|\/workers\/|pyodide/.test(url)),
      [],
      'no interpreter: the bake is the transcript',
    );
    await reader.close();
  });
});

/** A console's `text` once it shows a transcript (a baked one shows it without starting). */
async function consoleShows(page: Page, selector: string): Promise<string> {
  await page.waitForFunction((sel) => ((document.querySelector(sel) as (HTMLElement & { text?: string }) | null)?.text ?? '') !== '', { timeout: 60_000 }, selector);
  return page.$eval(selector, (element) => (element as HTMLElement & { text: string }).text);
}

/** The attributes the builder's form offers, in order. */
function offeredAttributes(page: Page): Promise<Array<string | undefined>> {
  return page.$$eval('#options input', (fields) => fields.map((field) => (field as HTMLInputElement).dataset['attribute']));
}

/** The element's attributes in custom-elements.json that a writer sets in the builder (not the code's sources). */
function manifestAttributes(tag: string): string[] {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string }> }> }> };
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === tag)!;
  return element.attributes!.map((attribute) => attribute.name).filter((name) => !['code', 'src', 'pyodide-url'].includes(name));
}
