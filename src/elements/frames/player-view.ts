// The replay of a recorded run: controls, the stack with each frame's variables, the output
// up to the step, and (in instruction mode) the bytecode around the current instruction.
// Lazily imported by <py-frames> once a recording exists, so the page's entry stays small.
import { html, nothing, type TemplateResult } from 'lit';
import type { Trace, TraceStep, TraceValue } from '../../engine/trace/format.js';
import { formatDisLines, type DisLine, type DisTree } from '../../engine/dis/index.js';
import { continueTo, frameAt, lineAt, scopeChanges, sharedObjects, stepInto, stepOut, stepOver } from './navigation.js';
import { eventSummary, frameName, kindLabel, stepHeading } from './describe.js';
import { SPEEDS } from '../attributes.js';
import { renderValueStack } from './value-stack-view.js';
import { renderDisColumns } from '../dis/row.js';

/**
 * Names up to this many characters never break in the locals table (player-styles.ts); longer
 * ones (`__static_attributes__`) break anywhere within that width, so no name takes the value's room.
 */
const LONG_NAME = 12;


/** What the view reads from and asks of the element. */
export interface PlayerHost {
  readonly trace: Trace;
  /** The current step index. */
  readonly step: number;
  readonly breakpoints: ReadonlySet<number>;
  readonly playing: boolean;
  /** Steps per second while playing. */
  readonly speed: number;
  /** Values (indices into `trace.values`) the reader expanded. */
  readonly expanded: ReadonlySet<number>;
  go(index: number): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  toggleBreakpoint(line: number): void;
  toggleExpanded(value: number): void;
}

/** Reprs longer than this are cut, with a button to show them whole. */
const SHORT_REPR = 80;

/** Arrow keys, Home and End step through the recording from anywhere in the controls or panels. */
export function onPlayerKey(host: PlayerHost, event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  // The timeline slider and the speed menu handle their own keys.
  if (target.matches('input, select, textarea')) return;
  const last = host.trace.steps.length - 1;
  const moves: Record<string, number> = {
    ArrowLeft: host.step - 1,
    ArrowRight: host.step + 1,
    Home: 0,
    End: last,
  };
  if (event.key in moves) {
    event.preventDefault();
    host.go(moves[event.key]!);
  } else if (event.key === 'b' || event.key === 'B') {
    const line = lineAt(host.trace.steps[host.step]);
    if (line !== null) {
      event.preventDefault();
      host.toggleBreakpoint(line);
    }
  }
}

export function renderPlayer(host: PlayerHost): TemplateResult {
  const { trace } = host;
  const step = trace.steps[host.step];
  return html`
    ${renderControls(host)}
    ${step
      ? html`<div class="panels" part="panels" @keydown=${(event: KeyboardEvent) => onPlayerKey(host, event)}>
          ${renderStack(host, step)}
          <div class="side">
            ${renderEvent(trace, step, host.step === trace.steps.length - 1)}
            ${trace.granularity === 'instruction'
              ? html`<div class="instruction-panes">${renderInstructions(trace, step)} ${renderValueStack(trace, host.step)}</div>`
              : nothing}
            ${renderOutputSoFar(trace, step)}
          </div>
        </div>`
      : nothing}
  `;
}

