import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { spawnSync } from 'node:child_process';

// `npm start` on a machine where a port is taken: one line naming the variable that moves it,
// not Node's EADDRINUSE stack trace.
function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

function serveDemo(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/serve-demo.mjs'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

for (const variable of ['PORT', 'KIT_PORT'] as const) {
  test(`a taken ${variable} gives one line that names ${variable}`, async () => {
    const { server, port } = await listen();
    try {
      // The other server's port is 0: any free one, so only the taken port can fail.
      const result = serveDemo(variable === 'PORT' ? { PORT: String(port), KIT_PORT: '0' } : { KIT_PORT: String(port), PORT: '0' });
      assert.equal(result.status, 1);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`port ${port} is already in use.*\\b${variable}=`));
      assert.doesNotMatch(result.stderr, /EADDRINUSE|\n\s+at /);
    } finally {
      server.close();
    }
  });
}
