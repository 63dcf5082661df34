import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { PyElement, type ToolbarAction } from './py-element.js';
import { RovingTabindex } from './controllers/roving-tabindex.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import type { Position } from './highlight.js';
import type { Token, TokenizeResult } from '../engine/tokenizer/index.js';
import * as tokenizer from '../engine/tokenizer/for-text.js';
import { provideTokenizer, type Tokenizer } from './lazy-tokenizer.js';
import { pythonErrorDetail, type TokenizerResultDetail } from './events.js';

/**
 * Rows rendered at once unless the reader asks for all: a window that follows the cursor and
 * the keyboard, so re-rendering while typing stays cheap in files with tens of thousands of tokens.
 */
const ROW_WINDOW = 300;

/** Tokens that stand for whitespace or structure rather than text; their rows are styled apart. */
const STRUCTURE_TOKENS = new Set(['NEWLINE', 'NL', 'INDENT', 'DEDENT', 'ENDMARKER']);

const comparePositions = (a: Position, b: Position): number => a[0] - b[0] || a[1] - b[1];

/**
 * `<py-tokenizer>`: the code and the tokens CPython 3.14's tokenizer makes of it, listed as
 * `python -m tokenize` lists them, re-tokenized on every edit. Needs no interpreter: our own
 * exact tokenizer runs in the page.
 *
 * @csspart tokens - The token table's scroll box.
 * @csspart exact-toggle - The "exact types" switch.
 */