function renderControls(host: PlayerHost): TemplateResult {
  const { trace, step } = host;
  const last = trace.steps.length - 1;
  const atStart = step <= 0;
  const atEnd = step >= last;
  const button = (part: string, label: string, symbol: TemplateResult, target: number, disabled: boolean, text = ''): TemplateResult =>
    html`<button
      type="button"
      class=${text ? 'primary' : ''}
      part="button ${part}"
      title=${label}
      aria-label=${label}
      aria-disabled=${disabled ? 'true' : 'false'}
      @click=${() => disabled || host.go(target)}
    >
      ${symbol}${text ? html`<span class="button-text">${text}</span>` : nothing}
    </button>`;
  const heading = stepHeading(trace, step);
  // One primary action (Forward, the step a reader takes most), the rest quieter and in groups
  // that wrap whole: no separator is left alone at the end of a row on a phone.
  return html`<div
    class="controls"
    part="controls"
    role="group"
    aria-label="Replay"
    @keydown=${(event: KeyboardEvent) => onPlayerKey(host, event)}
  >
    <div class="buttons">
      <div class="group moves" role="group" aria-label="Move through the steps">
        ${button('first-button', 'First step', icon('M5 4h2v16H5zM19 4v16L8 12z'), 0, atStart)}
        ${button('back-button', 'Back one step', icon('M17 4v16L6 12z'), step - 1, atStart)}
        ${button('forward-button', 'Forward one step', icon('M7 4v16l11-8z'), step + 1, atEnd, 'Forward')}
        ${button('last-button', 'Last step', icon('M17 4h2v16h-2zM5 4v16l11-8z'), last, atEnd)}
      </div>
      <div class="group debugger" role="group" aria-label="Step as a debugger does">
        ${textButton('into-button', 'Step into', 'Next line, entering calls', () => host.go(stepInto(trace, step)), atEnd)}
        ${textButton('over-button', 'Step over', 'Next line in this frame, running calls through', () => host.go(stepOver(trace, step)), atEnd)}
        ${textButton('out-button', 'Step out', 'Until this frame returns', () => host.go(stepOut(trace, step)), atEnd)}
        ${textButton('continue-button', 'Continue', 'To the next breakpoint', () => host.go(continueTo(trace, step, host.breakpoints)), atEnd)}
      </div>
      <div class="group play" role="group" aria-label="Play">
        <button
          type="button"
          part="button play-button"
          aria-pressed=${host.playing ? 'true' : 'false'}
          @click=${() => host.togglePlay()}
        >
          ${host.playing ? 'Pause' : 'Play'}
        </button>
        <label class="speed"
          >Speed
          <select part="speed" @change=${(event: Event) => host.setSpeed(Number((event.target as HTMLSelectElement).value))}>
            ${SPEEDS.map((speed) => html`<option value=${speed} ?selected=${speed === host.speed}>${speed}/s</option>`)}
          </select></label
        >
      </div>
    </div>
    <input
      class="timeline"
      part="timeline"
      type="range"
      min="0"
      max=${Math.max(last, 0)}
      .value=${String(step)}
      aria-label="Step"
      aria-valuetext=${heading}
      @input=${(event: Event) => host.go(Number((event.target as HTMLInputElement).value))}
    />
    <p class="where" part="step" aria-live="polite">${heading}</p>
  </div>`;
}

/** A small drawn icon (fonts may lack the media-control symbols). */
function icon(path: string): TemplateResult {
  return html`<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false"><path fill="currentColor" d=${path}></path></svg>`;
}

/**
 * Controls that can't act now are marked aria-disabled rather than disabled, so the keyboard
 * focus stays on them (a disabled button drops it: pressing End on "Forward" would lose it).
 */
function textButton(part: string, label: string, title: string, go: () => void, disabled: boolean): TemplateResult {
  return html`<button type="button" part="button ${part}" title=${title} aria-disabled=${disabled ? 'true' : 'false'} @click=${() => disabled || go()}>
    ${label}
  </button>`;
}

/** The stack, outermost frame first, as CPython links them: each frame names its caller. */
function renderStack(host: PlayerHost, step: TraceStep): TemplateResult {
  const { trace } = host;
  const shared = sharedObjects(trace, host.step);
  const current = frameAt(step);
  return html`<section class="stack" part="stack" aria-label="Frames">
    ${step.stack.map(([frame, line, lasti, scope]) => {
      const code = trace.codes[trace.frames[frame]?.code ?? -1];
      const back = trace.frames[frame]?.back ?? null;
      const changes = scopeChanges(trace, host.step, frame);
      const variables = trace.scopes[scope] ?? [];
      const isCurrent = frame === current;
      const title = `${code?.qualname ?? '?'}`;
      return html`<div class=${isCurrent ? 'frame current' : 'frame'} part=${isCurrent ? 'frame current-frame' : 'frame'}>
        <h3>
          <span class="frame-name">${title}</span>
          <span class="frame-meta"
            >${code ? kindLabel(code.kind) : ''}${line ? ` · line ${line}` : ''}${trace.granularity === 'instruction'
              ? ` · f_lasti ${lasti}`
              : ''}${back === null ? '' : ` · f_back: ${frameName(trace, back)}`}</span
          >
        </h3>
        ${variables.length === 0
          ? html`<p class="empty">No variables.</p>`
          : html`<table part="locals" aria-label="Variables of ${title}">
              <tbody>
                ${variables.map(([name, valueIndex]) => {
                  const change = changes.added.has(name) ? 'new' : changes.changed.has(name) ? 'changed' : '';
                  return html`<tr class=${change}>
                    <th scope="row"><span class=${name.length > LONG_NAME ? 'name long' : 'name'}>${name}</span></th>
                    <td class="value">${renderValue(host, valueIndex, shared)}</td>
                    <td class="type">${trace.values[valueIndex]?.type ?? ''}${change ? html` <span class="change">${change}</span>` : nothing}</td>
                  </tr>`;
                })}
              </tbody>
            </table>`}
      </div>`;
    })}
  </section>`;
}

