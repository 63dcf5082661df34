// What <py-dis> shows besides the listing itself: each code object's fields, and the styles of
// the whole output. Lazily imported with the dis formatter, so the page's entry stays small.
import { css, html, type TemplateResult } from 'lit';
import type { DisTree } from '../../engine/dis/types.js';

/** The output's styles, adopted by the element when this chunk arrives. */
export const disStyles = css`
  .listing {
    margin: 0;
    padding: var(--_space) 0;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    line-height: var(--_line-height);
    white-space: pre;
    overflow: auto;
    max-height: var(--_max-height);
  }
  .listing.stale {
    opacity: 0.45;
  }
  .row {
    display: block;
    padding: 0 var(--_space);
  }
  .row[tabindex]:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .row.active,
  .row.at-cursor {
    background: var(--_highlight);
  }
  .opnote {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border-top: 1px solid var(--_border);
    min-height: 1.5em;
  }
  .code-info {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .code-info summary {
    cursor: pointer;
    font-weight: 600;
  }
  .code-info dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.1em var(--_space);
    margin: calc(var(--_space) / 2) 0;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
  }
  .code-info dt {
    color: var(--_muted);
  }
  .code-info dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

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
