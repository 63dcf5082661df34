// How an element's output is scheduled before it has any: its first computation starts within
// the task that gave it its code (a microtask), not on a timer the browser may run only after
// painting a frame or two; and the chunks it needs are asked for once, so an element asking
// after the autoloader's prefetch resumes on the settled promise rather than on a new import().
import { assert } from 'chai';
import { ReactiveElement } from 'lit';
import { FirstViewDebounce } from '../../src/elements/controllers/first-view.js';
import { loadBakeFormat, once } from '../../src/elements/result-parts.js';

class Scheduled extends ReactiveElement {
  computed = 0;
  readonly schedule = new FirstViewDebounce(this, () => void this.computed++, 50, () => true);
}
customElements.define('py-test-scheduled', Scheduled);

function connected(): Scheduled {
  const element = document.createElement('py-test-scheduled') as Scheduled;
  document.body.append(element);
  return element;
}

describe('FirstViewDebounce', () => {
  afterEach(() => document.querySelectorAll('py-test-scheduled').forEach((element) => element.remove()));

  it('computes a first output within the task, once for all the changes made in it', async () => {
    const element = connected();
    element.schedule.schedule(false);
    element.schedule.schedule(false);
    assert.equal(element.computed, 0, 'not while the changes are still being made');
    await Promise.resolve();
    assert.equal(element.computed, 1, 'before the task ends: no timer, no frame between');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(element.computed, 1, 'and only once');
  });

  it('drops a first computation that is cancelled in the same task', async () => {
    const element = connected();
    element.schedule.schedule(false);
    element.schedule.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(element.computed, 0);
  });

  it('waits for typing to pause once an output is shown', async () => {
    const element = connected();
    element.schedule.schedule(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    element.schedule.schedule(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(element.computed, 0, 'the pause restarted with the second change');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(element.computed, 1);
  });
});

describe('the result chunks', () => {
  it('are imported once: every caller gets the same promise', () => {
    assert.strictEqual(loadBakeFormat(), loadBakeFormat());
  });

  it('ask again after a failed import (the network may come back)', async () => {
    let calls = 0;
    const load = once(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('chunk')));
    const first = load();
    assert.strictEqual(load(), first, 'while it is pending');
    await first.then(
      () => assert.fail('the first import failed'),
      (error: Error) => assert.equal(error.message, 'offline'),
    );
    assert.equal(await load(), 'chunk');
    assert.equal(calls, 2);
    assert.strictEqual(load(), load());
    assert.equal(calls, 2);
  });
});
