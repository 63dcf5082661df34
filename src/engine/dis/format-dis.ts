// Renders the structured disassembly (types.ts) as the exact text CPython 3.14's
// `dis.dis(code, show_caches=..., adaptive=..., show_offsets=..., show_positions=..., depth=...)`
// prints, so <py-dis> can show, link and copy that text without ever parsing it.
//
// The layout rules mirror Lib/dis.py (3.14): `_disassemble_recursive`, `disassemble`,
// `Formatter.print_instruction(_line)`, `Formatter.print_exception_table`, `_make_labels_map`,
// `_get_lineno_width` and `_get_positions_width`. Everything they compute from the code object
// (line starts, positions, code length, labels) is recomputed here from the instructions,
// because those hold the same facts: one entry per code unit that isn't an inline cache.
import type { DisInstruction, DisLine, DisOptions, DisPositions, DisTree } from './types.js';

// dis._OPNAME_WIDTH, dis._OPARG_WIDTH, dis._NO_LINENO.
const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const NO_LINENO = '  --';

/**
 * What `dis.dis` prints for the tree's top code object, nested code objects included (as deep as
 * `options.depth` and the tree allow). Lines end with '\n', as print() writes them.
 */
export function formatDis(tree: DisTree, options: DisOptions = {}): string {
  let text = '';
  for (const line of formatDisLines(tree, options)) text += line.text + '\n';
  return text;
}

/** The same output line by line, each with the code object, instruction or entry it shows. */
export function formatDisLines(tree: DisTree, options: DisOptions = {}): DisLine[] {
  const lines: DisLine[] = [];
  disassembleRecursive(tree, options, options.depth ?? null, lines, undefined);
  return lines;
}

function disassembleRecursive(
  code: DisTree,
  options: DisOptions,
  depth: number | null,
  out: DisLine[],
  header: string | undefined,
): void {
  if (header !== undefined) {
    out.push({ text: '', kind: 'blank', code }, { text: `Disassembly of ${header}:`, kind: 'header', code });
  }
  disassembleOne(code, options, out);
  if (depth !== null && depth <= 0) return;
  const next = depth === null ? null : depth - 1;
  for (const constant of code.consts) {
    if (constant.type !== 'code') continue;
    const child = constant.child === undefined ? undefined : code.children[constant.child];
    // The helper builds the tree to the depth it was asked for; a shallower tree can't show more.
    if (!child) throw new Error(`the disassembly tree holds no code object for ${constant.repr}`);
    disassembleRecursive(child, options, next, out, codeRepr(child, constant.repr));
  }
}

/**
 * repr(code) as CPython's code_repr writes it. With no recorded address (older helpers), the
 * parent's repr of the constant is the same text.
 */
export function codeRepr(code: DisTree, fallback?: string): string {
  if (code.address === undefined && fallback !== undefined) return fallback;
  // code_repr prints line -1 for a code object without a first line number.
  const line = code.firstlineno !== 0 ? code.firstlineno : -1;
  return `<code object ${code.name} at ${code.address ?? '0x0'}, file "${code.filename}", line ${line}>`;
}

/**
 * The labels dis.dis shows for one code object: offset -> label number. As `_make_labels_map`
 * with the exception table: every jump target and every exception-table start, end and target,
 * numbered from 1 in offset order. (The instructions' own `label` fields come from
 * `dis.get_instructions`, which leaves the exception table out, so they can differ.)
 */
export function labelsOf(code: Pick<DisTree, 'instructions' | 'exception_table'>): Map<number, number> {
  const offsets = new Set<number>();
  for (const instr of code.instructions) if (instr.jump_target !== null) offsets.add(instr.jump_target);
  for (const entry of code.exception_table) {
    offsets.add(entry.start);
    offsets.add(entry.end);
    offsets.add(entry.target);
  }
  const sorted = [...offsets].sort((a, b) => a - b);
  return new Map(sorted.map((offset, i) => [offset, i + 1]));
}

interface Layout {
  linenoWidth: number;
  offsetWidth: number;
  labelWidth: number;
  showCaches: boolean;
  showPositions: boolean;
  labels: Map<number, number>;
  code: DisTree;
}

