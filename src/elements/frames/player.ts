// <py-frames>'s replay as an internal element: the controls, the stack with each frame's
// variables, the output so far and the notes on the recording. Lazily imported by <py-frames>
// once it has a recording, so the page's entry stays small. It renders into <py-frames>'s shadow
// root (no shadow root of its own), so the page styles its parts as <py-frames>'s.
//
// <py-frames> owns the step, the speed and the breakpoints (its public properties) and passes
// them in; the player asks for changes with events that stay inside the shadow root:
// `player-step` (detail: the step wanted), `player-speed` (the speed) and `player-breakpoint`
// (the line whose breakpoint to toggle). What only the replay needs (playing, the values shown
// whole) is its own state.
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Trace } from '../../engine/trace/format.js';
import { defineElement } from '../define-element.js';
import { renderPlayer } from './player-view.js';
import { stepText } from './describe.js';
import { lineAt } from './navigation.js';

import { playerStyles } from './player-styles.js';
import { valueStackStyles } from './value-stack-view.js';
import { disRowStyles } from '../dis/row.styles.js';

/** The replay's styles, adopted by <py-frames> when this chunk arrives. */
export const frameStyles = [playerStyles, valueStackStyles, disRowStyles];
export { stepText, lineAt };

/** The events the player asks its element for changes with. */
export interface PlayerRequests {
  'player-step': number;
  'player-speed': number;
  'player-breakpoint': number;
}

export class FramesPlayer extends LitElement {
  static override properties: PropertyDeclarations = {
    trace: { attribute: false },
    step: { type: Number },
    speed: { type: Number },
    breakpoints: { attribute: false },
    stale: { type: Boolean },
    timeout: { type: Number },
    playing: { state: true },
    expanded: { state: true },
  };

  declare trace: Trace | undefined;
  /** The step shown, 0-based (the element's `step`). */
  step = 0;
  /** Steps per second while playing. */
  speed = 2;
  breakpoints: ReadonlySet<number> = new Set();
  /** The code was edited since this recording. */
  stale = false;
  /** The element's time limit in seconds, for the note when a recording hit it. */
  timeout = 0;
  private playing = false;
  /** Values (indices into the trace's values) shown whole. */
  private expanded: ReadonlySet<number> = new Set();
  private timer: ReturnType<typeof setInterval> | undefined;

  /** The player renders into the element's own light DOM: the host's shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('trace')) {
      // A new recording: its values start short, and it doesn't play by itself.
      this.expanded = new Set();
      this.pause();
    }
    if (changed.has('speed') && this.playing) this.startTimer();
  }

  private request<K extends keyof PlayerRequests>(type: K, detail: PlayerRequests[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  private togglePlay(): void {
    if (this.playing) {
      this.pause();
      return;
    }
    const steps = this.trace?.steps.length ?? 0;
    if (!steps) return;
    if (this.step >= steps - 1) this.request('player-step', 0);
    this.playing = true;
    this.startTimer();
  }

  private startTimer(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      const last = (this.trace?.steps.length ?? 1) - 1;
      if (this.step >= last) this.pause();
      else this.request('player-step', this.step + 1);
    }, 1000 / this.speed);
  }

  pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  protected override render(): TemplateResult | typeof nothing {
    const trace = this.trace;
    if (!trace) return nothing;
    return html`<div class=${this.stale ? 'stale' : ''}>
      ${renderPlayer({
        trace,
        step: this.step,
        breakpoints: this.breakpoints,
        playing: this.playing,
        speed: this.speed,
        expanded: this.expanded,
        go: (index) => this.request('player-step', index),
        togglePlay: () => this.togglePlay(),
        setSpeed: (speed) => this.request('player-speed', speed),
        toggleBreakpoint: (line) => this.request('player-breakpoint', line),
        toggleExpanded: (value) => {
          const next = new Set(this.expanded);
          if (!next.delete(value)) next.add(value);
          this.expanded = next;
        },
      })}
      ${this.renderNotes(trace)}
    </div>`;
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

defineElement('pyinnards-frames-player', FramesPlayer);
