import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { PyElement, type ToolbarAction } from './py-element.js';
import { defineElement } from './define-element.js';
import { configureFromScriptTag } from '../config.js';
import type { Position } from './highlight.js';
import type { Node, ParseMode, ParseWarning, PySyntaxError } from '../engine/parser/index.js';
import { pythonErrorDetail, type AstResultDetail, type AstSyntaxErrorDetail } from './events.js';
import { loadParser, parserIfLoaded, type Parser } from './ast/lazy-parser.js';
import { TreeModel } from './ast/tree-model.js';
import { LineColumns } from './ast/positions.js';
import { treeToJson, type JsonValue } from './ast/tree-json.js';
import { TreeView } from './ast/tree-view.js';
import { astStyles } from './ast/styles.js';
import { FirstViewDebounce } from './controllers/first-view.js';

/**
 * How long typing must pause before the code is parsed again. A 2,000-line file parses within a
 * frame, but parsing on every keystroke of a fast typist would still keep the page busy; a read
 * of `text` or `tree` parses at once.
 */
const EDIT_DEBOUNCE_MS = 120;

/** Names, numbers, strings and operators: what the tree's size follows. */
const TOKEN = /[A-Za-z_]\w*|\d[\w.]*|'[^'\n]*'|"[^"\n]*"|[-+*/%<>=!]=?|[()[\]{}.,:@]/g;
/** A line that starts a statement of the module: not indented, not a decorator, comment, closing bracket or clause. */
const TOP_LEVEL_STATEMENT = /^(?![\t @#)\]}]|(?:else|elif|except|finally)\b)\S/gm;
/** The modes `ast.parse` takes; an invalid `mode` attribute parses nothing and says why. */
const MODES: readonly string[] = ['exec', 'eval', 'single', 'func_type'];

/** The last code that parsed, and what was made of it. */
interface Parsed {
  source: string;
  tree: Node;
  model: TreeModel;
  /** element.tree, made once per parse when first asked for. */
  json?: JsonValue;
}

/**
 * `<py-ast>`: the code and the syntax tree CPython 3.14's parser builds of it (`ast.parse`),
 * re-parsed on every edit. Needs no interpreter: our own exact parser runs in the page, loaded
 * by this element only. `text` (and Copy) is exactly what `ast.dump` prints with the element's
 * options; a SyntaxError is shown as CPython reports it, with the last good tree dimmed.
 *
 * @csspart tree - The syntax tree (an ARIA tree) and its scroll box.
 * @csspart tree-item - Each item of the tree: a node, a list field, or a value.
 * @csspart syntax-error - The SyntaxError, as `traceback.format_exception_only` prints it.
 */
export class PyAst extends PyElement<AstResultDetail> {
  static override styles = [...PyElement.styles, astStyles];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    includeAttributes: { type: Boolean, attribute: 'include-attributes', reflect: true },
    showEmpty: { type: Boolean, attribute: 'show-empty', reflect: true },
    indent: { type: Number },
    depth: { type: Number },
    parsed: { state: true },
    syntaxError: { state: true },
    warnings: { state: true },
  };

  /** What the code is parsed as, as `ast.parse(code, mode=...)`: exec, eval, single or func_type. */
  mode: ParseMode | null = 'exec';
  /** Show each node's lineno, col_offset, end_lineno and end_col_offset (ast.dump's include_attributes). */
  includeAttributes = false;
  /** Show empty lists too (ast.dump's show_empty). */
  showEmpty = false;
  /** Spaces per level in `text`, as ast.dump's indent; unset: one line. */
  declare indent: number | undefined;
  /** How many levels of the tree are open at first; all when unset. */
  declare depth: number | undefined;

  private parsed: Parsed | undefined;
  private syntaxError: PySyntaxError | undefined;
  /** The SyntaxWarnings of the last parse (invalid escape sequences), shown as notes. */
  private warnings: readonly ParseWarning[] = [];
  /** While the \N{} name table loads for the current code (its parse waits for it). */
  private namesLoading: Promise<void> | undefined;

  protected readonly label = 'Syntax tree';
  protected override readonly actions: readonly ToolbarAction[] = ['reset', 'copy'];

  private readonly view = new TreeView(this, (span) => this.markSpan(span));
  private readonly schedule = new FirstViewDebounce(this, () => this.parseLatest(), EDIT_DEBOUNCE_MS);
  /** Whether the code changed since it was last parsed. */
  private pending = false;
  /** Where the editor's cursor went while a parse was pending: revealed once it is done. */
  private pendingCursor: Position | undefined;

  /** The tree of the code as JSON (see tree-json.ts), or null while the code doesn't parse. */
  get tree(): JsonValue | null {
    return this.snapshot().tree();
  }

  /** What `ast.dump` prints for the tree with the element's options; on a SyntaxError, what CPython reports. */
  get text(): string {
    return this.snapshot().text();
  }

  /**
   * The result as it is now, its text and JSON made only when asked for: on a long file, dumping
   * and converting the tree on every keystroke would cost as much as parsing it.
   */
  private snapshot(): { text(): string; tree(): JsonValue | null } {
    this.flush();
    const parser = parserIfLoaded();
    const { parsed, syntaxError, namesLoading } = this;
    const options = { indent: this.validIndent(), includeAttributes: this.includeAttributes, showEmpty: this.showEmpty };
    return {
      // Nothing yet while the \N{} name table loads: the shown tree is the previous code's.
      text: () => {
        if (!parser || namesLoading) return '';
        if (syntaxError) return parser.formatSyntaxError(syntaxError);
        return parsed ? parser.dump(parsed.tree, options) : '';
      },
      tree: () => (parser && parsed && !syntaxError && !namesLoading ? (parsed.json ??= treeToJson(parser, parsed.tree)) : null),
    };
  }

  /** The mode to parse as: `exec` when the attribute is absent, none when it is invalid. */
  private get parseMode(): ParseMode | undefined {
    const mode = this.mode ?? 'exec';
    return MODES.includes(mode) ? mode : undefined;
  }

  private validIndent(): number | null {
    return typeof this.indent === 'number' && Number.isInteger(this.indent) && this.indent >= 0 ? this.indent : null;
  }

  /** Coalesced: the code is parsed once typing pauses (at once when nothing is shown yet). */
  protected codeChanged(): void {
    this.pending = true;
    this.schedule.schedule(this.parsed !== undefined || this.syntaxError !== undefined);
  }

  /**
   * A page (or test) that awaits `updateComplete` gets the current code's tree: a parse waiting
   * for typing to pause is done now (typing itself never awaits it, so stays debounced).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.pending || !parserIfLoaded()) return done;
    this.flush();
    if (this.namesLoading) await this.namesLoading;
    return super.getUpdateComplete();
  }

  /** Parses a pending change now, if the parser is here (a reader of `text` wants the current code's). */
  private flush(): void {
    const parser = parserIfLoaded();
    if (!this.pending || !parser || !this.codeReady) return;
    this.schedule.cancel();
    this.parseLatest();
  }

  /** Parses the code if it changed since the last parse (the first view of an empty element parses nothing). */
  private parseLatest(): void {
    if (!this.pending || !this.codeReady) return;
    const parser = parserIfLoaded();
    if (!parser) {
      // The first code arrives before the parser chunk; parse the latest code once it has.
      loadParser().then(
        () => this.parseLatest(),
        (error: unknown) => this.reportError({ kind: 'Parser', message: `The parser could not be loaded (${String(error)}).` }),
      );
      return;
    }
    // A \N{...} escape needs the name table (its own chunk): parse once it has come.
    if (this.source.includes('\\N{') && !parser.unicodeNamesLoaded()) {
      this.namesLoading ??= parser.loadUnicodeNames().then(
        () => {
          this.namesLoading = undefined;
          this.parseLatest();
        },
        (error: unknown) => {
          this.namesLoading = undefined;
          this.pending = false;
          this.reportError({ kind: 'Parser', message: `The Unicode name table could not be loaded (${String(error)}).` });
        },
      );
      return;
    }
    this.pending = false;
    // An invalid mode is reported by the attribute check; there is nothing right to parse as.
    if (this.parseMode) this.parse(parser, this.source);
  }

  private parse(parser: Parser, code: string): void {
    const warnings: ParseWarning[] = [];
    this.warnings = warnings;
    try {
      const tree = parser.parse(code, { filename: '<unknown>', mode: this.parseMode ?? 'exec', onWarning: (w) => warnings.push(w) });
      this.parsed = { source: code, tree, model: this.model(parser, tree, code) };
      this.syntaxError = undefined;
      this.view.setModel(this.parsed.model);
      this.markSpan(undefined);
      this.clearError();
      if (this.pendingCursor) this.cursorMoved(this.pendingCursor);
    } catch (error) {
      if (!(error instanceof parser.PySyntaxError)) {
        // Our bug, not the reader's: say so rather than show a tree that may be wrong.
        this.syntaxError = undefined;
        this.parsed = undefined;
        this.view.setModel(undefined);
        this.reportError({ kind: 'Internal error', message: `The parser failed on this code (${String(error)}). Please report it.` });
        return;
      }
      this.syntaxError = error;
      this.pendingCursor = undefined;
      this.view.markStale();
      this.markSpan(undefined);
      this.reportError(pythonErrorDetail({ type: error.type, message: error.msg, line: error.lineno, column: error.offset }));
    }
    this.emitChange();
  }

  private model(parser: Parser, tree: Node, source: string): TreeModel {
    return new TreeModel(parser, tree, source, { includeAttributes: this.includeAttributes, showEmpty: this.showEmpty });
  }

  /** Fires py-result; its `text` and `tree` are those of this moment, made when first read. */
  private emitChange(): void {
    const now = this.snapshot();
    const error = this.syntaxError;
    let text: string | undefined;
    let tree: JsonValue | null | undefined;
    const detail: AstResultDetail = {
      get text() {
        return (text ??= now.text());
      },
      get tree() {
        return tree === undefined ? (tree = now.tree()) : tree;
      },
      error: error ? syntaxErrorDetail(error) : null,
    };
    this.emitResult(detail);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('depth')) this.view.setDepth(this.validDepth());
    const parser = parserIfLoaded();
    if (!parser || changed.has('code') || changed.has('src')) return;
    // (The first update sets every property: the code isn't sourced yet, codeChanged parses it.)
    if (!this.hasUpdated) return;
    if (changed.has('mode') && this.mode !== changed.get('mode')) {
      this.schedule.cancel();
      this.pending = false;
      if (this.parseMode) this.parse(parser, this.source);
      return;
    }
    if ((changed.has('includeAttributes') || changed.has('showEmpty')) && this.parsed) {
      this.parsed.model = this.model(parser, this.parsed.tree, this.parsed.source);
      if (!this.syntaxError) this.view.setModel(this.parsed.model);
    }
    if (changed.has('includeAttributes') || changed.has('showEmpty') || changed.has('indent')) this.emitChange();
  }

  private validDepth(): number {
    return typeof this.depth === 'number' && Number.isInteger(this.depth) && this.depth >= 0 ? this.depth : Infinity;
  }

  protected override cursorMoved(at: Position): void {
    const parsed = this.parsed;
    this.pendingCursor = undefined;
    if (this.pending) this.pendingCursor = at;
    if (!parsed || this.syntaxError || parsed.source !== this.source) return;
    const byte = new LineColumns(parsed.source).toBytes(at[0], at[1]);
    this.view.revealAtCursor(parsed.model.innermostAt(at[0], byte));
  }

  /**
   * Until the parser chunk comes, keep about the tree's height (fitted on the demo's, the README's
   * and the tests' snippets, then rounded up by one item: a reservation a row short makes the page
   * jump as the tree comes): an open tree has some 1.7 items per token of the code, plus 7,
   * capped at --py-max-height. With `depth`, levels 1 to depth + 1 show: the module and its body,
   * then each further level adds one item, and about two per top-level statement (its fields,
   * then their values), until the whole tree shows.
   */
  protected override reservedOutputHeight(code: string): string {
    const tokens = code.match(TOKEN)?.length ?? 0;
    const all = Math.ceil(1.7 * tokens + 7);
    const levels = this.validDepth() + 1;
    const statements = Math.max(1, code.match(TOP_LEVEL_STATEMENT)?.length ?? 0);
    const items = levels <= 2 ? levels : Math.min(all, levels + statements * (2 * levels - 5));
    return `min(var(--_max-height), ${items} * var(--_code-font-size) * var(--_line-height) + var(--_space))`;
  }

  protected renderOutput(): TemplateResult {
    const parser = parserIfLoaded();
    return html`${this.syntaxError && parser
        ? html`<pre class="syntax-error" part="syntax-error" aria-label="SyntaxError, as CPython reports it">${parser.formatSyntaxError(
            this.syntaxError,
          )}</pre>`
        : nothing}${this.warnings.map(
        (w) => html`<p class="note warning" part="note">SyntaxWarning at line ${w.lineno}: ${w.message}</p>`,
      )}${this.view.render()}`;
  }
}

function syntaxErrorDetail(error: PySyntaxError): AstSyntaxErrorDetail {
  return {
    type: error.type,
    message: error.msg,
    line: error.lineno,
    column: error.offset,
    endLine: error.endLineno,
    endColumn: error.endOffset,
  };
}

// Loaded on its own, this file reads data-* settings from its own script tag.
configureFromScriptTag(import.meta.url);
defineElement('py-ast', PyAst);

declare global {
  interface HTMLElementTagNameMap {
    'py-ast': PyAst;
  }
}
