import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows PageUp and PageDown move by. */
const PAGE = 10;

/** What the controller needs to know about the host's rows. */
export interface RovingRows {
  /** The indices of the rows the keys move between, in order (at least the rendered ones). */
  rows(): readonly number[];
  /** The CSS selector of row `index` in the host's render root. */
  selector(index: number): string;
  /** Renders row `index` if it is not rendered now (a windowed list); the host updates after. */
  reveal?(index: number): void;
}

/**
 * Keyboard access to a list of rows as one Tab stop (the ARIA "roving tabindex"): exactly one
 * row has tabindex 0, the one focused last (the first row until then); ArrowUp/ArrowDown move
 * one row, PageUp/PageDown ten, Home/End to the ends. <py-tokenizer>'s token rows and
 * <py-dis>'s instruction rows use it, so the keys do the same everywhere.
 */
export class RovingTabindex implements ReactiveController {
  /** The row that takes Tab focus. */
  private current: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly list: RovingRows,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The row that gets tabindex 0 (the others get -1) among the rows rendered now, `first` to
   * `last`: the one focused last while it is there, else the first.
   */
  tabStop(first: number, last: number): number {
    return this.current !== undefined && this.current >= first && this.current <= last ? this.current : first;
  }

  /** Row `index` got the focus (by key, click or Tab): it is the Tab stop now. */
  focused(index: number): void {
    if (this.current === index) return;
    this.current = index;
    this.host.requestUpdate();
  }

  /** Handles a navigation key pressed on row `index`; returns whether it was one. */
  keydown(event: KeyboardEvent, index: number): boolean {
    const rows = this.list.rows();
    const here = rows.indexOf(index);
    if (here < 0 || !rows.length) return false;
    const moves: Record<string, number> = {
      ArrowDown: here + 1,
      ArrowUp: here - 1,
      PageDown: here + PAGE,
      PageUp: here - PAGE,
      Home: 0,
      End: rows.length - 1,
    };
    const move = moves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return false;
    event.preventDefault();
    void this.focus(rows[Math.max(0, Math.min(rows.length - 1, move))]!);
    return true;
  }

  /** Moves the focus to row `index`: at once when it is rendered, else once the host shows it. */
  async focus(index: number): Promise<void> {
    const find = () => this.host.renderRoot.querySelector<HTMLElement>(this.list.selector(index));
    let row = find();
    if (!row && this.list.reveal) {
      this.list.reveal(index);
      this.current = index;
      this.host.requestUpdate();
      await this.host.updateComplete;
      row = find();
    }
    row?.focus();
  }
}