function renderValue(host: PlayerHost, index: number, shared: ReadonlySet<number>): TemplateResult {
  const value: TraceValue | undefined = host.trace.values[index];
  if (!value) return html`?`;
  const long = value.repr.length > SHORT_REPR || value.length !== undefined;
  const expanded = host.expanded.has(index);
  const shown = long && !expanded ? `${value.repr.slice(0, SHORT_REPR)}…` : value.repr;
  const cut = expanded && value.length !== undefined ? html`<span class="note-inline"> (first ${value.repr.length} of ${value.length} characters)</span>` : nothing;
  return html`<code class="repr">${shown}</code>${cut}${shared.has(value.object)
      ? html` <span class="object" title="The same object is referred to elsewhere in this step">#${value.object}</span>`
      : nothing}${long
      ? html` <button type="button" part="button expand-button" class="link" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => host.toggleExpanded(index)}>
          ${expanded ? 'less' : 'more'}
        </button>`
      : nothing}`;
}

/**
 * What the step's event carries: a return value, an exception with its traceback, a
 * breakpoint; on the last step of a run that failed, the uncaught exception as CPython prints it.
 */
function renderEvent(trace: Trace, step: TraceStep, isLast: boolean): TemplateResult | typeof nothing {
  if (isLast && trace.end.status === 'error') {
    return html`<div class="event exception" part="event">
      <p><strong>Uncaught ${trace.end.error.type}</strong>: the run ends here.</p>
      <pre>${trace.end.error.traceback}</pre>
    </div>`;
  }
  if (step.event === 'return' && step.value !== undefined) {
    return html`<p class="event return" part="event">
      <strong>${frameName(trace, frameAt(step))}</strong> returns <code>${trace.values[step.value]?.repr ?? ''}</code>
    </p>`;
  }
  if (step.event === 'exception' && step.exception) {
    return html`<div class="event exception" part="event">
      <p><strong>${step.exception.type}</strong> raised in ${frameName(trace, frameAt(step))}</p>
      <pre>${step.exception.traceback}</pre>
    </div>`;
  }
  if (step.breakpoint) return html`<p class="event" part="event">${eventSummary(trace, step)}</p>`;
  return nothing;
}

/**
 * Instruction mode: the current instruction and its neighbours, as dis.dis prints them. In a
 * narrow pane each argument goes under its opcode (dis/row.styles.ts); a line still wider than
 * the pane scrolls, and the pane takes the focus so the keyboard can scroll it too.
 */
const disLinesCache = new WeakMap<object, DisLine[]>();
function renderInstructions(trace: Trace, step: TraceStep): TemplateResult | typeof nothing {
  if (trace.granularity !== 'instruction') return nothing;
  const entry = step.stack.at(-1);
  const code = entry ? trace.codes[trace.frames[entry[0]]?.code ?? -1] : undefined;
  const tree = code?.dis as DisTree | undefined;
  if (!entry || !tree) return nothing;
  let lines = disLinesCache.get(tree);
  if (!lines) {
    lines = formatDisLines(tree, { depth: 0, showOffsets: true }).filter((line) => line.kind === 'instruction');
    disLinesCache.set(tree, lines);
  }
  const at = lines.findIndex((line) => line.instruction?.offset === entry[2]);
  const window = lines.slice(Math.max(at - 3, 0), Math.max(at - 3, 0) + 7);
  return html`<section class="instructions" part="instructions" aria-label="Bytecode around the current instruction">
    <h3>Bytecode of ${code?.qualname}</h3>
    <pre tabindex="0">${window.map((line) =>
      line === lines[at]
        ? html`<span class="dis-row current-instruction" aria-current="step">${renderDisColumns(line)}</span>`
        : html`<span class="dis-row">${renderDisColumns(line)}</span>`,
    )}</pre>
  </section>`;
}

function renderOutputSoFar(trace: Trace, step: TraceStep): TemplateResult {
  const stdout = trace.stdout.slice(0, step.stdout);
  const stderr = trace.stderr.slice(0, step.stderr);
  return html`<section class="so-far" aria-label="Output so far">
    <h3>Output</h3>
    ${stdout || stderr
      ? html`<pre part="stdout">${stdout}<span class="stderr">${stderr}</span></pre>`
      : html`<p class="empty">Nothing printed yet.</p>`}
  </section>`;
}