function disassembleOne(code: DisTree, options: DisOptions, out: DisLine[]): void {
  const labels = labelsOf(code);
  const showPositions = !!options.showPositions;
  const layout: Layout = {
    linenoWidth: showPositions ? positionsWidth(code.instructions) : linenoWidth(code.instructions),
    // len(str(max(len(co.co_code) - 2, 9999))): the last offset, but never narrower than 4.
    offsetWidth: options.showOffsets ? String(Math.max(codeLength(code.instructions) - 2, 9999)).length : 0,
    labelWidth: 4 + String(labels.size).length,
    showCaches: !!options.showCaches,
    showPositions,
    labels,
    code,
  };
  for (const instr of code.instructions) printInstruction(instr, layout, out);
  printExceptionTable(code, labels, out);
}

/** len(co.co_code): the last instruction's end, counting its inline caches. */
function codeLength(instructions: readonly DisInstruction[]): number {
  const last = instructions[instructions.length - 1];
  if (!last) return 0;
  // cache_info is laid out from the base opcode, so it is right for specialized instructions
  // too (end_offset isn't: dis sizes it from the specialized name, which has no cache entry).
  return last.offset + 2 + 2 * cacheUnits(last);
}

function cacheUnits(instr: DisInstruction): number {
  let units = 0;
  for (const [, size] of instr.cache_info ?? []) units += size;
  return units;
}

/**
 * dis._get_lineno_width over the line starts (the instructions with `starts_line`; co_lines
 * only changes line at an instruction's first code unit).
 */
function linenoWidth(instructions: readonly DisInstruction[]): number {
  let max = -1;
  let anyNone = false;
  let anyStart = false;
  for (const instr of instructions) {
    if (!instr.starts_line) continue;
    anyStart = true;
    const line = instr.line_number;
    if (line === null) anyNone = true;
    // filter(None, ...) in dis drops line 0 as well as None.
    else if (line && line > max) max = line;
  }
  if (!anyStart || max === -1) return 0; // no line numbers at all: no column
  let width = Math.max(3, String(max).length);
  if (width < NO_LINENO.length && anyNone) width = NO_LINENO.length;
  return width;
}

/**
 * dis._get_positions_width over co_positions(): every code unit of an instruction (caches and
 * EXTENDED_ARG prefixes included) carries the instruction's own span, so the instructions
 * suffice.
 */
function positionsWidth(instructions: readonly DisInstruction[]): number {
  let hasValue = false;
  let valuesWidth = 0;
  for (const instr of instructions) {
    const parts = positionParts(instr.positions);
    let width = 0;
    for (const p of parts) {
      if (p !== null) hasValue = true;
      width += p === null ? 1 : String(p).length;
    }
    valuesWidth = Math.max(valuesWidth, width);
  }
  // 'LINE:COL-ENDLINE:ENDCOL ' (3 separators, a trailing space), at least '  --' and a space.
  return hasValue ? 1 + Math.max(NO_LINENO.length, 3 + valuesWidth) : 0;
}

function positionParts(p: DisPositions | null): Array<number | null> {
  return p ? [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset] : [null, null, null, null];
}

/** Formatter.print_instruction: the instruction, then (show_caches) one CACHE line per cache unit. */
function printInstruction(instr: DisInstruction, layout: Layout, out: DisLine[]): void {
  let argrepr = instr.argrepr;
  if (instr.jump_target !== null) {
    // Renumber the jump's label in dis.dis's numbering (see labelsOf).
    const preposition = instr.baseopname === 'END_ASYNC_FOR' ? 'from' : 'to';
    argrepr = `${preposition} L${layout.labels.get(instr.jump_target)}`;
  }
  const label = layout.labels.get(instr.offset);
  printLine(
    {
      kind: 'instruction',
      instruction: instr,
      opname: instr.opname,
      arg: instr.arg,
      argrepr,
      offset: instr.offset,
      startsLine: instr.starts_line,
      lineNumber: instr.line_number,
      label: label ?? null,
      positions: instr.positions,
    },
    layout,
    out,
  );
  if (!layout.showCaches || !instr.cache_info) return;
  let offset = instr.offset;
  for (const [name, size, data] of instr.cache_info) {
    for (let i = 0; i < size; i++) {
      offset += 2;
      // Only a value's first cache unit names it, with the whole value (sys.byteorder is little
      // on every platform Pyodide runs on, as on the CPython builds that produce these bytes).
      printLine(
        {
          kind: 'cache',
          instruction: instr,
          opname: 'CACHE',
          arg: 0,
          argrepr: i === 0 ? `${name}: ${littleEndian(data)}` : '',
          offset,
          startsLine: false,
          lineNumber: null,
          label: null,
          positions: instr.positions,
        },
        layout,
        out,
      );
    }
  }
}

