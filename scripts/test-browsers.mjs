#!/usr/bin/env node
// `npm run test:browser`: the browser tests in each browser of $BROWSERS (all three by default),
// one browser at a time (the machines that run them have few cores), both configs each (the
// ordinary pages, then the crossOriginIsolated ones). Prints each browser's wall time and counts,
// and fails if any run failed, after running them all. The failed tests are listed again at the
// end, since a CI log is often read from its tail.
import { spawn } from 'node:child_process';
import { chosenBrowsers } from './browsers.mjs';

const CONFIGS = ['web-test-runner.config.mjs', 'web-test-runner.isolated.config.mjs'];
const extra = process.argv.slice(2);

function run(browser, config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', config, ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BROWSERS: browser },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('exit', (code, signal) => {
      // The progress line, e.g. "WebKitGTK: |███| 13/13 test files | 170 passed, 0 failed".
      const counts = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
      resolve({
        ok: code === 0,
        passed: Number(counts?.[1] ?? 0),
        failed: Number(counts?.[2] ?? 0),
        why: signal ?? `exit ${code}`,
        failures: failuresIn(output),
      });
    });
  });
}

// web-test-runner's reporter prints each file's name on a line of its own ("test/browser/x.test.ts:"),
// then each failed test as "❌ suite > test" followed by its indented error. Returns those blocks,
// each under its file, without the terminal's colour and cursor codes.
function failuresIn(output) {
  const lines = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const blocks = [];
  let file = '';
  for (let i = 0; i < lines.length; i++) {
    const header = /^(\S+\.test\.ts):\s*$/.exec(lines[i]);
    if (header) file = header[1];
    if (!lines[i].includes('❌')) continue;
    const block = [`${file}: ${lines[i].trim()}`];
    // Its error: the indented lines after it (blank ones among them), at most a dozen.
    for (let j = i + 1; j < lines.length && j <= i + 12 && /^(\s{4,}|\s*$)/.test(lines[j]); j++) block.push(lines[j]);
    blocks.push(block.join('\n').trimEnd());
  }
  return [...new Set(blocks)];
}

const summary = [];
for (const browser of chosenBrowsers()) {
  const started = performance.now();
  const total = { ok: true, passed: 0, failed: 0, why: [], failures: [] };
  for (const config of CONFIGS) {
    console.log(`\n# ${browser}: ${config}`);
    const result = await run(browser, config);
    total.ok &&= result.ok;
    total.passed += result.passed;
    total.failed += result.failed;
    total.failures.push(...result.failures.map((failure) => `${browser}, ${failure}`));
    if (!result.ok) total.why.push(`${config}: ${result.why}`);
  }
  summary.push({ browser, seconds: (performance.now() - started) / 1000, ...total });
}

console.log('\nbrowser tests:');
for (const { browser, seconds, ok, passed, failed, why } of summary) {
  const status = ok ? 'ok' : `FAILED (${why.join('; ')})`;
  console.log(`  ${browser.padEnd(9)} ${seconds.toFixed(0).padStart(4)} s  ${String(passed).padStart(4)} passed  ${String(failed).padStart(3)} failed  ${status}`);
}
const failures = summary.flatMap((result) => result.failures);
if (failures.length > 0) console.log(`\nfailed:\n${failures.join('\n\n')}`);
process.exit(summary.every((result) => result.ok) ? 0 : 1);
