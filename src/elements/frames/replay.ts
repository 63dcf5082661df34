// Everything <py-frames> does once it has something to show: recording the code, keeping the
// replay's state (playing, expanded values, staleness), marking lines in the code view, and
// rendering. Lazily imported when the element first records, so the page's entry stays small.
import { html, nothing, type TemplateResult } from 'lit';
import type { Trace, TraceOptions } from '../../engine/trace/format.js';
import { pythonErrorDetail, type FramesResultDetail, type PyErrorDetail } from '../events.js';
import type { Engine } from '../../engine/runtime/index.js';
import { lineAt } from './navigation.js';
import { stepText } from './describe.js';
import { renderPlayer, type PlayerHost } from './player-view.js';
import { playerStyles } from './player-styles.js';
import { valueStackStyles } from './value-stack-view.js';
import { adoptStyles } from '../adopt-styles.js';
import { invalidValueMessage } from '../attributes.js';

/** What the replay needs of its element (its protected powers, passed in as functions). */
export interface ReplayElement {
  readonly element: HTMLElement & {
    maxSteps: number;
    granularity: string;
    breakpoints: ReadonlySet<number>;
    speed: number;
    step: number;
    timeout: number;
    requestUpdate(): void;
  };
  engine(): Promise<Engine | undefined>;
  trace(code: string, options: TraceOptions): Promise<Trace | undefined>;
  reportError(detail: PyErrorDetail): void;
  clearError(): void;
  emitResult(detail: FramesResultDetail): void;
  markLines(lines: ReadonlyMap<number, string>): void;
  setGutter(gutter: { breakpoints: ReadonlySet<number>; toggle: (line: number) => void }): void;
}

export class Replay {
  /** The recording on show: a SyntaxError leaves the previous one, dimmed. */
  private shown: Trace | undefined;
  /** The latest recording, whatever its end. */
  latest: Trace | undefined;
  /** The recording no longer matches the code (edited since). */
  private stale = false;
  private playing = false;
  private player: ReturnType<typeof setInterval> | undefined;
  /** Values (indices into the trace's values) shown whole. */
  private expanded: ReadonlySet<number> = new Set();
  private generation = 0;

  constructor(private readonly host: ReplayElement) {
    adoptStyles(host.element, playerStyles);
    adoptStyles(host.element, valueStackStyles);
    this.showBreakpoints();
  }

  get text(): string {
    return this.shown ? stepText(this.shown, this.host.element.step) : '';
  }

  /**
   * Records the code: the interpreter runs it once, and the replay shows the result. A baked
   * recording (made ahead of time for this very code and these attributes) is shown instead.
   */
  async record(code: string, baked?: Trace): Promise<void> {
    this.pause();
    const generation = ++this.generation;
    const element = this.host.element;
    const trace = baked ?? (await this.recordLive(code, generation));
    if (generation !== this.generation || !trace) return;
    this.latest = trace;
    this.host.clearError();
    if (trace.end.status === 'syntax-error') {
      const { error } = trace.end;
      this.host.reportError(pythonErrorDetail(error));
      this.stale = this.shown !== undefined;
      this.host.emitResult({ trace, text: '' });
      this.changed();
      return;
    }
    this.stale = false;
    this.expanded = new Set();
    this.shown = trace;
    if (element.step >= trace.steps.length) {
      // Only the recording knows its last step: said with the same words as every invalid value.
      const last = trace.steps.length - 1;
      this.host.reportError({ kind: 'Configuration', message: invalidValueMessage('step', String(element.step), 'a step of this recording', `a whole number from 0 to ${last}`) });
      element.step = 0;
    }
    this.changed();
    this.host.emitResult({ trace, text: this.text });
  }

  private async recordLive(code: string, generation: number): Promise<Trace | undefined> {
    const engine = await this.host.engine();
    if (!engine || generation !== this.generation) return undefined;
    if (!engine.capabilities.trace) {
      this.host.reportError({ kind: 'Configuration', message: `${engine.capabilities.version} cannot record a run. Use engine="pyodide".` });
      return undefined;
    }
    return this.host.trace(code, {
      maxSteps: this.element.maxSteps,
      granularity: this.element.granularity === 'instruction' ? 'instruction' : 'line',
    });
  }

