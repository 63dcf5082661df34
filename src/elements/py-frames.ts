import { css, html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EngineElement } from './engine-element.js';
import type { ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import type { Trace } from '../engine/trace/format.js';
import type { PlayerHost } from './frames/player-view.js';

type PlayerView = typeof import('./frames/player-view.js');

/** How long typing must pause before the code is recorded again. */
const EDIT_DEBOUNCE_MS = 600;
const DEFAULT_MAX_STEPS = 10_000;
const DEFAULT_SPEED = 2;

/**
 * `<py-frames>`: runs the code once under CPython's trace hook, recording every call, line,
 * return and exception with the whole stack, then lets the reader step through the recording
 * forwards and backwards. The replay view is a lazily loaded chunk (frames/player-view.ts);
 * this file only records and keeps the state.
 */
export class PyFrames extends EngineElement {
  static override properties: PropertyDeclarations = {
    maxSteps: { type: Number, attribute: 'max-steps' },
    granularity: {},
    breakpoints: { converter: { fromAttribute: parseLines, toAttribute: (lines: ReadonlySet<number>) => [...lines].join(' ') } },
    speed: { type: Number },
    step: { type: Number },
    recorded: { state: true },
    playing: { state: true },
    expanded: { state: true },
  };

  static override styles = [
    ...EngineElement.styles,
    // The code view's marks for the replay (the player's own styles come with its chunk).
    css`
      .gutter {
        display: inline-block;
        margin-right: 1ch;
        padding-left: 0.9em;
        color: var(--_muted);
        cursor: pointer;
        user-select: none;
      }
      .gutter.breakpoint {
        background: radial-gradient(circle at 0.45em 50%, var(--_error) 0.3em, transparent 0.32em);
      }
      .line-current {
        background: color-mix(in srgb, var(--_highlight) 55%, transparent);
      }
      .line-previous {
        background: color-mix(in srgb, var(--_selection) 35%, transparent);
      }
      .gutter.line-current,
      .gutter.line-previous {
        font-weight: 600;
        color: var(--_fg);
      }
      .stale {
        opacity: 0.45;
      }
    `,
  ];

  /** Stop recording after this many steps. */
  maxSteps = DEFAULT_MAX_STEPS;
  /** `line` (a step per line event) or `instruction` (a step per bytecode instruction). */
  granularity: 'line' | 'instruction' = 'line';
  /** Lines where Continue stops, besides `breakpoint()` calls; toggled by the line numbers. */
  breakpoints: ReadonlySet<number> = new Set();
  /** Steps per second while playing. */
  speed = DEFAULT_SPEED;
  /** The step shown, 0-based. */
  step = 0;

  /** The recording on show: the last one that ran (a SyntaxError leaves the previous one, dimmed). */
  private declare recorded: Trace | undefined;
  /** The latest recording, whatever its end. */
  private latest: Trace | undefined;
  private playing = false;
  /** Values (indices into the trace's values) shown whole. */
  private expanded: ReadonlySet<number> = new Set();
  /** The recording no longer matches the code (edited since). */
  private stale = false;

  protected readonly label = 'Frames';
  protected override readonly actions: readonly ToolbarAction[] = ['run', 'reset', 'copy'];

  private view: PlayerView | undefined;
  private visible = false;
  private visibility: IntersectionObserver | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private player: ReturnType<typeof setInterval> | undefined;
  private generation = 0;

  /** The latest recording (see "The trace format" in the README), once there is one. */
  get trace(): Trace | undefined {
    return this.latest;
  }

  /** The current step as plain text: the stack, each frame's variables and the output so far. */
  get text(): string {
    return this.recorded && this.view ? this.view.stepText(this.recorded, this.step) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setGutter({ breakpoints: this.breakpoints, toggle: (line) => this.toggleBreakpoint(line) });
    // Recording needs the interpreter: start when the reader can see the element.
    this.visibility = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.visibility?.disconnect();
      this.visible = true;
      void this.record();
    });
    this.visibility.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.visibility?.disconnect();
    clearTimeout(this.debounce);
    this.pause();
  }

  protected codeChanged(): void {
    clearTimeout(this.debounce);
    if (this.recorded) this.stale = true;
    if (!this.visible) return;
    this.debounce = setTimeout(() => void this.record(), this.recorded ? EDIT_DEBOUNCE_MS : 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('maxSteps') || changed.has('granularity'))) this.codeChanged();
    if (changed.has('granularity') && this.granularity !== 'line' && this.granularity !== 'instruction') {
      this.reportError({ kind: 'Configuration', message: `granularity="${String(this.granularity)}" is not one of line, instruction.` });
    }
    if (changed.has('maxSteps') && !(Number.isInteger(this.maxSteps) && this.maxSteps > 0)) {
      this.reportError({ kind: 'Configuration', message: `max-steps="${String(this.getAttribute('max-steps'))}" is not a positive whole number.` });
    }
    if (changed.has('breakpoints')) this.setGutter({ breakpoints: this.breakpoints, toggle: (line) => this.toggleBreakpoint(line) });
    if (changed.has('step') || (changed as PropertyValues).has('recorded')) {
      const last = Math.max((this.recorded?.steps.length ?? 1) - 1, 0);
      const clamped = Math.min(Math.max(Math.trunc(Number.isFinite(this.step) ? this.step : 0), 0), last);
      if (clamped !== this.step) this.step = clamped;
      this.markReplayLines();
    }
  }

  protected override run(): void {
    void this.record();
  }

  /** Records the code: the interpreter runs it once, and the replay shows the result. */
  private async record(): Promise<void> {
    clearTimeout(this.debounce);
    this.pause();
    const generation = ++this.generation;
    const code = this.source;
    const engine = await this.engineController.engine();
    if (!engine || generation !== this.generation) return;
    if (!engine.capabilities.trace) {
      this.reportError({ kind: 'Configuration', message: `${engine.capabilities.version} cannot record a run. Use engine="pyodide".` });
      return;
    }
    const [view, result] = await Promise.all([
      (this.view ??= await import('./frames/player-view.js')),
      this.tracePython(code, {
        maxSteps: Number.isInteger(this.maxSteps) && this.maxSteps > 0 ? this.maxSteps : DEFAULT_MAX_STEPS,
        granularity: this.granularity === 'instruction' ? 'instruction' : 'line',
      }),
    ]);
    if (generation !== this.generation || !result) return;
    this.adoptPlayerStyles(view.playerStyles);
    const trace = result;
    this.latest = trace;
    this.clearError();
    if (trace.end.status === 'syntax-error') {
      const { error } = trace.end;
      this.reportError({
        kind: error.type,
        message: error.message,
        ...(error.line !== undefined ? { line: error.line } : {}),
        ...(error.column !== undefined ? { column: error.column } : {}),
      });
      this.stale = this.recorded !== undefined;
      this.emitResult({ trace, text: '' });
      return;
    }
    this.stale = false;
    this.expanded = new Set();
    this.recorded = trace;
    if (this.step >= trace.steps.length) this.step = 0;
    this.emitResult({ trace, text: this.text });
  }

  private adoptPlayerStyles(styles: CSSResult): void {
    const root = this.shadowRoot;
    const sheet = styles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** The replay's line marks: the line about to run and the one that ran before it. */
  private markReplayLines(): void {
    const trace = this.recorded;
    const lines = new Map<number, string>();
    if (trace && this.view && !this.stale) {
      const previous = this.view.lineAt(trace.steps[this.step - 1]);
      const current = this.view.lineAt(trace.steps[this.step]);
      if (previous) lines.set(previous, 'line-previous');
      if (current) lines.set(current, 'line-current');
    }
    this.markLines(lines);
  }

  /** What the replay view reads and asks of this element. */
  private playerHost(trace: Trace): PlayerHost {
    return {
      trace,
      step: this.step,
      breakpoints: this.breakpoints,
      playing: this.playing,
      speed: this.speed,
      expanded: this.expanded,
      go: (index) => (this.step = index),
      togglePlay: () => this.togglePlay(),
      setSpeed: (speed) => this.setSpeed(speed),
      toggleBreakpoint: (line) => this.toggleBreakpoint(line),
      toggleExpanded: (value) => this.toggleExpanded(value),
    };
  }

  private togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private play(): void {
    const trace = this.recorded;
    if (!trace) return;
    if (this.step >= trace.steps.length - 1) this.step = 0;
    this.playing = true;
    this.player = setInterval(() => {
      if (this.step >= (this.recorded?.steps.length ?? 0) - 1) this.pause();
      else this.step += 1;
    }, 1000 / this.speed);
  }

  private pause(): void {
    clearInterval(this.player);
    this.player = undefined;
    this.playing = false;
  }

  private setSpeed(speed: number): void {
    this.speed = speed;
    if (this.playing) {
      this.pause();
      this.play();
    }
  }

  private toggleBreakpoint(line: number): void {
    const next = new Set(this.breakpoints);
    if (next.has(line)) next.delete(line);
    else next.add(line);
    this.breakpoints = next;
  }

  private toggleExpanded(value: number): void {
    const next = new Set(this.expanded);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    this.expanded = next;
  }

  protected renderOutput(): TemplateResult | typeof nothing {
    const trace = this.recorded;
    return html`${this.renderInputPrompt()}
      ${trace && this.view
        ? html`<div class=${this.stale ? 'stale' : ''}>${this.view.renderPlayer(this.playerHost(trace))} ${this.renderNotes(trace)}</div>`
        : html`<p class="note" part="note">${this.running ? 'Recording…' : 'The run is recorded when the widget comes into view.'}</p>`}`;
  }

  /** Why the recording is partial, and what the backend can't show. */
  private renderNotes(trace: Trace): TemplateResult {
    const end = trace.end;
    const notes: string[] = [];
    if (this.stale) notes.push('The code has changed since this recording; press Run to record it again.');
    if (end.status === 'step-limit') notes.push(`Recording stopped after ${end.maxSteps.toLocaleString('en')} steps (max-steps); these are the steps so far.`);
    if (end.status === 'time-limit') notes.push(`Recording stopped after ${this.timeout} seconds (timeout); these are the steps so far.`);
    if (end.status === 'stopped') notes.push('Recording stopped; these are the steps so far.');
    if (end.status === 'error') notes.push(`The run ended with an uncaught ${end.error.type}: the last step shows its traceback.`);
    if (trace.limitations.length) notes.push(`Recorded by ${trace.python}: ${trace.limitations.join(' ')}`);
    return html`${notes.map((note) => html`<p class="note" part="note">${note}</p>`)}`;
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
