import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-frames.js';
import type { PyFrames } from '../../src/elements/py-frames.js';
import type { Trace } from '../../src/engine/trace/format.js';
import { pyodideUrl } from './support/cdn.js';
import { axeViolations } from './support/axe.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, settle, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const FOO_BAR = `def foo(n):
    n = n - 1
    return n

def bar(k):
    res = foo(k)
    return res * 2

print(bar(4))`;

/** A <py-frames> with this code, once its recording (or error) is shown. */
async function framesElement(code: string, attributes = ''): Promise<PyFrames> {
  const element = await mount<PyFrames>(`<py-frames ${attributes}><script type="text/x-python">${code}</script></py-frames>`);
  await until(() => shadow(element).querySelector('[part~="controls"]') || shadow(element).querySelector('[part="error"]'), 'the recording', PYTHON_STARTS_WITHIN);
  await settle(element);
  return element;
}

const part = (element: PyFrames, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`)!;
const trace = (element: PyFrames): Trace => element.trace!;
/** The innermost frame's (qualname, line) at a step. */
function where(element: PyFrames, index = element.step): [string, number | null] {
  const t = trace(element);
  const [frame, line] = t.steps[index]!.stack.at(-1)!;
  return [t.codes[t.frames[frame]!.code]!.qualname, line];
}
function findStep(element: PyFrames, test: (step: Trace['steps'][number], index: number) => boolean): number {
  const index = trace(element).steps.findIndex(test);
  assert.isAtLeast(index, 0, 'the step looked for is in the recording');
  return index;
}
async function press(element: PyFrames, name: string): Promise<void> {
  part(element, name).click();
  await settle(element);
}

