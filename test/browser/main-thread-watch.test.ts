// The long-task checks of the other browser tests must be able to fail in every browser: the
// watch they use sees a main thread held busy in Chromium, Firefox and WebKit alike.
import { assert } from 'chai';
import { reportsLongTasks, watchMainThread } from './support/long-tasks.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the main thread for `ms` milliseconds, as a slow render or a synchronous parse would. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('the main-thread watch of the browser tests', () => {
  it(`sees a 250 ms task (${reportsLongTasks ? "the browser's longtask entries" : 'a heartbeat: no longtask entries here'})`, async () => {
    const watch = watchMainThread();
    await pause(50);
    busy(250);
    await pause(100);
    const { longTasks, longestGap, measure } = watch.stop();
    assert.equal(measure, reportsLongTasks ? 'longtask' : 'heartbeat');
    assert.isTrue(longTasks.some((ms) => ms >= 200), `a long task of about 250 ms among ${JSON.stringify(longTasks)}`);
    assert.isAtLeast(longestGap, 200, 'the heartbeat was held up as long as the task ran');
  });

  it('sees no long task while the main thread only waits', async () => {
    const watch = watchMainThread();
    await pause(300);
    const { longTasks } = watch.stop();
    assert.deepEqual(longTasks.filter((ms) => ms > 100), []);
  });
});
