/**
 * How long the main thread was kept busy during an operation, measured in every browser.
 * Chromium reports long tasks itself ('longtask' performance entries); Firefox and WebKit have no
 * such entries, so an observer there would see nothing and a check built on it could never fail.
 * Everywhere, a heartbeat (a timer that re-arms itself every few milliseconds) measures the
 * largest gaps between its beats: a task that holds the main thread delays the next beat by as
 * long as it runs.
 */
export interface MainThreadWatch {
  /** Stops watching. `longTasks` are the browser's own entries (Chromium) or, where there are
   * none to be had, the heartbeat's late beats; `longestGap` is the heartbeat's longest delay. */
  stop(): { longTasks: number[]; longestGap: number; measure: 'longtask' | 'heartbeat' };
}

const BEAT_MS = 10;
/**
 * A late beat counts as a long task past 100 ms, not 50: a timer's lateness also holds the
 * browser's timer scheduling (WebKit's stop test measured 62 ms on a quiet machine), so a
 * heartbeat can't tell a 50 ms task from jitter. 100 ms is the bound a reader feels (RAIL: a
 * response within 100 ms); Chromium's own entries keep the 50 ms long-task bound.
 */
export const HEARTBEAT_LATE_MS = 100;

/** Whether this browser reports 'longtask' entries. */
export const reportsLongTasks = (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');

/** Starts watching the main thread; durations are in milliseconds. */
export function watchMainThread(): MainThreadWatch {
  const entries: number[] = [];
  let observer: PerformanceObserver | undefined;
  if (reportsLongTasks) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) entries.push(Math.round(entry.duration));
    });
    observer.observe({ type: 'longtask', buffered: false });
  }
  const late: number[] = [];
  let longestGap = 0;
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const beat = () => {
    const now = performance.now();
    // The delay beyond the beat's own interval is time the main thread spent on something else.
    const gap = Math.round(now - last - BEAT_MS);
    if (gap > longestGap) longestGap = gap;
    if (gap > HEARTBEAT_LATE_MS) late.push(gap);
    last = now;
    timer = setTimeout(beat, BEAT_MS);
  };
  timer = setTimeout(beat, BEAT_MS);
  return {
    stop() {
      observer?.disconnect();
      clearTimeout(timer);
      beat();
      clearTimeout(timer);
      return reportsLongTasks
        ? { longTasks: entries, longestGap, measure: 'longtask' }
        : { longTasks: late, longestGap, measure: 'heartbeat' };
    },
  };
}
