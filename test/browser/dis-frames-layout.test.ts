// The layout of <py-dis> and <py-frames> at a phone's width and a desktop's: every bytecode
// argument readable without sideways scrolling, the replay's controls with one primary action
// and no stray separators, locals that break between words, and two marks in <py-dis> that
// differ by more than colour. Measured in the browser: what is visible, not which classes are set.
import { assert } from 'chai';
import { press } from './support/keyboard.js';
import { configure } from '../../src/config.js';
import '../../src/elements/py-dis.js';
import type { PyDis } from '../../src/elements/py-dis.js';
import type { PyFrames } from '../../src/elements/py-frames.js';
import { pyodideUrl } from './support/cdn.js';
import { narrowPage, type NarrowPage } from './support/narrow.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, settle, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const WIDTHS = [375, 1280];
/** What `a * b` in a function starts with: one of the longest opcode names, the widest head. */
const LONGEST_OPNAME = 'LOAD_FAST_BORROW_LOAD_FAST_BORROW';

/** The rectangle of the first occurrence of `text` among `within`'s text nodes. */
function textRect(within: Element, text: string): DOMRect {
  const walker = within.ownerDocument.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = within.ownerDocument.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not in ${within.textContent}`);
}

/** Whether `inner` lies inside `outer` (half a pixel of rounding allowed). */
function inside(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.width > 0;
}

/** Each instruction line's opcode name and argument (what dis prints after the name, if any). */
function instructionsOf(lines: string[]): Array<{ line: string; opname: string; argument: string }> {
  return lines.flatMap((line) => {
    const match = /([A-Z][A-Z_0-9]{2,})(?: +(\S.*))?$/.exec(line);
    return match ? [{ line, opname: match[1]!, argument: match[2] ?? '' }] : [];
  });
}

/** The file's one framed page (see NarrowPage.reuse): its text column is the demo's (46rem, centred). */
let framed: NarrowPage | undefined;

/** Runs `use` on the framed page made `width` px wide and emptied. */
async function inPage<T>(width: number, use: (page: NarrowPage) => Promise<T>): Promise<T> {
  if (!framed) {
    framed = await narrowPage(width, 900);
    framed.document.body.style.cssText = 'max-width: 46rem; margin: 0 auto; padding: 1rem';
  }
  await framed.reuse(width);
  return use(framed);
}

/** How many lines a node's text takes on screen. */
function linesOf(node: Node): number {
  const range = node.ownerDocument!.createRange();
  range.selectNodeContents(node);
  return new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
}

/** A locals row's type name (the cell's text, without the change note after it). */
const typeText = (cell: Element) => Array.from(cell.childNodes).find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')!;

/** The rows of the locals tables at the recording's last step. */
async function lastStepRows(element: PyFrames): Promise<HTMLElement[]> {
  await until(() => element.trace, 'the recording', PYTHON_STARTS_WITHIN);
  element.step = element.trace!.steps.length - 1;
  await settle(element);
  return Array.from(shadow(element).querySelectorAll<HTMLElement>('[part~="frame"] tbody tr'));
}

describe('<py-dis> and <py-frames> layout', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  describe('in a framed page, one for the file', () => {
    // The frame is 900 px tall: widgets mounted in the test page below it would be out of view,
    // and an element computes when it comes into view.
    after(() => {
      framed?.remove();
      framed = undefined;
    });

    for (const width of WIDTHS) {
      it(`shows every argument of <py-dis> whole, with no sideways scrolling, at ${width} px`, async () => {
        await inPage(width, async (page) => {
          // With a function: its "Disassembly of <code object f at 0x…>:" header is a long line too.
          const element = await page.mount<PyDis>('<py-dis code="def f(a, b):&#10;    return a * b&#10;y = f(2, 3)&#10;print(y)"></py-dis>');
          const listing = await until(() => shadow(element).querySelector<HTMLElement>('[part="bytecode"]'), 'the bytecode', PYTHON_STARTS_WITHIN);
          await settle(element);
          assert.isAtMost(listing.scrollWidth, listing.clientWidth, 'the listing does not scroll sideways');
          const box = listing.getBoundingClientRect();
          const widget = element.getBoundingClientRect();
          const rows = Array.from(shadow(element).querySelectorAll<HTMLElement>('.row[data-index]'));
          const instructions = instructionsOf(element.text.split('\n'));
          assert.isTrue(instructions.some(({ opname }) => opname === LONGEST_OPNAME), `the listing has ${LONGEST_OPNAME}`);
          for (const { line, opname, argument } of instructions) {
            const row = rows.find((candidate) => candidate.textContent!.replace(/\n$/, '') === line)!;
            assert.exists(row, line);
            for (const part of [opname, argument].filter(Boolean)) {
              const rect = textRect(row, part);
              assert.isTrue(inside(rect, box) && inside(rect, widget), `"${part}" is visible in "${line.trim()}"`);
            }
          }
        });
      });

      it(`shows the bytecode arguments in <py-frames granularity="instruction"> at ${width} px`, async () => {
        await inPage(width, async (page) => {
          const element = await page.mount<PyFrames>('<py-frames granularity="instruction" code="def f(a, b):&#10;    return a * b&#10;y = f(2, 3)"></py-frames>');
          await until(() => element.trace, 'the recording', PYTHON_STARTS_WITHIN);
          const trace = element.trace!;
          // An instruction of line 2, in f: the pane's window then holds its first instruction.
          element.step = trace.steps.findIndex((step) => step.event === 'opcode' && step.stack.at(-1)![1] === 2);
          await settle(element);
          const pane = await until(() => shadow(element).querySelector<HTMLElement>('[part~="instructions"] pre'), 'the instructions');
          assert.isAtMost(pane.scrollWidth, pane.clientWidth, 'the pane does not scroll sideways');
          const box = pane.getBoundingClientRect();
          const instructions = instructionsOf(pane.textContent!.split('\n'));
          assert.isTrue(instructions.some(({ opname }) => opname === LONGEST_OPNAME), `the window holds ${LONGEST_OPNAME}`);
          for (const { line, opname, argument } of instructions) {
            const row = Array.from(pane.querySelectorAll('*')).find((candidate) => candidate.textContent!.replace(/\n$/, '') === line) ?? pane;
            for (const part of [opname, argument].filter(Boolean)) {
              assert.isTrue(inside(textRect(row, part), box), `"${part}" is visible in "${line.trim()}"`);
            }
          }
        });
      });
    }

    it('gives the replay one primary action, quieter groups and no stray separators on a phone', async () => {
      await inPage(375, async (page) => {
        const element = await page.mount<PyFrames>('<py-frames code="def f(n):&#10;    return n * 2&#10;print(f(3))"></py-frames>');
        const controls = await until(() => shadow(element).querySelector<HTMLElement>('[part~="controls"]'), 'the controls', PYTHON_STARTS_WITHIN);
        await settle(element);
        const buttons = Array.from(controls.querySelectorAll<HTMLElement>('button'));
        assert.lengthOf(buttons, 9);
        const fill = (button: HTMLElement) => getComputedStyle(button).backgroundColor;
        const forward = shadow(element).querySelector<HTMLElement>('[part~="forward-button"]')!;
        const others = buttons.filter((button) => button !== forward);
        for (const button of others) assert.notEqual(fill(button), fill(forward), `${button.getAttribute('part')} is quieter than Forward`);
        const box = controls.getBoundingClientRect();
        for (const button of buttons) assert.isTrue(inside(button.getBoundingClientRect(), box), `${button.getAttribute('part')} fits`);
        // A separator is a thin rule: none is left at the start or end of a wrapped row.
        const rules = Array.from(controls.querySelectorAll<HTMLElement>('*')).filter((node) => {
          const rect = node.getBoundingClientRect();
          return rect.width > 0 && rect.width <= 2 && rect.height >= 8;
        });
        assert.deepEqual(rules.map((rule) => rule.outerHTML), [], 'no separator rules');
        // Each group is as tall as its rows of buttons: no row stretched into an empty band.
        for (const group of controls.querySelectorAll<HTMLElement>('.group')) {
          const inGroup = Array.from(group.querySelectorAll<HTMLElement>('button, select'));
          const rows = new Set(inGroup.map((button) => Math.round(button.getBoundingClientRect().top)));
          const tallest = Math.max(...inGroup.map((button) => button.getBoundingClientRect().height));
          assert.isAtMost(group.getBoundingClientRect().height, rows.size * (tallest + 8), `${group.getAttribute('aria-label')}: ${rows.size} rows of buttons`);
        }
      });
    });

    it('breaks a local’s value between words, the type column giving way, and no name, on a phone', async () => {
      await inPage(375, async (page) => {
        const code = 'words = "internationalization considerations overwhelmingly"&#10;func = print&#10;x = 1&#10;a_configuration_value = 2';
        const rows = await lastStepRows(await page.mount<PyFrames>(`<py-frames code='${code}'></py-frames>`));
        const row = rows.find((candidate) => candidate.querySelector('.name')!.textContent === 'words')!;
        const repr = row.querySelector<HTMLElement>('.repr')!;
        for (const word of ['internationalization', 'considerations', 'overwhelmingly']) {
          const walker = page.document.createTreeWalker(repr, NodeFilter.SHOW_TEXT);
          const node = walker.nextNode()!;
          const range = page.document.createRange();
          const at = node.textContent!.indexOf(word);
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          assert.equal(lines.size, 1, `"${word}" stays on one line`);
        }
        for (const name of rows.map((candidate) => candidate.querySelector<HTMLElement>('.name')!)) {
          // Up to 12 characters a name stays whole; a longer one breaks within 12 (2 lines here).
          const most = Math.ceil(name.textContent!.length / 12);
          assert.isAtMost(linesOf(name), most, `the name "${name.textContent}" takes at most ${most} line(s)`);
        }
        // The type gives way, but a short one (int, str) stays whole.
        for (const type of rows.map((candidate) => typeText(candidate.querySelector('.type')!)).filter((node) => node.textContent!.trim().length <= 4)) {
          assert.equal(linesOf(type), 1, `the type "${type.textContent}" stays on one line`);
        }
        const table = row.closest('table')!;
        assert.isAtMost(table.scrollWidth, table.parentElement!.clientWidth, 'the table fits its frame');
      });
    });

    it('keeps a type of up to 9 characters (function, NoneType) whole beside a long value, at 1280 px', async () => {
      await inPage(1280, async (page) => {
        const code = 'def greet(name):&#10;    return name&#10;nothing = None&#10;words = "a value long enough to need the room that the type column would take"';
        const rows = await lastStepRows(await page.mount<PyFrames>(`<py-frames code='${code}'></py-frames>`));
        const types = rows.map((row) => typeText(row.querySelector('.type')!));
        assert.includeMembers(types.map((type) => type.textContent!.trim()), ['function', 'NoneType', 'str']);
        for (const type of types) assert.equal(linesOf(type), 1, `the type "${type.textContent}" stays on one line`);
        const table = rows[0]!.closest('table')!;
        assert.isAtMost(table.scrollWidth, table.parentElement!.clientWidth, 'the table fits its frame');
      });
    });
  });

  for (const theme of ['light', 'dark']) {
    it(`marks the cursor line’s instructions and the one pointed at differently, not by colour alone (${theme})`, async () => {
      const element = await mount<PyDis>(`<py-dis theme="${theme}"><script type="text/x-python">a = 1\nb = a + 2</script></py-dis>`);
      await until(() => shadow(element).querySelector('[part="bytecode"]'), 'the bytecode', PYTHON_STARTS_WITHIN);
      shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
      await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
      await press('ArrowDown');
      await settle(element);
      const cursorRow = await until(() => shadow(element).querySelector<HTMLElement>('.row.at-cursor'), 'the cursor line’s instructions');
      // An instruction of line 1 (RESUME, of no source line, is left out: it marks no span).
      const pointed = Array.from(shadow(element).querySelectorAll<HTMLElement>('.row[data-index]')).find(
        (row) => !row.classList.contains('at-cursor') && !row.textContent!.includes('RESUME'),
      )!;
      pointed.dispatchEvent(new MouseEvent('mouseenter'));
      await settle(element);
      assert.isTrue(pointed.classList.contains('active'));
      const plain = Array.from(shadow(element).querySelectorAll<HTMLElement>('.row[data-index]')).find(
        (row) => !row.classList.contains('at-cursor') && !row.classList.contains('active'),
      );
      const look = (row: HTMLElement) => {
        const style = getComputedStyle(row);
        return { background: style.backgroundColor, shape: `${style.boxShadow} | ${style.outlineStyle} ${style.outlineWidth}` };
      };
      const [cursor, active] = [look(cursorRow), look(pointed)];
      assert.notEqual(cursor.background, active.background, 'two different fills');
      assert.notEqual(cursor.shape, active.shape, 'and two different shapes (not colour alone)');
      if (plain) {
        assert.notEqual(cursor.shape, look(plain).shape, 'the cursor mark shows without colour');
        assert.notEqual(active.shape, look(plain).shape, 'the pointed mark shows without colour');
      }
    });
  }
});