describe('<py-frames>', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  it('records the run when it comes into view, and fires py-result with the trace', async () => {
    let detail: { trace: Trace } | undefined;
    document.addEventListener('py-result', (event) => (detail = (event as CustomEvent).detail), { once: true });
    const element = await framesElement(FOO_BAR);
    assert.equal(trace(element).format, 'pyinnards-trace');
    assert.equal(trace(element).version, 2);
    assert.strictEqual(detail?.trace, element.trace);
    assert.equal(element.step, 0);
    assert.match(part(element, 'step').textContent!, new RegExp(`^Step 1 of ${trace(element).steps.length}: `));
    assert.equal(where(element)[0], '<module>');
    element.step = findStep(element, (step) => step.event === 'line');
    await settle(element);
    assert.deepEqual(where(element), ['<module>', 1]);
    assert.include(shadow(element).querySelector('.static-code .line-current:not(.gutter)')!.textContent, 'def foo(n):', 'the code marks the line about to run');
  });

  it('steps forwards, backwards, to the ends and along the timeline', async () => {
    const element = await framesElement(FOO_BAR);
    const last = trace(element).steps.length - 1;
    assert.equal(part(element, 'back-button').getAttribute('aria-disabled'), 'true');
    await press(element, 'forward-button');
    assert.equal(element.step, 1);
    await press(element, 'last-button');
    assert.equal(element.step, last);
    assert.equal(part(element, 'forward-button').getAttribute('aria-disabled'), 'true');
    await press(element, 'forward-button');
    assert.equal(element.step, last, 'forward at the end does nothing');
    await press(element, 'back-button');
    assert.equal(element.step, last - 1);
    await press(element, 'first-button');
    assert.equal(element.step, 0);
    const timeline = part(element, 'timeline') as HTMLInputElement;
    timeline.value = '5';
    timeline.dispatchEvent(new Event('input'));
    await settle(element);
    assert.equal(element.step, 5);
    element.step = 3;
    await settle(element);
    assert.equal(timeline.value, '3', 'setting `step` moves the timeline');
  });

  it('steps into, over and out of calls', async () => {
    const element = await framesElement(FOO_BAR);
    const callLine = findStep(element, (step) => step.event === 'line' && step.stack.at(-1)![1] === 6);
    element.step = callLine;
    await settle(element);
    await press(element, 'over-button');
    assert.deepEqual(where(element), ['bar', 7], 'over runs foo through and stops at the next line of bar');
    element.step = callLine;
    await settle(element);
    await press(element, 'into-button');
    assert.deepEqual(where(element), ['foo', 2], 'into stops at the first line of foo');
    assert.equal(trace(element).steps[element.step]!.stack.length, 3, 'three frames: <module>, bar, foo');
    await press(element, 'out-button');
    assert.equal(where(element)[0], 'bar', 'out returns to the caller');
  });

  it('shows each frame with its variables and f_back, and marks what changed', async () => {
    const element = await framesElement(FOO_BAR);
    const afterAssign = findStep(element, (step) => step.event === 'line' && step.stack.at(-1)![1] === 3);
    element.step = afterAssign;
    await settle(element);
    const frames = Array.from(shadow(element).querySelectorAll<HTMLElement>('[part~="frame"]'));
    assert.deepEqual(
      frames.map((frame) => frame.querySelector('.frame-name')!.textContent),
      ['<module>', 'bar', 'foo'],
    );
    assert.include(frames[2]!.querySelector('.frame-meta')!.textContent, 'f_back: bar');
    const text = element.text.split('\n');
    assert.match(text[0]!, new RegExp(`^Step ${afterAssign + 1} of `), 'text starts with the step, as Copy gives it');
    assert.deepEqual(
      text.filter((line) => /^\S/.test(line) && !line.startsWith('Step')).slice(0, 3).map((line) => line.split(' ')[0]),
      ['<module>', 'bar', 'foo'],
    );
    assert.isTrue(frames[2]!.matches('[part~="current-frame"]'));
    const row = frames[2]!.querySelector('tbody tr')!;
    assert.equal(row.querySelector('.name')!.textContent, 'n');
    assert.isTrue(row.classList.contains('changed'), 'n = n - 1 changed n');
    assert.equal(row.querySelector('.change')!.textContent, 'changed', 'said in words too, not by colour alone');
    const values = trace(element).values;
    const scope = trace(element).scopes[trace(element).steps[afterAssign]!.stack[2]![3]]!;
    assert.equal(row.querySelector('.repr')!.textContent, values[scope[0]![1]]!.repr);
  });

  it('shows the output up to the step', async () => {
    const element = await framesElement(FOO_BAR);
    assert.include(part(element, 'output').textContent, 'Nothing printed yet.');
    await press(element, 'last-button');
    assert.equal(part(element, 'stdout').textContent, trace(element).stdout);
    assert.isNotEmpty(trace(element).stdout);
  });

  it('walks the steps with the keyboard', async () => {
    const element = await framesElement(FOO_BAR);
    part(element, 'forward-button').focus();
    const key = (name: string) => {
      shadow(element).activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
      return settle(element);
    };
    await key('ArrowRight');
    await key('ArrowRight');
    assert.equal(element.step, 2);
    await key('ArrowLeft');
    assert.equal(element.step, 1);
    await key('End');
    assert.equal(element.step, trace(element).steps.length - 1);
    await key('Home');
    assert.equal(element.step, 0);
  });

  it('stops Continue at gutter breakpoints, toggled by clicking a line number or pressing B', async () => {
    const element = await framesElement(FOO_BAR);
    const number = shadow(element).querySelector<HTMLElement>('.gutter[data-line="7"]')!;
    number.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(element);
    assert.deepEqual([...element.breakpoints], [7]);
    assert.isTrue(shadow(element).querySelector('.gutter[data-line="7"]')!.classList.contains('breakpoint'));
    assert.isNull(shadow(element).querySelector('.cm-editor'), 'a click on a line number does not start editing');
    await press(element, 'continue-button');
    assert.deepEqual(where(element), ['bar', 7]);
    // B toggles a breakpoint on the current line, from the controls.
    part(element, 'continue-button').focus();
    part(element, 'continue-button').dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true, composed: true }));
    await settle(element);
    assert.deepEqual([...element.breakpoints], []);
    await press(element, 'first-button');
    await press(element, 'continue-button');
    assert.equal(element.step, trace(element).steps.length - 1, 'with no breakpoints Continue runs to the end');
  });

  it('stops Continue at breakpoint(), unless sys.breakpointhook was replaced', async () => {
    const code = 'total = 0\nfor value in [3, 4]:\n    total += value\nbreakpoint()\nprint(total)';
    const element = await framesElement(code);
    await press(element, 'continue-button');
    assert.isTrue(trace(element).steps[element.step]!.breakpoint);
    assert.deepEqual(where(element), ['<module>', 4]);
    assert.include(part(element, 'step').textContent, 'breakpoint()');
    unmountAll();
    const disabled = await framesElement(`import sys\nsys.breakpointhook = lambda *a, **k: None\n${code}`);
    assert.isFalse(trace(disabled).steps.some((step) => step.breakpoint), 'a replaced hook does nothing, as in CPython');
  });

  it('plays the recording and pauses', async () => {
    const element = await framesElement(FOO_BAR, 'speed="16"');
    await press(element, 'play-button');
    assert.equal(part(element, 'play-button').getAttribute('aria-pressed'), 'true');
    await until(() => element.step >= 3, 'playing to move on', 5000);
    await press(element, 'play-button');
    const paused = element.step;
    const speed = part(element, 'speed') as HTMLSelectElement;
    speed.value = '4';
    speed.dispatchEvent(new Event('change'));
    await settle(element);
    assert.equal(element.speed, 4, 'the speed menu sets the speed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(element.step, paused);
  });

  it('marks one object referred to by two names, and cuts long reprs with a way to expand', async () => {
    const element = await framesElement('a = [1, 2]\nb = a\nc = list(range(100))\nd = 0');
    await press(element, 'last-button');
    const rows = Array.from(shadow(element).querySelectorAll('[part~="frame"] tbody tr'));
    const tag = (name: string) => rows.find((row) => row.querySelector('.name')!.textContent === name)!.querySelector('.object')?.textContent;
    assert.isString(tag('a'));
    assert.equal(tag('a'), tag('b'));
    assert.isUndefined(tag('c'));
    const long = rows.find((row) => row.querySelector('.name')!.textContent === 'c')!;
    assert.isBelow(long.querySelector('.repr')!.textContent!.length, 100);
    long.querySelector<HTMLButtonElement>('[part~="expand-button"]')!.click();
    await settle(element);
    const t = trace(element);
    const scope = t.scopes[t.steps.at(-1)!.stack[0]![3]]!;
    const whole = t.values[scope.find(([name]) => name === 'c')![1]]!.repr;
    assert.isAbove(whole.length, 100);
    assert.equal(long.querySelector('.repr')!.textContent, whole);
  });

  it('keeps the steps so far with a note when the step limit is hit', async () => {
    const element = await framesElement('while True:\n    pass', 'max-steps="50"');
    assert.equal(trace(element).steps.length, 50);
    assert.deepEqual(trace(element).end, { status: 'step-limit', maxSteps: 50 });
    assert.match(Array.from(shadow(element).querySelectorAll('[part="note"]')).map((n) => n.textContent).join(' '), /stopped after 50 steps/);
  });

  it("shows a SyntaxError at its place, with CPython's message", async () => {
    const element = await framesElement('x = (1,\ny = 2');
    const error = part(element, 'error');
    assert.include(error.textContent, 'SyntaxError');
    assert.equal(trace(element).end.status, 'syntax-error');
    assert.isNotNull(shadow(element).querySelector('.static-code .error-line'));
  });

  it('ends an uncaught exception on its last step, with the traceback', async () => {
    const element = await framesElement('def f(x):\n    return 1 / x\n\nf(0)');
    const end = trace(element).end;
    assert.equal(end.status, 'error');
    const raised = findStep(element, (step) => step.event === 'exception');
    element.step = raised;
    await settle(element);
    assert.equal(part(element, 'event').querySelector('pre')!.textContent, trace(element).steps[raised]!.exception!.traceback);
    await press(element, 'last-button');
    assert.equal(part(element, 'event').querySelector('pre')!.textContent, end.status === 'error' ? end.error.traceback : '');
  });

  it('keeps recording coroutines as asyncio resumes them from the browser event loop', async () => {
    const element = await framesElement(
      'import asyncio\n\nasync def work(n):\n    await asyncio.sleep(0)\n    return n * 2\n\nasync def main():\n    return await asyncio.gather(work(1), work(2))\n\nprint(asyncio.run(main()))',
    );
    const t = trace(element);
    const resumed = t.steps.filter((step, index) => step.event === 'line' && where(element, index).join(':') === 'work:5');
    assert.lengthOf(resumed, 2, 'both work() coroutines ran their line after the await');
    const kinds = new Set(resumed.map((step) => t.codes[t.frames[step.stack.at(-1)![0]]!.code]!.kind));
    assert.deepEqual([...kinds], ['coroutine']);
    assert.equal(t.end.status, 'ok');
  });

  it('reads input() from the stdin attribute', async () => {
    const element = await framesElement('name = input("Name? ")\nprint("Hi", name)', 'stdin="Ada"');
    await press(element, 'last-button');
    assert.include(trace(element).stdout, 'Ada', `the recording ended ${JSON.stringify(trace(element).end)}`);
  });

  it('asks the reader for input() and records on (where CPython can\'t wait, it records again with the answers); the wait is not run time', async () => {
    const element = await mount<PyFrames>(
      `<py-frames timeout="1"><script type="text/x-python">name = input("Name? ")\nprint("Hi", name)</script></py-frames>`,
    );
    const field = await until(() => shadow(element).querySelector<HTMLInputElement>('.input-prompt input'), 'the input() prompt', PYTHON_STARTS_WITHIN);
    // The reader takes longer than the time limit (and its backstop) to answer.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    field.value = 'Ada';
    shadow(element).querySelector<HTMLButtonElement>('.input-prompt button')!.click();
    await until(() => element.trace, 'the recording', PYTHON_STARTS_WITHIN);
    await settle(element);
    assert.equal(element.trace!.end.status, 'ok');
    assert.include(element.trace!.stdout, 'Ada');
  });

  it('asks for each input() in turn and records the answers', async () => {
    const element = await mount<PyFrames>(
      `<py-frames><script type="text/x-python">name = input("Name? ")\nage = input("Age? ")\nprint("Hi", name, age)</script></py-frames>`,
    );
    for (const answer of ['Ada', '36']) {
      // Each input() gets a field of its own (a fresh one: the answered one goes away).
      const field = await until(
        () => shadow(element).querySelector<HTMLInputElement>('.input-prompt input:not([data-answered])'),
        `the field for ${answer}`,
        PYTHON_STARTS_WITHIN,
      );
      field.value = answer;
      field.dataset['answered'] = '';
      shadow(element).querySelector<HTMLButtonElement>('.input-prompt button')!.click();
    }
    await until(() => element.trace, 'the recording', PYTHON_STARTS_WITHIN);
    assert.equal(element.trace!.end.status, 'ok');
    assert.equal(element.trace!.stdout, 'Name? Age? Hi Ada 36\n');
  });

  it('steps per instruction in instruction mode, showing the bytecode around it', async () => {
    const element = await framesElement('x = 2\ny = x * 3', 'granularity="instruction"');
    const opcode = findStep(element, (step) => step.event === 'opcode');
    element.step = opcode;
    await settle(element);
    const current = part(element, 'instructions').querySelector('.current-instruction')!;
    assert.match(current.textContent!, /[A-Z_]{4,}/, 'the current instruction, as dis prints it');
  });

  // The replay's cost must not grow with the recording: each step shows one step's worth of DOM,
  // whichever step and however long the recording. (Counted, not timed: a long-task limit failed
  // on a busy machine with nothing wrong in the kit.)
  it('replays a 10,000-step recording with one step’s DOM, by keyboard and timeline', async () => {
    const loop = (n: number) => `total = 0\nfor i in range(${n}):\n    total += i`;
    const stepNodes = (element: PyFrames) =>
      Array.from(shadow(element).querySelectorAll('*')).filter((node) => !node.closest('[part~="note"]')).length;
    // The most any step of a 10-step recording of the same loop shows.
    const short = await framesElement(loop(3));
    let oneStep = 0;
    for (let step = 0; step < trace(short).steps.length; step++) {
      short.step = step;
      await settle(short);
      oneStep = Math.max(oneStep, stepNodes(short));
    }
    unmountAll();

    const element = await framesElement(loop(100000));
    assert.equal(trace(element).steps.length, 10000);
    const seen: Record<string, number> = {};
    part(element, 'last-button').focus();
    for (const key of ['End', 'Home', 'End']) {
      shadow(element).activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await settle(element);
      assert.equal(element.step, key === 'End' ? 9999 : 0, key);
      seen[`${key} → step ${element.step}`] = stepNodes(element);
    }
    const timeline = part(element, 'timeline') as HTMLInputElement;
    for (let value = 0; value < 10000; value += 1250) {
      timeline.value = String(value);
      timeline.dispatchEvent(new Event('input'));
      await settle(element);
      assert.equal(element.step, value, 'the timeline moves the step');
      seen[`timeline → step ${value}`] = stepNodes(element);
    }
    for (const [where, nodes] of Object.entries(seen)) assert.isAtMost(nodes, oneStep, `elements shown at ${where}`);
  });

  it('records line steps with Skulpt, saying what Skulpt cannot show', async () => {
    const element = await framesElement(FOO_BAR, 'engine="skulpt"');
    const t = trace(element);
    assert.equal(t.engine, 'skulpt');
    assert.deepEqual(t.events, ['line']);
    assert.isTrue(t.steps.every((step) => step.event === 'line'));
    assert.isNotEmpty(t.limitations);
    const notes = Array.from(shadow(element).querySelectorAll('[part="note"]')).map((note) => note.textContent).join(' ');
    assert.include(notes, `Recorded by ${t.python}`);
    assert.include(notes, t.limitations[0]!);
    element.step = findStep(element, (step) => step.stack.length === 3);
    await settle(element);
    assert.deepEqual(
      Array.from(shadow(element).querySelectorAll('[part~="frame"] .frame-name')).map((name) => name.textContent),
      ['<module>', 'bar', 'foo'],
    );
  });

  for (const theme of ['light', 'dark']) {
    it(`has no axe violations while replaying (${theme})`, async () => {
      const element = await framesElement(FOO_BAR, `theme="${theme}"`);
      element.step = findStep(element, (step) => step.stack.length === 3);
      await settle(element);
      assert.deepEqual(await axeViolations(element), []);
    });
  }
});
