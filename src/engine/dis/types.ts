// The structured disassembly the Pyodide helper sends (`disassemble()` in
// src/engine/runtime/pyodide/python/pyinnards_disassembly.py, `code_tree`): one node per code
// object, each with every field of its `dis.Instruction`s. Field names stay in CPython's
// snake_case so they read like the `dis` documentation and need no mapping on either side.

/** `dis.Positions`: the source span of an instruction; any part may be missing (null). */
export interface DisPositions {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

/** One `dis.Instruction` (as `dis.get_instructions(code, adaptive=...)` yields it). */
export interface DisInstruction {
  opname: string;
  opcode: number;
  arg: number | null;
  oparg: number | null;
  /** repr() of the resolved argument value. */
  argval: string;
  /**
   * CPython's description of the argument. For jumps it names a label of
   * `dis.get_instructions`' numbering, which ignores the exception table; `dis.dis` numbers
   * labels differently (see `labelsOf` in format-dis.ts).
   */
  argrepr: string;
  offset: number;
  start_offset: number;
  starts_line: boolean;
  line_number: number | null;
  /** Label in `dis.get_instructions`' numbering (jump targets only), or null. */
  label: number | null;
  positions: DisPositions | null;
  /** Inline cache entries: [name, size in code units, data as hex (little-endian bytes)]. */
  cache_info: Array<[string, number, string]> | null;
  cache_offset: number;
  end_offset: number;
  baseopcode: number;
  baseopname: string;
  jump_target: number | null;
  is_jump_target: boolean;
}

/** One `co_exceptiontable` entry, offsets in bytes. */
export interface DisExceptionEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** One `co_consts` item; `child` indexes `children` when it is a code object dis.dis descends into. */
export interface DisConst {
  repr: string;
  type: string;
  child?: number;
}

/** One code object and, in `co_consts` order, the code objects inside it that dis.dis shows. */
export interface DisTree {
  name: string;
  /** `hex(id(code))`, the address repr(code) shows; absent from older helpers. */
  address?: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  flag_names: string[];
  pretty_flags: string;
  consts: DisConst[];
  names: string[];
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  exception_table: DisExceptionEntry[];
  instructions: DisInstruction[];
  children: DisTree[];
}

/** The `dis.dis` keyword arguments that change its text (the tree already reflects `depth`). */
export interface DisOptions {
  showCaches?: boolean;
  showOffsets?: boolean;
  showPositions?: boolean;
  /** Only recorded for completeness: `adaptive` changes the instructions, which the tree already holds. */
  adaptive?: boolean;
  /** How many levels of nested code objects to show; undefined/null = all. */
  depth?: number | null;
}

/**
 * One line of `dis.dis` output with what it shows, so the element can link each line to its
 * instruction, source span and jump target without parsing the text.
 */
export interface DisLine {
  /** The line as dis.dis prints it, without the newline. */
  text: string;
  kind: 'instruction' | 'cache' | 'blank' | 'header' | 'exception-table' | 'exception-entry';
  /** The code object whose disassembly the line belongs to (for a header: the one it introduces). */
  code: DisTree;
  /** kind 'instruction': the instruction shown. */
  instruction?: DisInstruction;
  /** kind 'cache': the instruction whose inline cache this unit is. */
  cacheOf?: DisInstruction;
  /** kind 'exception-entry': the entry shown. */
  exceptionEntry?: DisExceptionEntry;
  /** The label this line's instruction carries (dis.dis numbering), if any. */
  label?: number;
}