  private get element(): ReplayElement['element'] {
    return this.host.element;
  }

  /** The code was edited: the recording on show no longer matches it. */
  codeEdited(): void {
    if (this.shown) this.stale = true;
    this.changed();
  }

  /** The step changed (or the recording): clamp the step and mark the lines again. */
  changed(): void {
    const { element } = this;
    const last = Math.max((this.shown?.steps.length ?? 1) - 1, 0);
    const clamped = Math.min(Math.max(Math.trunc(Number.isFinite(element.step) ? element.step : 0), 0), last);
    if (clamped !== element.step) element.step = clamped;
    const lines = new Map<number, string>();
    if (this.shown && !this.stale) {
      const previous = lineAt(this.shown.steps[element.step - 1]);
      const current = lineAt(this.shown.steps[element.step]);
      if (previous) lines.set(previous, 'line-previous');
      if (current) lines.set(current, 'line-current');
    }
    this.host.markLines(lines);
    element.requestUpdate();
  }

  /** Shows the element's breakpoints in the line numbers (and keeps them clickable). */
  showBreakpoints(): void {
    this.host.setGutter({ breakpoints: this.element.breakpoints, toggle: (line) => this.toggleBreakpoint(line) });
  }

  private toggleBreakpoint(line: number): void {
    const next = new Set(this.element.breakpoints);
    if (next.has(line)) next.delete(line);
    else next.add(line);
    this.element.breakpoints = next;
  }

  private togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private play(): void {
    const { element } = this;
    const steps = this.shown?.steps.length ?? 0;
    if (!steps) return;
    if (element.step >= steps - 1) element.step = 0;
    this.playing = true;
    this.player = setInterval(() => {
      if (element.step >= steps - 1) this.pause();
      else element.step += 1;
    }, 1000 / element.speed);
    element.requestUpdate();
  }

  pause(): void {
    clearInterval(this.player);
    this.player = undefined;
    if (this.playing) {
      this.playing = false;
      this.element.requestUpdate();
    }
  }

  private setSpeed(speed: number): void {
    this.element.speed = speed;
    if (this.playing) {
      this.pause();
      this.play();
    }
  }

  private playerHost(trace: Trace): PlayerHost {
    const { element } = this;
    return {
      trace,
      step: element.step,
      breakpoints: element.breakpoints,
      playing: this.playing,
      speed: element.speed,
      expanded: this.expanded,
      go: (index) => (element.step = index),
      togglePlay: () => this.togglePlay(),
      setSpeed: (speed) => this.setSpeed(speed),
      toggleBreakpoint: (line) => this.toggleBreakpoint(line),
      toggleExpanded: (value) => {
        const next = new Set(this.expanded);
        if (next.has(value)) next.delete(value);
        else next.add(value);
        this.expanded = next;
        element.requestUpdate();
      },
    };
  }

  render(): TemplateResult | typeof nothing {
    const trace = this.shown;
    // Before the first recording arrives; after a SyntaxError with nothing earlier to show,
    // the error banner says it all.
    if (!trace) return this.latest ? nothing : html`<p class="note" part="note">Recording…</p>`;
    return html`<div class=${this.stale ? 'stale' : ''}>${renderPlayer(this.playerHost(trace))} ${this.renderNotes(trace)}</div>`;
  }

  /** Why the recording is partial, and what the backend can't show. */
  private renderNotes(trace: Trace): TemplateResult {
    const end = trace.end;
    const notes: string[] = [];
    if (this.stale) notes.push('The code has changed since this recording; press Run to record it again.');
    if (end.status === 'step-limit') notes.push(`Recording stopped after ${end.maxSteps.toLocaleString('en')} steps (max-steps); these are the steps so far.`);
    if (end.status === 'time-limit') notes.push(`Recording stopped after ${this.element.timeout} seconds (timeout); these are the steps so far.`);
    if (end.status === 'stopped') notes.push('Recording stopped; these are the steps so far.');
    if (end.status === 'error') notes.push(`The run ended with an uncaught ${end.error.type}: the last step shows its traceback.`);
    if (trace.limitations.length) notes.push(`Recorded by ${trace.python}: ${trace.limitations.join(' ')}`);
    return html`${notes.map((note) => html`<p class="note" part="note">${note}</p>`)}`;
  }
}
