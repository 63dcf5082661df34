// A page whose Content-Security-Policy forbids workers (some CMSs set worker-src): Skulpt then
// runs on the page itself, says so, and can still be stopped.
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT } from './support/dom.js';

describe('engine on a page that forbids workers', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  before(() => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "worker-src 'none'";
    document.head.append(policy);
  });

  it('runs Skulpt on the page, says so, and Stop still works', async () => {
    const { loadEngine } = await import('../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'skulpt', pyodideUrl: '' });
    assert.match(engine.capabilities.note ?? '', /does not allow workers/);
    let out = '';
    assert.deepEqual(await engine.run('print(10 / 3)', { onStdout: (text) => (out += text) }).done, { status: 'ok' });
    assert.equal(out, '3.3333333333333335\n');
    const handle = engine.run('while True:\n    pass');
    await new Promise((resolve) => setTimeout(resolve, 300));
    handle.stop();
    assert.equal((await handle.done).status, 'stopped');
  });
});
