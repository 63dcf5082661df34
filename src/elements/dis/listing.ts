// <py-dis>'s output as an internal element: the dis.dis listing with its keyboard and pointer
// behaviour, the note on the instruction pointed at, and each code object's fields. Lazily
// imported by <py-dis> with the dis formatter. It renders into <py-dis>'s shadow root (no shadow
// root of its own), so the page styles its parts as <py-dis>'s. <py-dis> drives it through
// properties; it tells <py-dis> what the reader points at with a `dis-point` event.
import { LitElement, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { opcodeNote } from '../../engine/dis/index.js';
import type { DisLine, DisTree } from '../../engine/dis/types.js';
import { defineElement } from '../define-element.js';
import { RovingTabindex } from '../controllers/roving-tabindex.js';
import { renderCodeInfo } from './code-info.js';
import { renderDisColumns } from './row.js';

export { disStyles } from './listing.styles.js';

/** A source span, 1-based lines and 0-based columns as CPython's positions give them. */
export interface DisSpan {
  start: [number, number];
  end: [number, number];
}

/** The `dis-point` event: the reader points at an instruction (its source span), or at none. */
export type DisPointEvent = CustomEvent<{ span: DisSpan | undefined }>;

export class DisListing extends LitElement {
  static override properties: PropertyDeclarations = {
    lines: { attribute: false },
    tree: { attribute: false },
    stale: { type: Boolean },
    cursorLine: { attribute: false },
    active: { state: true },
  };

  /** The listing's lines, as formatDisLines makes them. */
  lines: readonly DisLine[] = [];
  declare tree: DisTree | undefined;
  /** The code doesn't compile now: the last good listing is shown in grey. */
  stale = false;
  /** The line of the code the editor's cursor is on: its instructions are marked. */
  declare cursorLine: number | undefined;
  /** The row pointed at (hover or focus). */
  private declare active: number | undefined;
  /** The rows that hold an instruction (the keys move between them), for this `lines`. */
  private instructionRows: number[] = [];

  private readonly roving = new RovingTabindex(this, {
    rows: () => this.instructionRows,
    selector: (index) => `.row[data-index="${index}"]`,
  });

  /** The listing renders into the element's own light DOM: the host's shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lines')) {
      this.instructionRows = this.lines.flatMap((line, index) => (line.instruction ? [index] : []));
      if (changed.get('lines') !== undefined) this.point(undefined);
    }
  }

  private point(index: number | undefined): void {
    this.active = index;
    const at = index === undefined ? undefined : this.lines[index]?.instruction?.positions;
    // RESUME and other instructions of no source line have line 0 (or none): nothing to mark.
    const span =
      at && at.lineno && at.end_lineno && at.col_offset !== null && at.end_col_offset !== null
        ? ({ start: [at.lineno, at.col_offset], end: [at.end_lineno, at.end_col_offset] } satisfies DisSpan)
        : undefined;
    this.dispatchEvent(new CustomEvent('dis-point', { detail: { span }, bubbles: true }));
  }

  /** Enter on a jump goes to its target; the other keys move as in every list of rows. */
  private onRowKey(event: KeyboardEvent, index: number): void {
    if (event.key === 'Enter') {
      const target = this.jumpTarget(index);
      if (target === undefined) return;
      event.preventDefault();
      void this.roving.focus(target);
      return;
    }
    this.roving.keydown(event, index);
  }

  /** A click on a jump takes the reader to its target. */
  private followJump(index: number): void {
    const target = this.jumpTarget(index);
    if (target !== undefined) void this.roving.focus(target);
  }

  /** The row of the instruction a jump at row `index` goes to. */
  private jumpTarget(index: number): number | undefined {
    const line = this.lines[index];
    const offset = line?.instruction?.jump_target;
    if (offset === null || offset === undefined) return undefined;
    const found = this.lines.findIndex((other) => other.code === line!.code && other.instruction?.offset === offset);
    return found >= 0 ? found : undefined;
  }

  protected override render(): TemplateResult {
    const note = this.active === undefined ? undefined : this.lines[this.active]?.instruction;
    const stop = this.roving.tabStop(this.instructionRows[0] ?? 0, this.lines.length - 1);
    return html`<pre class="listing ${this.stale ? 'stale' : ''}" part="bytecode" aria-label="Bytecode, as dis.dis prints it"
        >${this.lines.map((line, index) => {
          if (!line.instruction) return html`<span class="row">${line.text}\n</span>`;
          const classes = ['row dis-row', this.active === index ? 'active' : '', this.cursorLine === line.instruction.line_number ? 'at-cursor' : ''];
          return html`<span
            class=${classes.join(' ')}
            data-index=${index}
            tabindex=${index === stop ? 0 : -1}
            @mouseenter=${() => this.point(index)}
            @focus=${() => {
              this.roving.focused(index);
              this.point(index);
            }}
            @keydown=${(event: KeyboardEvent) => this.onRowKey(event, index)}
            @click=${() => this.followJump(index)}
            >${renderDisColumns(line)}</span
          >`;
        })}</pre
      >
      <p class="opnote" part="opcode-note" aria-live="polite">
        ${note
          ? html`<strong>${note.opname}</strong>: ${opcodeNote(note.opname) ?? ''}${note.jump_target !== null ? ' (Enter or a click goes to its target.)' : ''}`
          : 'Point at an instruction to see what it does and where it came from.'}
      </p>
      ${this.tree ? renderCodeInfo(this.tree) : ''}`;
  }
}

defineElement('pyinnards-dis-listing', DisListing);