export class PyTokenizer extends PyElement<TokenizerResultDetail> {
  static override styles = [
    ...PyElement.styles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-family: var(--_font-mono);
        font-size: var(--_code-font-size);
        line-height: var(--_line-height);
      }
      .table-scroll {
        max-height: var(--_max-height);
        overflow: auto;
      }
      th {
        position: sticky;
        top: 0;
        text-align: left;
        font-family: var(--_font-ui);
        font-weight: 600;
        color: var(--_muted);
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
      }
      th,
      td {
        padding: 0 var(--_space);
        white-space: pre;
        vertical-align: top;
      }
      tbody tr:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }
      tr.active,
      tr.at-cursor {
        background: var(--_highlight);
      }
      tr.structure .type,
      tr.structure .string {
        color: var(--_muted);
        font-style: italic;
      }
      .toggle {
        display: inline-flex;
        align-items: center;
        gap: 0.3em;
        color: var(--_fg);
        cursor: pointer;
      }
      .toggle input {
        accent-color: var(--_accent);
        margin: 0;
      }
      .more button {
        margin-left: var(--_space);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    exact: { type: Boolean, reflect: true },
    result: { state: true },
    active: { state: true },
    atCursor: { state: true },
    showAll: { state: true },
    windowStart: { state: true },
  };

  /** Show exact operator types (LPAR, EQUAL...) instead of OP, as `tokenize -e` does. */
  exact = false;

  private result: TokenizeResult = { tokens: [], warnings: [] };
  /** Whether `result` is the code's (false until the tokenizer chunk has run once). */
  private tokenized = false;
  /** The row the reader points at (hover or focus). */
  private declare active: number | undefined;
  /** Rows of the tokens under the cursor in the editor. */
  private atCursor: readonly number[] = [];
  private showAll = false;
  /** Index of the first rendered row, unless showAll. */
  private windowStart = 0;
  /** The table is one Tab stop; the arrows move between rows (rendering the window they need). */
  private readonly roving = new RovingTabindex(this, {
    rows: () => this.result.tokens.map((_, index) => index),
    selector: (index) => `tr[data-index="${index}"]`,
    reveal: (index) => this.reveal(index),
  });

  protected readonly label = 'Tokens';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  /** The tokens, as tokenize.generate_tokens yields them (up to an error, if any). */
  get tokens(): Token[] {
    return this.result.tokens;
  }

  /** What `python -m tokenize -e` prints for the code, the error line included. */
  get text(): string {
    let out = '';
    for (const token of this.result.tokens) out += `${tokenizer.formatToken(token, true)}\n`;
    const error = this.result.error;
    if (error) {
      out += error.lineno === null
        ? `<stdin>: error: ${error.message}\n`
        : `<stdin>:${error.lineno}:${error.offset}: error: ${error.message}\n`;
    }
    return out;
  }

  protected codeChanged(code: string): void {
    this.result = tokenizer.tokenizeSafe(code);
    this.tokenized = true;
    this.active = undefined;
    this.atCursor = [];
    this.markSpan(undefined);
    const error = this.result.error;
    if (error) {
      this.reportError(pythonErrorDetail({ type: error.pythonType, message: error.message, line: error.lineno, column: error.offset }));
    } else {
      this.clearError();
    }
    this.emitResult({ tokens: this.result.tokens, error: this.result.error });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // `exact` changes the output only once there is output: before the code is sourced and
    // tokenized there is nothing to announce, so no empty result.
    if (changed.has('exact') && this.tokenized) this.emitResult({ tokens: this.result.tokens, error: this.result.error });
  }

  protected override cursorMoved(at: Position): void {
    const tokens = this.result.tokens;
    const inside = (token: Token) => comparePositions(token.start, at) <= 0 && comparePositions(at, token.end) < 0;
    let rows = tokens.flatMap((token, index) => (inside(token) ? [index] : []));
    // Right after a token (the usual place for a cursor), that token counts.
    if (rows.length === 0) rows = tokens.flatMap((token, index) => (comparePositions(token.end, at) === 0 ? [index] : []));
    this.atCursor = rows;
    const first = rows[0];
    if (first !== undefined) {
      this.reveal(first);
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`tr[data-index="${first}"]`)?.scrollIntoView({ block: 'nearest' }),
      );
    }
  }

  /** A switch for `exact`, so readers can flip between OP and the exact operator names. */
  protected override renderToolbarStart(): TemplateResult {
    return html`<label class="toggle" part="exact-toggle">
      <input
        type="checkbox"
        .checked=${this.exact}
        @change=${(event: Event) => (this.exact = (event.target as HTMLInputElement).checked)}
      />
      exact types
    </label>`;
  }

  private point(index: number | undefined): void {
    this.active = index;
    const token = index === undefined ? undefined : this.result.tokens[index];
    this.markSpan(token ? { start: token.start, end: token.end } : undefined);
  }

  /** The rows rendered now: all of them, or the window. */
  private visibleRange(): [number, number] {
    const count = this.result.tokens.length;
    if (this.showAll || count <= ROW_WINDOW) return [0, count];
    const start = Math.min(this.windowStart, count - ROW_WINDOW);
    return [start, start + ROW_WINDOW];
  }

  /** Moves the window so that row `index` is rendered. */
  private reveal(index: number): void {
    const [start, end] = this.visibleRange();
    if (index < start || index >= end) this.windowStart = Math.max(0, index - ROW_WINDOW / 2);
  }

  protected renderOutput(): TemplateResult {
    const tokens = this.result.tokens;
    const [start, end] = this.visibleRange();
    const cursorRows = new Set(this.atCursor);
    // Exactly one rendered row takes Tab focus.
    const stop = this.roving.tabStop(start, end - 1);
    const clipped = end - start < tokens.length;
    return html`<div class="table-scroll" part="tokens" @mouseleave=${() => this.point(undefined)}>
        <table aria-label="Tokens, as python -m tokenize lists them">
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Type</th>
              <th scope="col">String</th>
            </tr>
          </thead>
          <tbody>
            ${tokens
              .slice(start, end)
              .map((token, offset) => this.renderRow(tokenizer, token, start + offset, cursorRows.has(start + offset), stop))}
          </tbody>
        </table>
      </div>
      ${clipped
        ? html`<p class="note more">
            Tokens ${start + 1}–${end} of ${tokens.length} (the list follows the cursor).
            <button type="button" part="button" @click=${() => (this.showAll = true)}>Show all</button>
          </p>`
        : nothing}`;
  }

  private renderRow(tokenizer: Tokenizer, token: Token, index: number, atCursor: boolean, stop: number): TemplateResult {
    const type = tokenizer.tokName[this.exact ? token.exactType : token.type] ?? String(token.type);
    const classes = [
      STRUCTURE_TOKENS.has(tokenizer.tokName[token.type] ?? '') ? 'structure' : '',
      this.active === index ? 'active' : '',
      atCursor ? 'at-cursor' : '',
    ].join(' ');
    return html`<tr
      class=${classes}
      data-index=${index}
      tabindex=${index === stop ? 0 : -1}
      @mouseenter=${() => this.point(index)}
      @focus=${() => {
        this.roving.focused(index);
        this.point(index);
      }}
      @keydown=${(event: KeyboardEvent) => this.roving.keydown(event, index)}
    >
      <td class="position">${token.start[0]},${token.start[1]}-${token.end[0]},${token.end[1]}:</td>
      <td class="type">${type}</td>
      <td class="string">${tokenizer.pyRepr(token.string)}</td>
    </tr>`;
  }
}

// The tokens are this element's output: the tokenizer comes with it (see provideTokenizer).
provideTokenizer(tokenizer);
// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-tokenizer', PyTokenizer);

declare global {
  interface HTMLElementTagNameMap {
    'py-tokenizer': PyTokenizer;
  }
}
