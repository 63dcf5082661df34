import { assert } from 'chai';
import type { Engine } from '../../../src/engine/runtime/index.js';

/**
 * Stops `while True: pass` on an engine that can interrupt: with KeyboardInterrupt printed, and
 * without a restart (a session's variable survives). The engine restarts Python when the
 * interrupt isn't taken within its grace period, so `sessionReset: false` says it was.
 */
export async function assertStopInterruptsKeepingSession(engine: Engine): Promise<void> {
  assert.isTrue(engine.capabilities.interrupt, 'the engine says it can interrupt');
  await engine.session('kept').push('kept = 7');
  let stderr = '';
  const handle = engine.run('while True:\n    pass', { onStderr: (text) => (stderr += text) });
  await new Promise((resolve) => setTimeout(resolve, 400));
  handle.stop();
  const outcome = await handle.done;
  assert.deepEqual(outcome, { status: 'stopped', sessionReset: false });
  assert.match(stderr, /KeyboardInterrupt\n$/);
  let out = '';
  await engine.session('kept').push('kept', { onStdout: (text) => (out += text) });
  assert.equal(out, '7\n', 'no restart: the session kept its variables');
}
