// The value stack beside the bytecode in <py-frames granularity="instruction">: drawn as a
// stack, top first, each slot with its repr and type; the slots the instruction about to run
// pops and those the frame's previous instruction pushed are marked in words, so "BINARY_OP pops
// two, pushes one" can be watched. Part of the lazily loaded replay; the model is value-stack.ts.
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Trace } from '../../engine/trace/format.js';
import { valueStackAt, type StackSlot, type WaitingFrame } from './value-stack.js';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

export function renderValueStack(trace: Trace, index: number): TemplateResult | typeof nothing {
  const model = valueStackAt(trace, index);
  if (model.kind === 'none') return nothing;
  if (model.kind === 'message') {
    return html`<section class="value-stack" part="value-stack" aria-label="Value stack of ${model.qualname}">
      <h3>Value stack of ${model.qualname}</h3>
      <p class="empty">${model.message}</p>
      ${renderCallers(model.callers)}
    </section>`;
  }
  const effect = [
    model.pops === null ? '' : `${model.opname} pops ${plural(model.pops, 'slot')}`,
    model.previous ? `${model.previous.opname} pushed ${plural(model.previous.pushes, 'slot')}` : '',
  ].filter(Boolean);
  return html`<section class="value-stack" part="value-stack" aria-label="Value stack of ${model.qualname}">
    <h3>Value stack of ${model.qualname} <span class="before">before ${model.opname}</span></h3>
    ${model.slots.length === 0
      ? html`<p class="empty" part="value-stack-empty">Empty.</p>`
      : html`<ol class="slots" part="value-stack-slots" aria-label="Slots, top first">
          ${model.slots.map((slot, at) => renderSlot(slot, at === 0))}
        </ol>`}
    ${effect.length ? html`<p class="effect" part="value-stack-effect">${effect.join(' · ')}</p>` : nothing}
    ${renderCallers(model.callers)}
    ${model.notes.map((note) => html`<p class="note" part="value-stack-note">${note}</p>`)}
  </section>`;
}

function renderSlot(slot: StackSlot, top: boolean): TemplateResult {
  const marks = [slot.popped ? 'popped next' : '', slot.pushed ? 'just pushed' : ''].filter(Boolean);
  const classes = ['slot', `holds-${slot.kind}`, slot.popped ? 'popped' : '', slot.pushed ? 'pushed' : ''].filter(Boolean).join(' ');
  let shown: TemplateResult;
  let type: string;
  if (slot.kind === 'null') {
    shown = html`<span class="null">NULL</span>`;
    type = 'no object';
  } else if (slot.kind === 'integer') {
    shown = html`<span class="integer">${slot.text}</span>`;
    type = 'integer, not an object';
  } else {
    shown = html`<code class="repr" title=${slot.value?.repr ?? ''}>${slot.value?.repr ?? '?'}</code>`;
    type = slot.value?.type ?? '';
  }
  return html`<li class=${classes}>
    <span class="position">${top ? 'top' : slot.position}</span>
    ${shown}
    <span class="type">${type}</span>
    ${marks.map((mark) => html`<span class="mark">${mark}</span>`)}
  </li>`;
}

function renderCallers(callers: WaitingFrame[]): TemplateResult | typeof nothing {
  if (callers.length === 0) return nothing;
  return html`<ul class="callers" aria-label="Callers' value stacks">
    ${[...callers].reverse().map(
      (caller) => html`<li>${caller.qualname}: waiting in ${caller.opname} (offset ${caller.offset}); its stack is not shown while it waits.</li>`,
    )}
  </ul>`;
}

export const valueStackStyles = css`
  .instruction-panes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    min-width: 0;
  }
  /* The bytecode keeps the width its lines need (up to the whole column); the stack goes
     beside it when there is room, else below. */
  .instruction-panes > .instructions {
    flex: 1 0 auto;
    max-width: 100%;
  }
  .instruction-panes > .value-stack {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .value-stack {
    margin: 0;
  }
  .value-stack .before {
    font-weight: normal;
    color: var(--_muted);
  }
  .value-stack .slots {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
  }
  .value-stack .slot {
    display: grid;
    grid-template-columns: 2.5em minmax(0, 1fr) auto;
    gap: 0 0.75ch;
    align-items: baseline;
    padding: 0.15em 0.5em;
    background: var(--_code-bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  .value-stack .slot .repr {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .value-stack .position,
  .value-stack .type {
    color: var(--_muted);
  }
  .value-stack .mark {
    grid-column: 2 / -1;
    color: var(--_fg);
    font-family: var(--_font-ui);
    font-size: 0.85em;
    font-weight: 600;
  }
  .value-stack .slot.popped {
    border-style: dashed;
    border-color: var(--_error);
  }
  .value-stack .slot.pushed {
    background: color-mix(in srgb, var(--_highlight) 55%, transparent);
  }
  .value-stack .null,
  .value-stack .integer {
    font-style: italic;
  }
  .value-stack .effect {
    margin: 0.4em 0 0;
  }
  .value-stack .callers {
    margin: 0.4em 0 0;
    padding-left: 1.2em;
    color: var(--_muted);
  }
  .value-stack .note {
    margin: 0.4em 0 0;
  }
`;
