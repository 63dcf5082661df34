import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Position } from '../highlight.js';
import type { TreeItem, TreeModel } from './tree-model.js';

type Host = ReactiveControllerHost & HTMLElement;
type Span = { start: Position; end: Position } | undefined;

/**
 * Items rendered at once unless the reader asks for all: a window that follows the keyboard and
 * the cursor, so a long file's tree re-renders cheaply while the reader types.
 */
const ITEM_WINDOW = 400;

/**
 * The tree of `<py-ast>`, as the ARIA tree pattern has it: one tab stop (roving tabindex), arrows
 * to move, Right/Left to open/close or go to the first child/the parent, Home/End, Enter or Space
 * to open/close. The items are flat (`aria-level`, `aria-setsize`, `aria-posinset`), which lets
 * a long tree be rendered as a window.
 */
export class TreeView implements ReactiveController {
  private model: TreeModel | undefined;
  /** Levels open unless the reader toggled an item. */
  private depth = Infinity;
  /** The reader's own choices, by item key, so they survive re-parsing while typing. */
  private readonly toggled = new Map<string, boolean>();
  /** The item that takes Tab focus, by key. */
  private focusKey = '';
  /** The item under the pointer or the keyboard focus. */
  private active: number | undefined;
  /** The innermost node at the editor's cursor. */
  private atCursor: number | undefined;
  private windowStart = 0;
  private showAll = false;
  /** The tree is the last good one and the code no longer parses: shown dimmed, not linked. */
  private stale = false;

  constructor(
    private readonly host: Host,
    /** Lights up (or clears) the code an item stands for. */
    private readonly onPoint: (span: Span) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A new tree (after parsing): the reader's open/closed choices carry over by key. */
  setModel(model: TreeModel | undefined): void {
    this.model = model;
    this.stale = false;
    this.active = undefined;
    this.atCursor = undefined;
    this.host.requestUpdate();
  }

  /** The code stopped parsing: keep the last tree, dimmed. */
  markStale(): void {
    this.stale = true;
    this.active = undefined;
    this.atCursor = undefined;
    this.host.requestUpdate();
  }

  setDepth(depth: number): void {
    this.depth = depth;
    this.toggled.clear();
    this.host.requestUpdate();
  }

  get isStale(): boolean {
    return this.stale;
  }

  /** Opens the ancestors of `index`, marks it as the node at the cursor, and scrolls to it. */
  revealAtCursor(index: number | undefined): void {
    this.atCursor = index;
    if (index !== undefined) {
      for (const at of this.model!.ancestors(index)) this.toggled.set(this.item(at).key, true);
      this.bringIntoWindow(index);
      void this.host.updateComplete.then(() => this.row(index)?.scrollIntoView({ block: 'nearest' }));
    }
    this.host.requestUpdate();
  }

  private item(index: number): TreeItem {
    return this.model!.items[index]!;
  }

  private isOpen(index: number): boolean {
    const item = this.item(index);
    return this.toggled.get(item.key) ?? item.level <= this.depth;
  }

  private toggle(index: number, open = !this.isOpen(index)): void {
    this.toggled.set(this.item(index).key, open);
    this.host.requestUpdate();
  }

  private row(index: number): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>(`[role="treeitem"][data-index="${index}"]`);
  }

  private visibleRange(shown: readonly number[]): [number, number] {
    if (this.showAll || shown.length <= ITEM_WINDOW) return [0, shown.length];
    const start = Math.max(0, Math.min(this.windowStart, shown.length - ITEM_WINDOW));
    return [start, start + ITEM_WINDOW];
  }

  private bringIntoWindow(index: number): void {
    const shown = this.model!.visible((i) => this.isOpen(i));
    const position = shown.indexOf(index);
    const [start, end] = this.visibleRange(shown);
    if (position >= 0 && (position < start || position >= end)) this.windowStart = Math.max(0, position - ITEM_WINDOW / 2);
  }

  private point(index: number | undefined): void {
    this.active = index;
    this.onPoint(index === undefined || this.stale ? undefined : this.model?.items[index]?.span);
    this.host.requestUpdate();
  }

