// <py-frames granularity="instruction"> shows the value stack beside the bytecode: stepping
// forwards and backwards, the slots the next instruction pops and the last one pushed, the NULL
// note, callers waiting, Skulpt's "not available", and no axe violations. What the slots hold
// is the recording's (checked against CPython by test/node/engine/value-stack.test.ts).
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-frames.js';
import type { PyFrames } from '../../src/elements/py-frames.js';
import type { Trace } from '../../src/engine/trace/format.js';
import { pyodideUrl } from './support/cdn.js';
import { axeViolations } from './support/axe.js';
import { mount, settle, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const SEED = `def f(a, b):
    c = a * 2 + b
    return [c, a, b]

result = f(3, 4)`;

async function framesElement(code: string, attributes = 'granularity="instruction"'): Promise<PyFrames> {
  const element = await mount<PyFrames>(`<py-frames ${attributes}><script type="text/x-python">${code}</script></py-frames>`);
  await until(() => shadow(element).querySelector('[part~="controls"]') || shadow(element).querySelector('[part="error"]'), 'the recording', 110000);
  await settle(element);
  return element;
}

const part = (element: PyFrames, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const trace = (element: PyFrames): Trace => element.trace!;

/** The first opcode step whose instruction is `opname`. */
function stepOf(element: PyFrames, opname: string): number {
  const t = trace(element);
  const index = t.steps.findIndex((step) => {
    if (step.event !== 'opcode') return false;
    const [frame, , lasti] = step.stack.at(-1)!;
    const dis = t.codes[t.frames[frame]!.code]!.dis as { instructions: Array<{ offset: number; opname: string }> };
    return dis.instructions.find((instruction) => instruction.offset === lasti)?.opname === opname;
  });
  assert.isAtLeast(index, 0, `a ${opname} step`);
  return index;
}

/** The slots as shown, top first: [repr or NULL, type, marks]. */
function shownSlots(element: PyFrames): Array<[string, string, string]> {
  return Array.from(part(element, 'value-stack-slots')?.querySelectorAll('li') ?? []).map((slot) => [
    slot.querySelector('.repr, .null, .integer')!.textContent!.trim(),
    slot.querySelector('.type')!.textContent!.trim(),
    Array.from(slot.querySelectorAll('.mark')).map((mark) => mark.textContent).join(', '),
  ]);
}

/** The recorded stack at the current step, top first, as reprs (null for NULL). */
function recordedSlots(element: PyFrames): Array<string | null> {
  const t = trace(element);
  const stack = t.steps[element.step]!.valueStack as Array<number | null | string>;
  return stack.map((slot) => (typeof slot === 'number' ? t.values[slot]!.repr : slot)).reverse();
}

async function go(element: PyFrames, button: string): Promise<void> {
  part(element, button)!.click();
  await settle(element);
}

describe('<py-frames> value stack', function () {
  this.timeout(180000);
  afterEach(unmountAll);

  it('shows what BINARY_OP pops, then what it pushed, and the same again stepping back', async () => {
    const element = await framesElement(SEED);
    element.step = stepOf(element, 'BINARY_OP');
    await settle(element);
    assert.include(part(element, 'value-stack')!.querySelector('h3')!.textContent, 'before BINARY_OP');
    const before = shownSlots(element);
    assert.deepEqual(before.map(([repr]) => repr), recordedSlots(element));
    // The 2 on top was just pushed by the instruction before (LOAD_SMALL_INT).
    assert.deepEqual(before.map(([, type, marks]) => [type, marks]), [
      ['int', 'popped next, just pushed'],
      ['int', 'popped next'],
    ]);
    assert.include(part(element, 'value-stack-effect')!.textContent, 'BINARY_OP pops 2 slots');
    const beforeHtml = part(element, 'value-stack')!.innerHTML;

    await go(element, 'forward-button');
    const after = shownSlots(element);
    assert.deepEqual(after.map(([repr]) => repr), recordedSlots(element));
    assert.lengthOf(after, 1, 'the product alone, before b is loaded');
    assert.include(part(element, 'value-stack-effect')!.textContent, 'pushed 1 slot');
    assert.include(after[0]![2], 'just pushed');

    await go(element, 'back-button');
    assert.equal(part(element, 'value-stack')!.innerHTML, beforeHtml, 'stepping back shows what stepping forward did');
  });

  it('shows NULL slots and explains them; callers wait in their CALL', async () => {
    const element = await framesElement(SEED);
    element.step = stepOf(element, 'CALL');
    await settle(element);
    const slots = shownSlots(element);
    assert.deepEqual(slots.map(([repr]) => repr), recordedSlots(element).map((repr) => repr ?? 'NULL'));
    assert.include(slots.map(([repr]) => repr), 'NULL');
    const notes = Array.from(shadow(element).querySelectorAll('[part~="value-stack-note"]')).map((note) => note.textContent);
    assert.isTrue(notes.some((note) => note!.startsWith('NULL is an empty slot')));
    // Inside f, the module frame waits in the CALL.
    await go(element, 'forward-button');
    while (trace(element).steps[element.step]!.event !== 'opcode') await go(element, 'forward-button');
    const callers = part(element, 'value-stack')!.querySelector('.callers')!.textContent!;
    assert.match(callers, /<module>: waiting in CALL/);
    const shownNotes = part(element, 'value-stack')!.textContent!;
    assert.include(shownNotes, 'no opcode event for RESUME');
  });

  it('says with Skulpt that there is no value stack', async () => {
    const element = await framesElement(SEED, 'engine="skulpt" granularity="instruction"');
    assert.include(part(element, 'error')!.textContent, 'value stack');
  });

  for (const theme of ['light', 'dark']) {
    it(`has no axe violations with the value stack shown (${theme})`, async () => {
      const element = await framesElement(SEED, `granularity="instruction" theme="${theme}"`);
      element.step = stepOf(element, 'CALL');
      await settle(element);
      assert.isNotNull(part(element, 'value-stack-slots'));
      assert.deepEqual(await axeViolations(element), []);
    });
  }
});
