import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import { onFirstView } from './on-first-view.js';
import { adoptStyles } from './adopt-styles.js';
import { BakedResultController } from './baked-result.js';
import type { Position } from './highlight.js';
import type { DisLine, DisTree } from '../engine/dis/types.js';
import { pythonErrorDetail, type DisResultDetail } from './events.js';

/** How long typing must pause before the code is disassembled again. */
const EDIT_DEBOUNCE_MS = 300;

type DisModule = typeof import('../engine/dis/index.js');
type DisView = typeof import('./dis/view.js');

interface Disassembly {
  tree: DisTree;
  lines: DisLine[];
}

/**
 * `<py-dis>`: the bytecode CPython 3.14 compiles the code to, exactly as `dis.dis` prints it,
 * rendered line by line from the structured instructions (so each line links to its source
 * span, jump targets and an explanation of its opcode), plus what each code object holds.
 *
 * @csspart bytecode - The dis.dis listing.
 * @csspart opcode-note - What the instruction pointed at does.
 * @csspart code-info - The panel of each code object's fields.
 */
export class PyDis extends EngineElement<DisResultDetail> {
  static override properties: PropertyDeclarations = {
    showCaches: { type: Boolean, attribute: 'show-caches' },
    showOffsets: { type: Boolean, attribute: 'show-offsets' },
    showPositions: { type: Boolean, attribute: 'show-positions' },
    adaptive: { type: Number },
    function: { attribute: 'function' },
    depth: { type: Number },
    result: { state: true },
    stale: { state: true },
    active: { state: true },
    cursorLine: { state: true },
  };


  /** dis.dis(show_caches=True): show the inline cache entries. */
  showCaches = false;
  /** dis.dis(show_offsets=True). */
  showOffsets = false;
  /** dis.dis(show_positions=True): the source span of each instruction. */
  showPositions = false;
  /** Run the code this many times first, then show specialized instructions (adaptive=True). */
  declare adaptive: number | undefined;
  /** Only this code object (a function's qualified name, e.g. "Dog.bark"). */
  declare function: string | undefined;
  /** How many levels of nested code objects to show (dis.dis depth); all when unset. */
  declare depth: number | undefined;

  private declare result: Disassembly | undefined;
  /** The last good output is shown dimmed while the code doesn't compile. */
  private stale = false;
  private declare active: number | undefined;
  private declare cursorLine: number | undefined;

