// Comparison helpers shared by the tokenizer tests.
import type { CliResult } from '../../oracle/tokenize.js';

/**
 * CPython follows an "unexpected error" line with a traceback of its own internals, which we
 * deliberately don't imitate: compare stderr only up to the traceback in that case.
 */
export function normalizeStderr(stderr: string): string {
  const i = stderr.indexOf('Traceback (most recent call last):\n');
  return i < 0 ? stderr : stderr.slice(0, i);
}

/** A readable description of the first difference between two CLI runs, or null if equal. */
export function cliDifference(ours: CliResult, cpython: CliResult): string | null {
  const problems: string[] = [];
  if (ours.status !== cpython.status) problems.push(`status: ours ${ours.status}, CPython ${cpython.status}`);
  if (ours.stdout !== cpython.stdout) {
    const a = ours.stdout.split('\n');
    const b = cpython.stdout.split('\n');
    let i = 0;
    while (i < Math.max(a.length, b.length) && a[i] === b[i]) i++;
    problems.push(
      `stdout line ${i + 1}:\n    ours:    ${JSON.stringify(a[i] ?? '<missing>')}\n    CPython: ${JSON.stringify(b[i] ?? '<missing>')}`,
    );
  }
  const ea = normalizeStderr(ours.stderr);
  const eb = normalizeStderr(cpython.stderr);
  if (ea !== eb) problems.push(`stderr:\n    ours:    ${JSON.stringify(ea)}\n    CPython: ${JSON.stringify(eb)}`);
  return problems.length ? problems.join('\n  ') : null;
}
