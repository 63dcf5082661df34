import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onFirstView } from '../on-first-view.js';

/**
 * The schedule of an element that computes its output by itself (<py-dis>, <py-frames>): the
 * first time the element is on screen, then again when its code or a setting changes, after a
 * pause in typing (at once while nothing is shown yet). Nothing is computed off screen, so a
 * page full of widgets starts no interpreter until the reader gets to one.
 */
export class FirstViewDebounce implements ReactiveController {
  private seen = false;
  private stopWatching: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    /** Computes the output (called once per schedule, never while a previous call is pending here). */
    private readonly compute: () => void,
    /** How long typing must pause before computing again. */
    private readonly debounceMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = onFirstView(this.host, () => {
      this.seen = true;
      this.compute();
    });
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.cancel();
  }

  /**
   * Something the output depends on changed: compute again once typing pauses, or at once when
   * `shown` is false (no output yet, so there is nothing to keep steady). Off screen, the first
   * view computes it.
   */
  schedule(shown: boolean): void {
    this.cancel();
    if (this.seen) this.timer = setTimeout(this.compute, shown ? this.debounceMs : 0);
  }

  /** Drops a pending computation (one is starting now by other means, or the element left). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