interface Line {
  kind: 'instruction' | 'cache';
  /** The instruction shown, or whose cache is shown. */
  instruction: DisInstruction;
  opname: string;
  arg: number | null;
  argrepr: string;
  offset: number;
  startsLine: boolean;
  lineNumber: number | null;
  label: number | null;
  positions: DisPositions | null;
}

/** Formatter.print_instruction_line (never the `-->` current-instruction mark: no traceback here). */
function printLine(line: Line, layout: Layout, out: DisLine[]): void {
  const { linenoWidth: width, code } = layout;
  if (width > 0 && line.startsLine && line.offset > 0) out.push({ text: '', kind: 'blank', code });
  const fields: string[] = [];
  if (width) {
    if (layout.showPositions) {
      if (line.positions) {
        const parts = positionParts(line.positions);
        const text = parts.every((p) => p === null)
          ? NO_LINENO
          : `${part(parts[0])}:${part(parts[2])}-${part(parts[1])}:${part(parts[3])}`;
        fields.push(text.padEnd(width));
      } else {
        fields.push(' '.repeat(width));
      }
    } else if (line.startsLine) {
      fields.push((line.lineNumber === null ? NO_LINENO : String(line.lineNumber)).padStart(width));
    } else {
      fields.push(' '.repeat(width));
    }
  }
  fields.push(line.label !== null ? `L${line.label}:`.padStart(layout.labelWidth) : ' '.repeat(layout.labelWidth));
  if (layout.offsetWidth > 0) fields.push(`${String(line.offset).padStart(layout.offsetWidth)}  `);
  fields.push('   ');
  fields.push(line.opname.padEnd(OPNAME_WIDTH));
  if (line.arg !== null) {
    // A long opname eats into the argument's column, so fewer arguments are misaligned.
    const excess = Math.max(0, line.opname.length - OPNAME_WIDTH);
    fields.push(String(line.arg).padStart(OPARG_WIDTH - excess));
    if (line.argrepr) fields.push(`(${line.argrepr})`);
  }
  const text = pyRstrip(fields.join(' '));
  if (line.kind === 'cache') out.push({ text, kind: 'cache', code, cacheOf: line.instruction });
  else if (line.label !== null) out.push({ text, kind: 'instruction', code, instruction: line.instruction, label: line.label });
  else out.push({ text, kind: 'instruction', code, instruction: line.instruction });
}

function part(p: number | null | undefined): string {
  return p === null || p === undefined ? '?' : String(p);
}

function printExceptionTable(code: DisTree, labels: Map<number, number>, out: DisLine[]): void {
  if (!code.exception_table.length) return;
  out.push({ text: 'ExceptionTable:', kind: 'exception-table', code });
  for (const e of code.exception_table) {
    const lasti = e.lasti ? ' lasti' : '';
    const text = `  L${labels.get(e.start)} to L${labels.get(e.end)} -> L${labels.get(e.target)} [${e.depth}]${lasti}`;
    out.push({ text, kind: 'exception-entry', code, exceptionEntry: e });
  }
}

/** int.from_bytes(bytes.fromhex(hex), 'little'), exact beyond 2**53 (caches hold up to 64 bits). */
function littleEndian(hex: string): string {
  let value = 0n;
  for (let i = hex.length - 2; i >= 0; i -= 2) value = (value << 8n) | BigInt(parseInt(hex.slice(i, i + 2), 16));
  return value.toString();
}

// str.rstrip() strips what str.isspace() calls whitespace, which differs from JS's trimEnd
// (Python adds \x1c-\x1f and \x85; JS adds \ufeff).
const PY_TRAILING_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;

function pyRstrip(text: string): string {
  return text.replace(PY_TRAILING_SPACE, '');
}
