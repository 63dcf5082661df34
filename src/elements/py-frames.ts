import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import { FirstViewDebounce } from './controllers/first-view.js';
import { DEFAULT_MAX_STEPS, invalidValueMessage } from './attributes.js';
import { BakedResultController } from './baked-result.js';
import { loadPlayer } from './result-parts.js';
import { adoptStyles } from './adopt-styles.js';
import type { Trace } from '../engine/trace/format.js';
import { pythonErrorDetail, type FramesResultDetail } from './events.js';
import { belowWidth } from './reserved-height.js';

type PlayerModule = typeof import('./frames/player.js');
type FramesPlayer = InstanceType<PlayerModule['FramesPlayer']>;

/** How long typing must pause before the code is recorded again. */
const EDIT_DEBOUNCE_MS = 600;

/**
 * `<py-frames>`: runs the code once under CPython's trace hook, recording every call, line,
 * return and exception with the whole stack, then lets the reader step through the recording
 * forwards and backwards. This file holds the attributes, the recording and the marks in the
 * code view; the replay (controls, frames, output) is an internal element in a lazily loaded
 * chunk (frames/player.ts) that this one drives through properties and that asks for step,
 * speed and breakpoint changes with events.
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

  private player: PlayerModule | undefined;
  private readonly baked = new BakedResultController(this, 'py-frames');
  private readonly schedule = new FirstViewDebounce(this, () => void this.record(), EDIT_DEBOUNCE_MS, () => this.baked.available);
  /** A recording has been asked for (the "Recording…" note shows until one arrives). */
  private started = false;
  /** The recording on show: a SyntaxError leaves the previous one, its panels in grey. */
  private shown: Trace | undefined;
  /** The latest recording, whatever its end. */
  private latest: Trace | undefined;
  /** The recording on show no longer matches the code (edited since). */
  private stale = false;
  private generation = 0;

  /** The latest recording (see "The trace format" in the README), once there is one. */
  get trace(): Trace | undefined {
    return this.latest;
  }

  /** The current step as plain text: the stack, each frame's variables and the output so far. */
  get text(): string {
    return this.shown && this.player ? this.player.stepText(this.shown, this.step) : '';
  }

  protected codeChanged(): void {
    if (this.shown) this.stale = true;
    this.markStep();
    this.schedule.schedule(this.started);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = ['maxSteps', 'granularity', 'timeout', 'engine'] as const;
    if (this.hasUpdated && settings.some((name) => changed.has(name))) this.codeChanged();
    if (changed.has('step')) this.markStep();
    if (changed.has('breakpoints')) this.showBreakpoints();
  }

  /**
   * Until the first recording shows, keep the player's height at its first step, as measured on
   * the demo: the controls and panels grow in steps as the screen narrows (the controls' rows
   * wrap, then stack; in instruction mode the bytecode and value stack stack too), not along a
   * slope. Each step is a clamp of a steep slope at the viewport width where the demo's widget
   * crosses that breakpoint (belowWidth).
   */
  protected override reservedOutputHeight(): string {
    return this.granularity === 'instruction'
      ? `calc(39em - ${belowWidth('39.5rem', '0.9em')} + ${belowWidth('37.2rem', '4.86em')} + ${belowWidth('31.1rem', '5.56em')} + ${belowWidth('21.1rem', '1.6em')})`
      : `calc(13.95em + ${belowWidth('39.5rem', '3.95em')} + ${belowWidth('37.2rem', '4.86em')})`;
  }

  protected override runAction(): void {
    this.baked.goLive();
    void this.record();
  }

  private async record(): Promise<void> {
    this.schedule.cancel();
    // An invalid attribute or a failed src says so in the error banner; nothing is recorded
    // until it is fixed, nor while the code is still loading.
    if (this.misconfigured || !this.codeReady) return;
    this.started = true;
    this.requestUpdate();
    this.renderRoot.querySelector<FramesPlayer>('pyinnards-frames-player')?.pause();
    const generation = ++this.generation;
    const code = this.source;
    // Fetched while the bake is checked or the run records: a baked recording shows as soon as
    // its key matches, not one chunk later.
    const player = loadPlayer();
    player.catch(() => {});
    // A matching bake is the first recording: no interpreter until the reader changes something.
    const trace = (await this.baked.take(code)) ?? (await this.recordLive(code, generation));
    if (!this.player) {
      this.player = await player;
      for (const styles of this.player.frameStyles) adoptStyles(this, styles);
      this.showBreakpoints();
    }
    if (generation !== this.generation || !trace) return;
    this.latest = trace;
    this.clearError();
    if (trace.end.status === 'syntax-error') {
      this.reportError(pythonErrorDetail(trace.end.error));
      this.stale = this.shown !== undefined;
      this.emitResult({ trace, text: '' });
      this.markStep();
      return;
    }
    this.stale = false;
    this.shown = trace;
    if (this.step >= trace.steps.length) {
      // Only the recording knows its last step: said with the same words as every invalid value.
      const last = trace.steps.length - 1;
      this.reportError({ kind: 'Configuration', message: invalidValueMessage('step', String(this.step), 'a step of this recording', `a whole number from 0 to ${last}`) });
      this.step = 0;
    }
    this.markStep();
    this.emitResult({ trace, text: this.text });
  }

  private async recordLive(code: string, generation: number): Promise<Trace | undefined> {
    // (A bake is checked before the element is seen; an interpreter starts only once it is.)
    await this.schedule.inView;
    const engine = await this.engineController.engine();
    if (!engine || generation !== this.generation) return undefined;
    if (!engine.capabilities.trace) {
      this.reportError({ kind: 'Configuration', message: `${engine.capabilities.version} cannot record a run. Use engine="pyodide".` });
      return undefined;
    }
    return this.tracePython(code, { maxSteps: this.maxSteps, granularity: this.granularity === 'instruction' ? 'instruction' : 'line' });
  }

  /** Keeps the step within the recording, and marks the lines of the step and the one before. */
  private markStep(): void {
    // Only a recording knows its last step: until one shows, `step` (e.g. step="3" in the markup)
    // waits for it, and record() says so if the recording is shorter.
    if (this.shown) {
      const last = Math.max(this.shown.steps.length - 1, 0);
      const clamped = Math.min(Math.max(Math.trunc(Number.isFinite(this.step) ? this.step : 0), 0), last);
      if (clamped !== this.step) this.step = clamped;
    }
    const lines = new Map<number, string>();
    if (this.shown && !this.stale && this.player) {
      const previous = this.player.lineAt(this.shown.steps[this.step - 1]);
      const current = this.player.lineAt(this.shown.steps[this.step]);
      if (previous) lines.set(previous, 'line-previous');
      if (current) lines.set(current, 'line-current');
    }
    this.markLines(lines);
    this.requestUpdate();
  }

  /** Shows the breakpoints in the line numbers, which toggle them (styled by the player's chunk). */
  private showBreakpoints(): void {
    if (this.player) this.setGutter({ breakpoints: this.breakpoints, toggle: (line) => this.toggleBreakpoint(line) });
  }

  private toggleBreakpoint(line: number): void {
    const next = new Set(this.breakpoints);
    if (!next.delete(line)) next.add(line);
    this.breakpoints = next;
  }

  protected renderOutput(): TemplateResult {
    // While an attribute is invalid the error banner says why, and no note promises a recording.
    if (this.misconfigured) return html`${nothing}`;
    return html`${this.renderInputPrompt()} ${this.renderReplay()}`;
  }

  private renderReplay(): TemplateResult | typeof nothing {
    if (this.shown && this.player) {
      return html`<pyinnards-frames-player
        .trace=${this.shown}
        .step=${this.step}
        .speed=${this.speed}
        .breakpoints=${this.breakpoints}
        .timeout=${this.timeout}
        ?stale=${this.stale}
        @player-step=${(event: CustomEvent<number>) => (this.step = event.detail)}
        @player-speed=${(event: CustomEvent<number>) => (this.speed = event.detail)}
        @player-breakpoint=${(event: CustomEvent<number>) => this.toggleBreakpoint(event.detail)}
      ></pyinnards-frames-player>`;
    }
    // After a SyntaxError with nothing earlier to show, the error banner says it all.
    if (this.latest) return nothing;
    return html`<p class="note" part="note">${this.started ? 'Recording…' : 'The run is recorded when the widget comes into view.'}</p>`;
  }

  /** Waits for the player too, so `updateComplete` means that everything shown is up to date. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.renderRoot?.querySelector<FramesPlayer>('pyinnards-frames-player')?.updateComplete;
    return done;
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
