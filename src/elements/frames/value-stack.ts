// What <py-frames> shows of a frame's value stack at a step of an instruction-mode recording:
// the slots (top first), which of them the instruction about to run pops and which the last
// one pushed, and notes on what can't be shown. Pure functions of (trace, step index), so
// stepping back shows exactly what stepping forward did; the Node tests use the same ones.
//
// Pops and pushes are read from the recording itself: the stack before an instruction and the
// stack at the frame's next instruction share a bottom part (the same objects in the same
// places); what lies above it was popped before, and pushed after.
import type { Trace, TraceStep, TraceValue } from '../../engine/trace/format.js';
import { frameAt } from './navigation.js';

export interface StackSlot {
  /** 0 for the bottom slot. */
  position: number;
  kind: 'object' | 'null' | 'integer';
  /** The object (kind "object"). */
  value?: TraceValue;
  /** Index into `trace.values` (kind "object"). */
  valueIndex?: number;
  /** What an integer slot holds (kind "integer"). */
  text?: string;
  /** The instruction about to run takes it off the stack. */
  popped: boolean;
  /** The frame's previous instruction put it there. */
  pushed: boolean;
}

/** A caller: stopped inside the instruction that called (or resumed) the frame above it. */
export interface WaitingFrame {
  frame: number;
  qualname: string;
  opname: string;
  offset: number;
}

export type ValueStackModel =
  | { kind: 'none' }
  | { kind: 'message'; qualname: string; message: string; callers: WaitingFrame[] }
  | {
      kind: 'stack';
      qualname: string;
      opname: string;
      offset: number;
      /** Top first. */
      slots: StackSlot[];
      /** How many slots the instruction about to run pops, when the recording shows it. */
      pops: number | null;
      /** The instruction before (in this frame) and how many it pushed, when there is one. */
      previous: { opname: string; pushes: number } | null;
      notes: string[];
      callers: WaitingFrame[];
    };

type Slot = number | null | string;

interface DisInstructions {
  instructions?: Array<{ offset: number; opname: string }>;
}

/** The name of the instruction at `offset` in a frame's code, from the recording's dis. */
export function opnameAt(trace: Trace, frame: number, offset: number): string {
  const code = trace.codes[trace.frames[frame]?.code ?? -1];
  const dis = code?.dis as DisInstructions | undefined;
  return dis?.instructions?.find((instruction) => instruction.offset === offset)?.opname ?? 'an instruction';
}

/** Opcodes that do two instructions' work with no event between them. */
const FUSED = /^(LOAD|STORE)_FAST(_BORROW)?_(LOAD|STORE)_FAST(_BORROW)?$/;

/** Opcodes that make CALL's stack layout: callable, then self or NULL, then the arguments. */
function nullNote(): string {
  return 'NULL is an empty slot, not an object (not None). A call finds on the stack the callable, then self or NULL, then the arguments: where there is no self (a plain function), LOAD_GLOBAL, LOAD_ATTR or PUSH_NULL leave a NULL in its place.';
}

function sameSlot(trace: Trace, a: Slot | undefined, b: Slot | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  if (a === b) return true;
  // The same object, changed (a list being built keeps its place): not popped and pushed.
  const x = trace.values[a];
  const y = trace.values[b];
  return !!x && !!y && x.object === y.object && x.type === y.type;
}

/** How many bottom slots two stacks share. */
function sharedBottom(trace: Trace, before: Slot[], after: Slot[]): number {
  let shared = 0;
  while (shared < before.length && shared < after.length && sameSlot(trace, before[shared], after[shared])) shared++;
  return shared;
}

/** The stack of an opcode step, or undefined when it has none. */
function slotsOf(step: TraceStep | undefined): Slot[] | undefined {
  return Array.isArray(step?.valueStack) ? step.valueStack : undefined;
}

/**
 * The frame's next (or previous, with `direction` -1) opcode step, at the same place in the
 * call stack; null if an exception passes through the frame first (the instruction raised:
 * what it would have popped and pushed is not what happened) or the frame ends.
 */
function neighbour(trace: Trace, index: number, direction: 1 | -1): number | null {
  const step = trace.steps[index]!;
  const frame = frameAt(step);
  const depth = step.stack.length;
  for (let at = index + direction; at >= 0 && at < trace.steps.length; at += direction) {
    const other = trace.steps[at]!;
    if (other.stack.length < depth) return null;
    if (other.stack.length > depth || frameAt(other) !== frame) continue;
    if (other.event === 'exception' || other.event === 'return' || other.event === 'call') return null;
    if (other.event === 'opcode') return at;
  }
  return null;
}

/**
 * Whether the frame's next event is a return (or a yield) of the object on top of the stack:
 * then the instruction about to run pops that one slot and hands it to the caller.
 */
function returnsTop(trace: Trace, index: number, stack: Slot[]): boolean {
  const step = trace.steps[index]!;
  const following = trace.steps[index + 1];
  const top = stack.at(-1);
  if (!following || following.event !== 'return' || following.value === undefined || typeof top !== 'number') return false;
  return frameAt(following) === frameAt(step) && following.stack.length === step.stack.length && sameSlot(trace, top, following.value);
}