  protected readonly label = 'Bytecode';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  private readonly baked = new BakedResultController(this, 'py-dis');
  private dis: DisModule | undefined;
  private view: DisView | undefined;
  private visible = false;
  private stopWatching: (() => void) | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  /** What dis.dis prints for the code (object addresses differ from run to run, as in CPython). */
  get text(): string {
    return this.result ? this.result.lines.map((line) => `${line.text}\n`).join('') : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = onFirstView(this, () => {
      this.visible = true;
      void this.disassemble();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    clearTimeout(this.debounce);
  }

  protected codeChanged(): void {
    clearTimeout(this.debounce);
    if (!this.visible) return;
    this.debounce = setTimeout(() => void this.disassemble(), this.result ? EDIT_DEBOUNCE_MS : 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const options = ['showCaches', 'showOffsets', 'showPositions', 'adaptive', 'function', 'depth'] as const;
    if (this.hasUpdated && options.some((name) => changed.has(name))) this.codeChanged();
  }

  private async disassemble(): Promise<void> {
    const generation = ++this.generation;
    if (this.misconfigured || !this.codeReady) return;
    const code = this.source;
    // A matching bake is the first result: no interpreter until the reader changes something.
    const baked = await this.baked.take(code);
    const engine = baked ? undefined : await this.engineController.engine();
    if ((!baked && !engine) || generation !== this.generation) return;
    if (engine && !engine.capabilities.dis) {
      this.reportError({ kind: 'Configuration', message: `<py-dis> needs CPython: ${engine.capabilities.version} has no dis module. Use engine="pyodide".` });
      return;
    }
    this.dis ??= await import('../engine/dis/index.js');
    if (!this.view) {
      this.view = await import('./dis/view.js');
      adoptStyles(this, this.view.disStyles);
    }
    const options = {
      showCaches: this.showCaches,
      showOffsets: this.showOffsets,
      showPositions: this.showPositions,
      adaptive: this.adaptive !== undefined && this.adaptive > 0,
      warmup: this.adaptive ?? 0,
      depth: this.depth ?? null,
    };
    let answer: Awaited<ReturnType<DisModule['disassembleWith']>>;
    try {
      answer = baked ?? (await this.dis.disassembleWith(engine!, code, options));
    } catch (error) {
      this.reportError({ kind: 'Engine', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (generation !== this.generation) return;
    if ('error' in answer) {
      this.stale = this.result !== undefined;
      this.reportError(pythonErrorDetail(answer.error));
      return;
    }
    const tree = this.function ? this.dis.findCode(answer.tree, this.function) : answer.tree;
    if (!tree) {
      this.reportError({ kind: 'Configuration', message: `function="${this.function}" names no function or class in the code.` });
      return;
    }
    this.clearError();
    this.stale = false;
    this.active = undefined;
    this.result = { tree, lines: this.dis.formatDisLines(tree, options) };
    this.emitResult({ text: this.text, code: tree });
  }

  /**
   * Until the bytecode comes (after Python loads), keep about its height: dis prints some five
   * lines per line of code (fitted on the demo), in a listing capped at --py-max-height, then the
   * note and one panel per code object.
   */
  protected override reservedOutputHeight(code: string): string {
    const lines = code.split('\n').filter((line) => line.trim() !== '').length;
    const codeObjects = 1 + (code.match(/^\s*(async\s+def|def|class)\b/gm)?.length ?? 0);
    // A class body also stores __module__, __qualname__, __firstlineno__ and __static_attributes__.
    const classes = code.match(/^\s*class\b/gm)?.length ?? 0;
    const rows = 3 + 5 * lines + 6 * classes;
    // (The note wraps to a second line on a phone.)
    return `calc(min(var(--_max-height), ${rows} * var(--_code-font-size) * var(--_line-height) + 2 * var(--_space)) + ${(1 + codeObjects) * 2.3}em + max(0px, 3em - 4vw))`;
  }

  protected override cursorMoved([line]: Position): void {
    this.cursorLine = line;
  }

  private point(index: number | undefined): void {
    this.active = index;
    const instruction = index === undefined ? undefined : this.result?.lines[index]?.instruction;
    const at = instruction?.positions;
    this.markSpan(
      at && at.lineno !== null && at.end_lineno !== null && at.col_offset !== null && at.end_col_offset !== null
        ? { start: [at.lineno, at.col_offset], end: [at.end_lineno, at.end_col_offset] }
        : undefined,
    );
  }

  /** Arrows move between instructions; Enter on a jump goes to its target. */
  private onRowKey(event: KeyboardEvent, index: number): void {
    const lines = this.result?.lines ?? [];
    const rows = lines.flatMap((line, i) => (line.instruction ? [i] : []));
    const here = rows.indexOf(index);
    let target: number | undefined;
    if (event.key === 'ArrowDown') target = rows[here + 1];
    else if (event.key === 'ArrowUp') target = rows[here - 1];
    else if (event.key === 'Home') target = rows[0];
    else if (event.key === 'End') target = rows.at(-1);
    else if (event.key === 'Enter') target = this.jumpTarget(index);
    if (target === undefined) return;
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${target}"]`)?.focus();
  }

  /** A click on a jump takes the reader to its target. */
  private followJump(index: number): void {
    const target = this.jumpTarget(index);
    if (target !== undefined) this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${target}"]`)?.focus();
  }

  /** The row of the instruction a jump at row `index` goes to. */
  private jumpTarget(index: number): number | undefined {
    const line = this.result?.lines[index];
    const offset = line?.instruction?.jump_target;
    if (offset === null || offset === undefined) return undefined;
    const found = this.result!.lines.findIndex((other) => other.code === line!.code && other.instruction?.offset === offset);
    return found >= 0 ? found : undefined;
  }

  protected renderOutput(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result) return nothing;
    const note = this.active === undefined ? undefined : result.lines[this.active]?.instruction;
    let focusable = true;
    return html`<pre class="listing ${this.stale ? 'stale' : ''}" part="bytecode" aria-label="Bytecode, as dis.dis prints it"
        >${result.lines.map((line, index) => {
          if (!line.instruction) return html`<span class="row">${line.text}\n</span>`;
          const classes = ['row', this.active === index ? 'active' : '', this.cursorLine === line.instruction.line_number ? 'at-cursor' : ''];
          const tabindex = focusable ? 0 : -1;
          focusable = false;
          return html`<span
            class=${classes.join(' ')}
            data-index=${index}
            tabindex=${tabindex}
            @mouseenter=${() => this.point(index)}
            @focus=${() => this.point(index)}
            @keydown=${(event: KeyboardEvent) => this.onRowKey(event, index)}
            @click=${() => this.followJump(index)}
            >${line.text}\n</span
          >`;
        })}</pre
      >
      <p class="opnote" part="opcode-note" aria-live="polite">
        ${note ? html`<strong>${note.opname}</strong>: ${this.dis?.opcodeNote(note.opname) ?? ''}${note.jump_target !== null ? ' (Enter or a click goes to its target.)' : ''}` : 'Point at an instruction to see what it does and where it came from.'}
      </p>
      ${this.view?.renderCodeInfo(result.tree)}`;
  }

}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-dis', PyDis);

declare global {
  interface HTMLElementTagNameMap {
    'py-dis': PyDis;
  }
}
