// input() waiting for the reader: one reactive controller for every element that asks (the
// console inline in its transcript, the engine elements under their output). It holds the
// question, renders the answer field, focuses it, and answers: Enter sends the line, Ctrl+D
// ends the input (EOFError) and Ctrl+C interrupts, as in a terminal.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class InputRequest implements ReactiveController {
  private waiting: { prompt: string; label: string; answer: (value: string | null) => void } | undefined;

  constructor(
    private readonly host: Host,
    /** Ctrl+C in the field (the console interrupts); without it Ctrl+C is left to the page. */
    private readonly onInterrupt?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether input() waits for the reader now. */
  get pending(): boolean {
    return this.waiting !== undefined;
  }

  /** What the waiting input() printed before it asked ('' when none waits). */
  get prompt(): string {
    return this.waiting?.prompt ?? '';
  }

  /** Asks the reader; `prompt` is what input() printed (it names the field for screen readers). */
  ask(prompt: string): Promise<string | null> {
    this.answer(null);
    return new Promise((resolve) => {
      this.waiting = { prompt, label: prompt.trim() ? `input(): ${prompt.trim()}` : 'input()', answer: resolve };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('.input-field')?.focus());
    });
  }

  /** Answers the waiting input() (null: end of input); nothing if none waits. */
  answer(value: string | null): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    waiting.answer(value);
    this.host.requestUpdate();
  }

  /** The answer field (with the CSS part name `part`, if any), or nothing while no input() waits. */
  renderField(part?: string): TemplateResult | typeof nothing {
    const waiting = this.waiting;
    if (!waiting) return nothing;
    return html`<input
      class="input-field"
      part=${part ?? nothing}
      type="text"
      autocomplete="off"
      spellcheck="false"
      aria-label=${waiting.label}
      @keydown=${(event: KeyboardEvent) => {
        const field = event.currentTarget as HTMLInputElement;
        if (event.key === 'Enter') {
          event.preventDefault();
          this.answer(field.value);
        } else if (event.ctrlKey && event.key === 'd') {
          event.preventDefault();
          this.answer(null);
        } else if (event.ctrlKey && event.key === 'c' && this.onInterrupt && field.selectionStart === field.selectionEnd) {
          // (With text selected, Ctrl+C copies.)
          event.preventDefault();
          this.onInterrupt();
        }
      }}
    />`;
  }
}
