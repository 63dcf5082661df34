// Words for what a recorded step shows: the status line, the screen-reader announcement and
// the plain text that `text` and Copy give.
import type { CodeKind, Trace, TraceStep } from '../../engine/trace/format.js';
import { frameAt, lineAt } from './navigation.js';
import { valueStackText } from './value-stack.js';

const KIND_LABELS: Record<CodeKind, string> = {
  module: 'module',
  function: 'function',
  lambda: 'lambda',
  class: 'class body',
  generator: 'generator',
  coroutine: 'coroutine',
  'async-generator': 'async generator',
  genexpr: 'generator expression',
};

/** "class body", "generator"…: how a frame's code is labelled. */
export function kindLabel(kind: CodeKind): string {
  return KIND_LABELS[kind];
}

/** The qualified name of a frame's code, e.g. "outer.<locals>.inner". */
export function frameName(trace: Trace, frame: number | undefined): string {
  const code = frame === undefined ? undefined : trace.codes[trace.frames[frame]?.code ?? -1];
  return code?.qualname ?? '?';
}

/** What happened at a step, in a few words: "line 3 in foo", "foo returns 6"… */
export function eventSummary(trace: Trace, step: TraceStep): string {
  const name = frameName(trace, frameAt(step));
  const line = lineAt(step);
  // A module's call event comes before its first line: CPython gives it line 0.
  const where = line ? `line ${line} in ${name}` : `in ${name}`;
  switch (step.event) {
    case 'call':
      return line ? `call ${name} (line ${line})` : `call ${name}`;
    case 'line':
      return step.breakpoint ? `breakpoint() at ${where}` : where;
    case 'return':
      return `${name} returns ${step.value === undefined ? '' : (trace.values[step.value]?.repr ?? '')}`.trimEnd();
    case 'exception':
      return `${step.exception?.type ?? 'exception'} raised at ${where}`;
    case 'opcode': {
      const offset = step.stack.at(-1)?.[2];
      const code = trace.codes[trace.frames[frameAt(step) ?? -1]?.code ?? -1];
      const dis = code?.dis as { instructions?: Array<{ offset: number; opname: string }> } | undefined;
      const opname = dis?.instructions?.find((instruction) => instruction.offset === offset)?.opname ?? 'instruction';
      return `${opname} at offset ${offset ?? '?'}, ${where}`;
    }
  }
}

/** "Step 5 of 23: line 3 in foo". */
export function stepHeading(trace: Trace, index: number): string {
  const step = trace.steps[index];
  if (!step) return 'No steps were recorded.';
  return `Step ${index + 1} of ${trace.steps.length}: ${eventSummary(trace, step)}`;
}

/** The step as plain text: heading, every frame with its variables, the output so far. */
export function stepText(trace: Trace, index: number): string {
  const step = trace.steps[index];
  if (!step) return '';
  const lines = [stepHeading(trace, index)];
  for (const [frame, line, , scope] of step.stack) {
    lines.push(`${frameName(trace, frame)}${line ? ` (line ${line})` : ''}`);
    for (const [name, valueIndex] of trace.scopes[scope] ?? []) {
      lines.push(`    ${name} = ${trace.values[valueIndex]?.repr ?? '?'}`);
    }
  }
  const valueStack = valueStackText(trace, index);
  if (valueStack) lines.push(valueStack);
  if (step.exception) lines.push(step.exception.traceback.trimEnd());
  const output = trace.stdout.slice(0, step.stdout) + trace.stderr.slice(0, step.stderr);
  if (output) lines.push('Output:', output.trimEnd());
  return `${lines.join('\n')}\n`;
}
