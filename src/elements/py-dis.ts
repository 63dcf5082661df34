import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import { FirstViewDebounce } from './controllers/first-view.js';
import { adoptStyles } from './adopt-styles.js';
import { BakedResultController } from './baked-result.js';
import { loadDisParts } from './result-parts.js';
import { belowWidth } from './reserved-height.js';
import type { Position } from './highlight.js';
import type { DisLine, DisTree } from '../engine/dis/types.js';
import { pythonErrorDetail, type DisResultDetail } from './events.js';

/** How long typing must pause before the code is disassembled again. */
const EDIT_DEBOUNCE_MS = 300;

type DisModule = typeof import('../engine/dis/index.js');
type DisListingModule = typeof import('./dis/listing.js');
type DisListing = InstanceType<DisListingModule['DisListing']>;

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
  private declare cursorLine: number | undefined;

  protected readonly label = 'Bytecode';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  private readonly baked = new BakedResultController(this, 'py-dis');
  private dis: DisModule | undefined;
  /** The chunk with the listing element, once loaded. */
  private listing: DisListingModule | undefined;
  private readonly schedule = new FirstViewDebounce(this, () => void this.disassemble(), EDIT_DEBOUNCE_MS, () => this.baked.available);
  private generation = 0;

  /** What dis.dis prints for the code (object addresses differ from run to run, as in CPython). */
  get text(): string {
    return this.result ? this.result.lines.map((line) => `${line.text}\n`).join('') : '';
  }

  protected codeChanged(): void {
    this.schedule.schedule(this.result !== undefined);
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
    // Fetched while the bake is checked (or the interpreter starts): a baked result shows as soon
    // as its key matches, not one chunk after another.
    const modules = loadDisParts();
    modules.catch(() => {});
    // A matching bake is the first result: no interpreter until the reader changes something.
    const baked = await this.baked.take(code);
    // (A bake is checked before the element is seen; an interpreter starts only once it is.)
    if (!baked) await this.schedule.inView;
    const engine = baked ? undefined : await this.engineController.engine();
    if ((!baked && !engine) || generation !== this.generation) return;
    if (engine && !engine.capabilities.dis) {
      this.reportError({ kind: 'Configuration', message: `<py-dis> needs CPython: ${engine.capabilities.version} has no dis module. Use engine="pyodide".` });
      return;
    }
    const [dis, listing] = await modules;
    this.dis ??= dis;
    if (!this.listing) {
      this.listing = listing;
      for (const styles of this.listing.disStyles) adoptStyles(this, styles);
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
    this.result = { tree, lines: this.dis.formatDisLines(tree, options) };
    this.emitResult({ text: this.text, code: tree });
  }

  /**
   * Until the bytecode comes (after Python loads), keep about its height: dis prints some five
   * lines per line of code and one more per function (fitted on the demo), in a listing capped at
   * --py-max-height, then the note and one panel per code object. Measured on the demo at 375
   * and 1280 px: a reservation a row short makes the page jump as the bytecode comes.
   */
  protected override reservedOutputHeight(code: string): string {
    const lines = code.split('\n').filter((line) => line.trim() !== '').length;
    const functions = code.match(/^\s*(async\s+def|def)\b/gm)?.length ?? 0;
    // A class body also stores __module__, __qualname__, __firstlineno__ and __static_attributes__.
    const classes = code.match(/^\s*class\b/gm)?.length ?? 0;
    const codeObjects = 1 + functions + classes;
    const rows = 3 + 5 * lines + 6 * classes + functions;
    const row = 'var(--_code-font-size) * var(--_line-height)';
    // On a phone an instruction's argument goes on a line of its own (dis/row.styles.ts): some
    // two per line of code, and the module's own four (RESUME, the None it returns...), below a
    // 40rem-wide screen.
    const narrow = belowWidth('40rem', `${4 + 2 * lines} * ${row}`);
    // (The note wraps to a second line on a phone.)
    return `calc(min(var(--_max-height), ${rows} * ${row} + ${narrow} + 2 * var(--_space)) + ${(1 + codeObjects) * 2.3}em + max(0px, 2.5em - 3.3vw))`;
  }

  protected override cursorMoved([line]: Position): void {
    this.cursorLine = line;
  }

  protected renderOutput(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result || !this.listing) return nothing;
    return html`<pyinnards-dis-listing
      .lines=${result.lines}
      .tree=${result.tree}
      .cursorLine=${this.cursorLine}
      ?stale=${this.stale}
      @dis-point=${(event: CustomEvent<{ span: { start: Position; end: Position } | undefined }>) => this.markSpan(event.detail.span)}
    ></pyinnards-dis-listing>`;
  }

  /** Waits for the listing too, so `updateComplete` means that everything shown is up to date. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.renderRoot?.querySelector<DisListing>('pyinnards-dis-listing')?.updateComplete;
    return done;
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
