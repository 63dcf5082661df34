// Where each stepping control of <py-frames> goes, computed from the recorded trace alone.
// Pure functions of (trace, step index): the element and the Node tests use the same ones.
import type { Trace, TraceStep } from '../../engine/trace/format.js';

/** How deep the stack is at a step: 1 for the module frame alone. */
export function depthAt(trace: Trace, index: number): number {
  return trace.steps[index]?.stack.length ?? 0;
}

/** The line the innermost frame is at (the line about to run, for a `line` event). */
export function lineAt(step: TraceStep | undefined): number | null {
  return step?.stack.at(-1)?.[1] ?? null;
}

/** The innermost frame's index into `trace.frames` at a step. */
export function frameAt(step: TraceStep | undefined): number | undefined {
  return step?.stack.at(-1)?.[0];
}

/** The first step after `index` that satisfies `test`, or the last step when none does. */
function firstAfter(trace: Trace, index: number, test: (step: TraceStep, at: number) => boolean): number {
  const last = trace.steps.length - 1;
  for (let at = index + 1; at <= last; at++) {
    if (test(trace.steps[at]!, at)) return at;
  }
  return Math.max(last, 0);
}

/** A step the reader thinks of as "a line" (or an instruction, in instruction mode). */
function isLineStep(step: TraceStep): boolean {
  return step.event === 'line' || step.event === 'opcode';
}

/** Step into: the next line anywhere, entering any function the current line calls. */
export function stepInto(trace: Trace, index: number): number {
  return firstAfter(trace, index, isLineStep);
}

/**
 * Step over: the next event in this frame or an outer one, so calls made by the current line
 * run through without stopping (the current frame's own return still stops: it shows the
 * value returned).
 */
export function stepOver(trace: Trace, index: number): number {
  const depth = depthAt(trace, index);
  return firstAfter(trace, index, (step) => step.stack.length <= depth && step.event !== 'call');
}

/** Step out: the first event after the current frame has returned (or unwound). */
export function stepOut(trace: Trace, index: number): number {
  const depth = depthAt(trace, index);
  return firstAfter(trace, index, (step) => step.stack.length < depth);
}

/**
 * Continue: the next `breakpoint()` stop, or the next line event on a line with a gutter
 * breakpoint; the last step when there is none.
 */
export function continueTo(trace: Trace, index: number, breakpoints: ReadonlySet<number>): number {
  return firstAfter(
    trace,
    index,
    (step) => step.breakpoint === true || (step.event === 'line' && breakpoints.has(lineAt(step) ?? -1)),
  );
}

/** What changed in a frame's variables since the previous step. */
export interface ScopeChanges {
  /** Names bound since the previous step. */
  added: ReadonlySet<string>;
  /** Names bound to another value (or the same object, now with another repr). */
  changed: ReadonlySet<string>;
}

const NO_CHANGES: ScopeChanges = { added: new Set(), changed: new Set() };

/**
 * The variables of `frame` at step `index` against the step before, when that frame was on
 * the stack then too. A frame seen for the first time has no changes: everything is new and
 * marking all of it would say nothing.
 */
export function scopeChanges(trace: Trace, index: number, frame: number): ScopeChanges {
  const now = trace.steps[index]?.stack.find(([id]) => id === frame);
  const before = trace.steps[index - 1]?.stack.find(([id]) => id === frame);
  if (!now || !before || now[3] === before[3]) return NO_CHANGES;
  const previous = new Map(trace.scopes[before[3]] ?? []);
  const added = new Set<string>();
  const changed = new Set<string>();
  for (const [name, value] of trace.scopes[now[3]] ?? []) {
    const old = previous.get(name);
    if (old === undefined) added.add(name);
    else if (old !== value) changed.add(name);
  }
  return { added, changed };
}

/** Types whose sharing says nothing to a reader: they can't be changed through an alias. */
const ATOMIC_TYPES = new Set(['NoneType', 'bool', 'int', 'float', 'complex', 'str', 'bytes', 'ellipsis', 'NotImplementedType']);

/**
 * Objects referred to more than once at a step (by any variable of any frame), other than
 * immutable atoms: the element tags them so aliasing shows.
 */
export function sharedObjects(trace: Trace, index: number): ReadonlySet<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const [, , , scope] of trace.steps[index]?.stack ?? []) {
    for (const [, valueIndex] of trace.scopes[scope] ?? []) {
      const value = trace.values[valueIndex];
      if (!value || ATOMIC_TYPES.has(value.type)) continue;
      if (seen.has(value.object)) shared.add(value.object);
      seen.add(value.object);
    }
  }
  return shared;
}
