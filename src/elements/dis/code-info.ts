// What each code object <py-dis> shows holds: part of the listing's lazily loaded chunk.
import { html, type TemplateResult } from 'lit';
import type { DisTree } from '../../engine/dis/types.js';

/** What each code object holds, as dis.code_info tells it, laid out readably. */
export function renderCodeInfo(tree: DisTree): TemplateResult {
  const all: DisTree[] = [];
  const walk = (code: DisTree) => {
    all.push(code);
    code.children.forEach(walk);
  };
  walk(tree);
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : '(none)');
  return html`${all.map(
    (code) => html`<details class="code-info" part="code-info">
      <summary>Code object <code>${code.qualname}</code></summary>
      <dl>
        <dt>name</dt><dd>${code.name}</dd>
        <dt>qualname</dt><dd>${code.qualname}</dd>
        <dt>arguments</dt><dd>${code.argcount} (positional-only ${code.posonlyargcount}, keyword-only ${code.kwonlyargcount})</dd>
        <dt>nlocals</dt><dd>${code.nlocals}</dd>
        <dt>stacksize</dt><dd>${code.stacksize}</dd>
        <dt>flags</dt><dd>${code.flag_names.join(', ') || 'none'} (0x${code.flags.toString(16)})</dd>
        <dt>co_consts</dt><dd>${list(code.consts.map((c) => c.repr))}</dd>
        <dt>co_names</dt><dd>${list(code.names)}</dd>
        <dt>co_varnames</dt><dd>${list(code.varnames)}</dd>
        <dt>co_cellvars</dt><dd>${list(code.cellvars)}</dd>
        <dt>co_freevars</dt><dd>${list(code.freevars)}</dd>
      </dl>
    </details>`,
  )}`;
}