function callers(trace: Trace, step: TraceStep): WaitingFrame[] {
  return step.stack.slice(0, -1).map(([frame, , lasti]) => ({
    frame,
    qualname: trace.codes[trace.frames[frame]?.code ?? -1]?.qualname ?? '?',
    opname: opnameAt(trace, frame, lasti),
    offset: lasti,
  }));
}

/** Whether this is the first opcode step of this frame's run (since its call event). */
function firstInstruction(trace: Trace, index: number): boolean {
  const step = trace.steps[index]!;
  const frame = frameAt(step);
  const depth = step.stack.length;
  for (let at = index - 1; at >= 0; at--) {
    const other = trace.steps[at]!;
    if (other.stack.length < depth) return true;
    if (other.stack.length > depth || frameAt(other) !== frame) continue;
    if (other.event === 'call') return true;
    if (other.event === 'opcode') return false;
  }
  return true;
}

/** The value stack at step `index`, as the element shows it. */
export function valueStackAt(trace: Trace, index: number): ValueStackModel {
  const step = trace.steps[index];
  if (trace.granularity !== 'instruction' || !step) return { kind: 'none' };
  const frame = frameAt(step)!;
  const qualname = trace.codes[trace.frames[frame]?.code ?? -1]?.qualname ?? '?';
  const waiting = callers(trace, step);
  const message = (text: string): ValueStackModel => ({ kind: 'message', qualname, message: text, callers: waiting });
  if (trace.version === 1) return message('This recording is in version 1 of the trace format, which has no value stacks.');
  if (step.event !== 'opcode') {
    return message(`The value stack is recorded before each instruction; this step is a ${step.event} event.`);
  }
  const stack = step.valueStack;
  if (!Array.isArray(stack)) return message(stack?.unavailable ?? 'The value stack is not available here.');
  const offset = step.stack.at(-1)![2];
  const opname = opnameAt(trace, frame, offset);

  const next = neighbour(trace, index, 1);
  const after = next === null ? undefined : slotsOf(trace.steps[next]);
  const pops = after ? stack.length - sharedBottom(trace, stack, after) : returnsTop(trace, index, stack) ? 1 : null;
  const back = neighbour(trace, index, -1);
  const before = back === null ? undefined : slotsOf(trace.steps[back]);
  const pushes = before ? stack.length - sharedBottom(trace, before, stack) : null;
  const previous =
    back !== null && pushes !== null ? { opname: opnameAt(trace, frame, trace.steps[back]!.stack.at(-1)![2]), pushes } : null;

  const slots: StackSlot[] = stack.map((slot, position) => {
    const popped = pops !== null && position >= stack.length - pops;
    const pushed = pushes !== null && position >= stack.length - pushes;
    if (slot === null) return { position, kind: 'null', popped, pushed };
    if (typeof slot === 'string') return { position, kind: 'integer', text: slot, popped, pushed };
    return { position, kind: 'object', value: trace.values[slot], valueIndex: slot, popped, pushed };
  });

  const notes: string[] = [];
  if (stack.includes(null)) notes.push(nullNote());
  if (firstInstruction(trace, index)) {
    notes.push(
      `CPython sends no opcode event for RESUME or for the instructions before it (such as RETURN_GENERATOR, MAKE_CELL or COPY_FREE_VARS): ${qualname}'s stack is shown from the first instruction after them.`,
    );
  }
  if (FUSED.test(opname)) {
    notes.push(`${opname} does the work of two instructions in one, with no event between them: the stack is shown before and after both.`);
  }
  if (previous && FUSED.test(previous.opname) && !notes.some((note) => note.startsWith(previous.opname))) {
    notes.push(`${previous.opname} did the work of two instructions in one, with no event between them: the stack is shown before and after both.`);
  }
  if (pops === null) {
    notes.push(`What ${opname} pops isn't marked: the frame has no next instruction in the recording (an exception passed through it, or the recording ends).`);
  }
  return { kind: 'stack', qualname, opname, offset, slots: slots.reverse(), pops, previous, notes, callers: waiting };
}

/** The value stack at a step as plain text (for `text` and Copy), or '' where none is shown. */
export function valueStackText(trace: Trace, index: number): string {
  const model = valueStackAt(trace, index);
  if (model.kind === 'none') return '';
  if (model.kind === 'message') return `Value stack of ${model.qualname}: ${model.message}`;
  const lines = [`Value stack of ${model.qualname} before ${model.opname} (top first):`];
  if (model.slots.length === 0) lines.push('    (empty)');
  for (const slot of model.slots) {
    const shown = slot.kind === 'null' ? 'NULL' : slot.kind === 'integer' ? slot.text! : `${slot.value?.repr ?? '?'}  (${slot.value?.type ?? '?'})`;
    const marks = [slot.popped ? 'popped next' : '', slot.pushed ? 'just pushed' : ''].filter(Boolean).join(', ');
    lines.push(`    ${shown}${marks ? `  [${marks}]` : ''}`);
  }
  return lines.join('\n');
}
