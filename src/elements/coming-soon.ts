import { html, type TemplateResult } from 'lit';
import { PyElement, type ToolbarAction } from './py-element.js';

/**
 * Stands in for an element whose widget has not landed yet: it still shows (and lets the
 * reader edit) the code, and says plainly what is coming, so a page written today is not blank.
 */
export abstract class ComingSoonElement extends PyElement {
  protected override readonly actions: readonly ToolbarAction[] = ['reset'];
  /** One sentence on what the finished widget will show. */
  protected abstract readonly promise: string;

  get text(): string {
    return '';
  }

  protected codeChanged(): void {}

  protected renderOutput(): TemplateResult {
    return html`<p class="note coming-soon" part="note">
      <strong>Coming soon:</strong> ${this.promise} This version of pyinnards shows the code only.
    </p>`;
  }
}