  private async moveFocus(index: number): Promise<void> {
    this.focusKey = this.item(index).key;
    this.bringIntoWindow(index);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.row(index)?.focus();
  }

  private onKey(event: KeyboardEvent, index: number, shown: readonly number[]): void {
    const item = this.item(index);
    const position = shown.indexOf(index);
    const open = item.branch && this.isOpen(index);
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = shown[Math.min(shown.length - 1, position + 1)];
        break;
      case 'ArrowUp':
        target = shown[Math.max(0, position - 1)];
        break;
      case 'PageDown':
        target = shown[Math.min(shown.length - 1, position + 10)];
        break;
      case 'PageUp':
        target = shown[Math.max(0, position - 10)];
        break;
      case 'Home':
        target = shown[0];
        break;
      case 'End':
        target = shown[shown.length - 1];
        break;
      case 'ArrowRight':
        if (!item.branch) return;
        if (open) target = this.model!.children(index)[0];
        else this.toggle(index, true);
        break;
      case 'ArrowLeft':
        if (open) this.toggle(index, false);
        else if (item.parent >= 0) target = item.parent;
        break;
      case 'Enter':
      case ' ':
        if (item.branch) this.toggle(index);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target !== undefined) void this.moveFocus(target);
  }

  render(): TemplateResult | typeof nothing {
    if (!this.model) return nothing;
    const shown = this.model.visible((i) => this.isOpen(i));
    const [start, end] = this.visibleRange(shown);
    const window = shown.slice(start, end);
    // Exactly one rendered item takes Tab focus.
    let focus = window.find((i) => this.item(i).key === this.focusKey);
    if (focus === undefined) {
      focus = window[0]!;
      this.focusKey = this.item(focus).key;
    }
    return html`${this.stale
        ? html`<p class="note stale-note" part="note">The code no longer parses: this is the tree of the last code that did.</p>`
        : nothing}
      <div
        class=${this.stale ? 'tree stale' : 'tree'}
        part="tree"
        role="tree"
        aria-label="Syntax tree, as ast.parse builds it"
        @mouseleave=${() => this.point(undefined)}
      >
        ${window.map((index) => this.renderItem(index, index === focus, shown))}
      </div>
      ${end - start < shown.length
        ? html`<p class="note more">
            Items ${start + 1}–${end} of ${shown.length} (the tree follows the cursor).
            <button type="button" part="button" @click=${() => (this.showAll = true, this.host.requestUpdate())}>Show all</button>
          </p>`
        : nothing}`;
  }

  private renderItem(index: number, focus: boolean, shown: readonly number[]): TemplateResult {
    const item = this.item(index);
    const parent = this.model!.items[item.parent];
    const branch = item.branch;
    const open = branch && this.isOpen(index);
    const classes = ['item', item.kind, this.active === index ? 'active' : '', this.atCursor === index ? 'at-cursor' : '']
      .filter(Boolean)
      .join(' ');
    return html`<div
      class=${classes}
      part="tree-item"
      role="treeitem"
      data-index=${index}
      data-key=${item.key}
      aria-level=${item.level}
      aria-setsize=${item.setsize}
      aria-posinset=${item.posinset}
      aria-expanded=${branch ? String(open) : nothing}
      aria-selected=${this.atCursor === index ? 'true' : 'false'}
      tabindex=${focus ? 0 : -1}
      style="--level: ${item.level - 1}"
      @mouseenter=${() => this.point(index)}
      @focus=${() => {
        this.focusKey = item.key;
        this.point(index);
      }}
      @click=${() => {
        this.focusKey = item.key;
        if (branch) this.toggle(index);
      }}
      @keydown=${(event: KeyboardEvent) => this.onKey(event, index, shown)}
    >
      <span class="twisty" aria-hidden="true">${branch ? (open ? '▾' : '▸') : ''}</span>${item.field !== undefined
        ? html`<span class="field">${item.field}</span><span class="punct">=</span>`
        : item.index !== undefined && parent?.kind === 'list'
          ? html`<span class="index">${item.index}</span><span class="punct">:</span> `
          : nothing}<span class=${`label ${item.kind}`}>${item.kind === 'node' && !branch ? `${item.label}()` : item.label}</span>
    </div>`;
  }
}
