// What <py-dis> needs from the interpreter layer and the formatter, as one lazily loaded module.
import type { Engine, PythonError } from '../runtime/types.js';
import type { DisTree } from './types.js';

export { formatDis, formatDisLines } from './format-dis.js';
export { opcodeNote } from './opcode-notes.js';
export type * from './types.js';

export interface DisassembleOptions {
  showCaches: boolean;
  showOffsets: boolean;
  showPositions: boolean;
  adaptive: boolean;
  /** Run the code this many times before disassembling (specialization needs warm code). */
  warmup: number;
  depth: number | null;
}

/** The code's disassembly tree, or CPython's SyntaxError when it doesn't compile. */
export async function disassembleWith(
  engine: Engine,
  code: string,
  options: DisassembleOptions,
): Promise<{ tree: DisTree } | { error: PythonError }> {
  // The text comes from formatDis, so CPython needn't print it as well.
  const answer = await engine.disassemble(code, { ...options, withText: false });
  return 'error' in answer ? answer : { tree: answer.code };
}

/** The code object with this qualified name (e.g. "Dog.bark"), searching the whole tree. */
export function findCode(tree: DisTree, qualname: string): DisTree | undefined {
  if (tree.qualname === qualname) return tree;
  for (const child of tree.children) {
    const found = findCode(child, qualname);
    if (found) return found;
  }
  return undefined;
}
