import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onFirstView } from '../on-first-view.js';

/**
 * The schedule of an element that computes its output by itself (<py-dis>, <py-frames>): the
 * first time the element is on screen, then again when its code or a setting changes, after a
 * pause in typing (at once while nothing is shown yet). Nothing is computed off screen, so a
 * page full of widgets starts no interpreter until the reader gets to one.
 *
 * `early` may say that the output is cheap to show now (a baked result: no interpreter): the
 * element then computes as soon as its code is there, as <py-tokenizer> does, rather than a
 * frame later when it is first seen; if that shows nothing, `inView` holds the rest back.
 */
export class FirstViewDebounce implements ReactiveController {
  private seen = false;
  /** Whether this connection computed before the first view (`early`). */
  private ahead = false;
  private stopWatching: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts schedules and cancels: a queued computation runs only if it is still the latest. */
  private pending = 0;
  private markInView!: () => void;
  /** Resolves the first time the element is on screen. */
  readonly inView = new Promise<void>((resolve) => (this.markInView = resolve));

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    /** Computes the output (called once per schedule, never while a previous call is pending here). */
    private readonly compute: () => void,
    /** How long typing must pause before computing again. */
    private readonly debounceMs: number,
    private readonly early?: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // (Called before the element sources its code: the code's arrival schedules the computation.)
    this.ahead = !this.seen && (this.early?.() ?? false);
    if (this.ahead) this.seen = true;
    this.stopWatching = onFirstView(this.host, () => {
      this.markInView();
      this.seen = true;
      if (!this.ahead) this.compute();
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
    if (!this.seen) return;
    if (shown) {
      this.timer = setTimeout(this.compute, this.debounceMs);
      return;
    }
    // At once, yet once for all the changes of this task (code and attributes arriving together):
    // a microtask, not a timer, which the browser may run only after it has painted a frame or
    // two (a baked result would show that much later than a <py-tokenizer> beside it).
    const pending = ++this.pending;
    queueMicrotask(() => {
      if (pending === this.pending) this.compute();
    });
  }

  /** Drops a pending computation (one is starting now by other means, or the element left). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending++;
  }
}
