// The real bin wiring: spawn `tsx src/cli/main.ts tokenize ...` and compare its stdout, stderr and
// exit status with CPython's `python -m tokenize` on a file and on stdin.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oracleTokenizeCli } from '../../oracle/tokenize.js';
import { cliDifference } from './compare.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(repo, 'node_modules/.bin/tsx');

function runMain(args: string[], stdin?: string) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: repo, input: stdin ?? '', encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

describe('pyinnards CLI (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyinnards-tokenize-'));
  const good = 'def f(x):\n    return f"{x!r:>{10}}"  # é\n';
  const bad = 'if x:\n    y = (1,\n  z\n';

  it('tokenize -e FILE prints what python -m tokenize -e FILE prints', async () => {
    const file = join(dir, 'good.py');
    writeFileSync(file, good);
    const ours = runMain(['tokenize', '-e', file]);
    const cpython = await oracleTokenizeCli(['-e', 'good.py'], { 'good.py': good });
    // Same file, different absolute paths: CPython's error text would name it; the token lines don't.
    assert.equal(cliDifference(ours, cpython), null);
    assert.equal(ours.status, 0);
  });

  it('tokenize (stdin) with an error: tokens, then the error, exit status 1', async () => {
    const ours = runMain(['tokenize'], bad);
    const cpython = await oracleTokenizeCli([], {}, bad);
    assert.equal(cliDifference(ours, cpython), null);
    assert.equal(ours.status, 1);
  });

  it('unknown command: usage on stderr, status 2', () => {
    const r = runMain(['frobnicate']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: pyinnards/);
  });
});
