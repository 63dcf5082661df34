import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import { onFirstView } from './on-first-view.js';
import { DEFAULT_MAX_STEPS } from './attributes.js';
import { BakedResultController } from './baked-result.js';
import type { Trace } from '../engine/trace/format.js';
import type { Replay } from './frames/replay.js';
import type { FramesResultDetail } from './events.js';

/** How long typing must pause before the code is recorded again. */
const EDIT_DEBOUNCE_MS = 600;

/**
 * `<py-frames>`: runs the code once under CPython's trace hook, recording every call, line,
 * return and exception with the whole stack, then lets the reader step through the recording
 * forwards and backwards. This file holds the attributes and when to record; the recording,
 * the replay and its view are a lazily loaded chunk (frames/replay.ts), fetched with the
 * interpreter.
 *
 * @csspart controls - The replay's buttons, timeline and step line.
 * @csspart timeline - The slider over all the steps.
 * @csspart step - "Step N of M" and what happened at it.
 * @csspart speed - The play speed menu.
 * @csspart first-button - To the first step.
 * @csspart back-button - One step back.
 * @csspart forward-button - One step forward.
 * @csspart last-button - To the last step.
 * @csspart into-button - Step into: the next line, entering calls.
 * @csspart over-button - Step over: the next line in this frame, running calls through.
 * @csspart out-button - Step out: until this frame has returned.
 * @csspart continue-button - To the next breakpoint.
 * @csspart play-button - Play and pause.
 * @csspart expand-button - Shows a long value whole ("more"/"less").
 * @csspart panels - The frames and what is beside them.
 * @csspart stack - The frames on the stack, outermost first.
 * @csspart frame - One frame with its variables.
 * @csspart current-frame - The frame the step happened in.
 * @csspart locals - A frame's variables table.
 * @csspart event - A return value, an exception or a breakpoint at this step.
 * @csspart instructions - Instruction mode: the bytecode around the current instruction.
 * @csspart value-stack - Instruction mode: the current frame's value stack.
 * @csspart value-stack-slots - Its slots, top first.
 * @csspart value-stack-empty - "Empty." when the stack holds nothing.
 * @csspart value-stack-effect - What the next instruction pops and the last one pushed.
 * @csspart value-stack-note - A note on what the stack can't show (NULL slots, RESUME, fused instructions).
 * @csspart stdout - What the program printed up to this step.
 */
export class PyFrames extends EngineElement<FramesResultDetail> {
  static override properties: PropertyDeclarations = {
    maxSteps: { type: Number, attribute: 'max-steps' },
    granularity: {},
    breakpoints: { converter: { fromAttribute: parseLines, toAttribute: (lines: ReadonlySet<number>) => [...lines].join(' ') } },
    speed: { type: Number },
    step: { type: Number },
  };

  /** Stop recording after this many steps. */
  maxSteps = DEFAULT_MAX_STEPS;
  /** `line` (a step per line event) or `instruction` (a step per bytecode instruction). */
  granularity = 'line';
  /** Lines where Continue stops, besides `breakpoint()` calls; toggled by the line numbers. */
  breakpoints: ReadonlySet<number> = new Set();
  /** Steps per second while playing. */
  speed = 2;
  /** The step shown, 0-based. */
  step = 0;

  protected readonly label = 'Frames';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];
  protected override readonly offersRun = true;

  private replay: Replay | undefined;
  private readonly baked = new BakedResultController(this, 'py-frames');
  private visible = false;
  private stopWatching: (() => void) | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  /** The latest recording (see "The trace format" in the README), once there is one. */
  get trace(): Trace | undefined {
    return this.replay?.latest;
  }

  /** The current step as plain text: the stack, each frame's variables and the output so far. */
  get text(): string {
    return this.replay?.text ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = onFirstView(this, () => {
      this.visible = true;
      void this.record();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    clearTimeout(this.debounce);
    this.replay?.pause();
  }

  protected codeChanged(): void {
    clearTimeout(this.debounce);
    this.replay?.codeEdited();
    if (this.visible) this.debounce = setTimeout(() => void this.record(), this.replay ? EDIT_DEBOUNCE_MS : 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = ['maxSteps', 'granularity', 'timeout', 'engine'] as const;
    if (this.hasUpdated && settings.some((name) => changed.has(name))) this.codeChanged();
    if (changed.has('step')) this.replay?.changed();
    if (changed.has('breakpoints')) this.replay?.showBreakpoints();
  }

  /**
   * Until the first recording shows, keep about the player's height at its first step (measured
   * on the demo: the controls and panels, taller in instruction mode and when the controls wrap
   * on a narrow screen).
   */
  protected override reservedOutputHeight(): string {
    return this.granularity === 'instruction' ? 'max(32.7em, 46.1em - 22.4vw)' : 'max(13.9em, 26em - 20vw)';
  }

  protected override runAction(): void {
    this.baked.goLive();
    void this.record();
  }

  private async record(): Promise<void> {
    clearTimeout(this.debounce);
    // An invalid attribute or a failed src says so in the error banner; nothing is recorded
    // until it is fixed, nor while the code is still loading.
    if (this.misconfigured || !this.codeReady) return;
    if (!this.replay) {
      const { Replay } = await import('./frames/replay.js');
      this.replay ??= new Replay({
        element: this,
        engine: () => this.engineController.engine(),
        trace: (code, options) => this.tracePython(code, options),
        reportError: (detail) => this.reportError(detail),
        clearError: () => this.clearError(),
        emitResult: (detail) => this.emitResult(detail),
        markLines: (lines) => this.markLines(lines),
        setGutter: (gutter) => this.setGutter(gutter),
      });
    }
    const code = this.source;
    // A matching bake is the first recording: no interpreter until the reader changes something.
    await this.replay.record(code, await this.baked.take(code));
  }

  protected renderOutput(): TemplateResult {
    // While an attribute is invalid the error banner says why, and no note promises a recording.
    if (this.misconfigured) return html`${nothing}`;
    return html`${this.renderInputPrompt()}
    ${this.replay?.render() ?? html`<p class="note" part="note">The run is recorded when the widget comes into view.</p>`}`;
  }
}

/** "3 7, 12" → {3, 7, 12}: the `breakpoints` attribute. */
function parseLines(value: string | null): ReadonlySet<number> {
  return new Set(
    (value ?? '')
      .split(/[\s,]+/)
      .map(Number)
      .filter((line) => Number.isInteger(line) && line > 0),
  );
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-frames', PyFrames);

declare global {
  interface HTMLElementTagNameMap {
    'py-frames': PyFrames;
  }
}
