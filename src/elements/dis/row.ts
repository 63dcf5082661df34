// One dis.dis instruction line, split into the columns the layout may wrap: what comes before
// the argument (line number, label, offset and opcode name, as dis aligns them) and the argument
// with its meaning. The text is dis.dis's own, character for character: a narrow widget moves the
// argument under the opcode instead of cutting it off (see row.styles.ts).
import { html, type TemplateResult } from 'lit';
import type { DisLine } from '../../engine/dis/types.js';

/** The line's text as [before the argument, the spaces that align it, the argument]. */
export function disColumns(line: DisLine): [string, string, string] {
  const { text, instruction } = line;
  const at = instruction ? text.indexOf(instruction.opname) : -1;
  if (at < 0) return [text, '', ''];
  const end = at + instruction!.opname.length;
  const rest = text.slice(end);
  const argument = rest.trimStart();
  return [text.slice(0, end), rest.slice(0, rest.length - argument.length), argument];
}

/**
 * The line's columns as spans, for a row (class `dis-row`) of a dis listing. The newline that
 * ends the line in dis's text ends the last span, so text selected across rows copies as lines.
 */
export function renderDisColumns(line: DisLine): TemplateResult {
  const [head, gap, argument] = disColumns(line);
  return argument
    ? html`<span class="dis-head">${head}</span><span class="dis-gap">${gap}</span><span class="dis-arg">${argument}\n</span>`
    : html`<span class="dis-head">${head}\n</span>`;
}
