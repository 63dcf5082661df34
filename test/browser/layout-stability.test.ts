// The demo must not jump while it is read: each widget takes, before it renders, the space it will
// take once its output is there. Read like a reader would: open the page, then scroll down one
// screen at a time, waiting at each stop for the widgets in view to finish (tokens, bytecode,
// recordings). Chromium reports layout shifts itself ('layout-shift' entries, the CLS of web
// vitals); Firefox and WebKit have none, so everywhere the test also measures what moved on the
// screen between the moment a widget appeared and the moment it finished (the same score: the
// share of the screen that moved times how far, summed).
// Needs the built kit (`npm run build`): the demo loads dist/ from the kit's "CDN", as `npm start` does.
import { assert } from 'chai';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, until } from './support/dom.js';

type Widget = HTMLElement & { text?: string };

interface Demo {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  document: Document;
  /** Chromium's layout-shift entries (none elsewhere). */
  shifts: { value: number; startTime: number }[];
  reportsShifts: boolean;
}

const TAGS = 'py-tokenizer, py-ast, py-dis, py-frames, py-repl';

async function openDemo(width: number): Promise<Demo> {
  const frame = document.createElement('iframe');
  // Fixed over the test page: the whole frame is in the browser's viewport, so the widgets' "in
  // view" observers see what a reader would.
  frame.style.cssText = `position: fixed; top: 0; left: 0; width: ${width}px; height: min(900px, 100vh); border: 0; background: white; z-index: 1`;
  frame.src = '/__demo/';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const view = frame.contentWindow as Window & typeof globalThis;
  const shifts: Demo['shifts'] = [];
  const reportsShifts = (view.PerformanceObserver.supportedEntryTypes ?? []).includes('layout-shift');
  if (reportsShifts) {
    // Buffered: the shifts since the frame's document started, before this observer existed.
    new view.PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, startTime: entry.startTime });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }
  return { frame, window: view, document: frame.contentDocument!, shifts, reportsShifts };
}

/** Whether a widget shows its finished output (a console is finished once it is drawn). */
function finished(widget: Widget): boolean {
  if (!widget.shadowRoot) return false;
  if (widget.localName === 'py-repl') return widget.shadowRoot.querySelector('[part~="console"]') !== null;
  return (widget.text ?? '') !== '' || widget.shadowRoot.querySelector('[part="error"]') !== null;
}

function inView(demo: Demo, element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < demo.window.innerHeight;
}

/** The text blocks on screen, with where they are now. */
function onScreen(demo: Demo): Map<Element, DOMRect> {
  const blocks = new Map<Element, DOMRect>();
  for (const block of demo.document.querySelectorAll(`h1, h2, h3, p, ${TAGS}`)) {
    if (inView(demo, block)) blocks.set(block, block.getBoundingClientRect());
  }
  return blocks;
}

/**
 * Layout shift's score for what moved between two looks at the screen (no scrolling between), as
 * the Layout Instability spec counts it: the share of the screen covered by the moved blocks, where
 * they were and where they are, times the longest move over the screen's larger side.
 */
function movedScore(demo: Demo, before: Map<Element, DOMRect>): number {
  const width = demo.window.innerWidth;
  const height = demo.window.innerHeight;
  const spans: [number, number][] = [];
  let distance = 0;
  for (const [block, was] of before) {
    const now = block.getBoundingClientRect();
    const moved = Math.max(Math.abs(now.top - was.top), Math.abs(now.left - was.left));
    if (moved < 1) continue;
    const top = Math.max(0, Math.min(was.top, now.top));
    const bottom = Math.min(height, Math.max(was.bottom, now.bottom));
    if (bottom > top) spans.push([top, bottom]);
    distance = Math.max(distance, moved);
  }
  // The union of the moved blocks' bands (each block is as wide as the text column or less).
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = 0;
  for (const [top, bottom] of spans) {
    if (bottom <= end) continue;
    covered += bottom - Math.max(top, end);
    end = bottom;
  }
  const column = Math.min(width, demo.document.querySelector('article')!.getBoundingClientRect().width);
  return Math.min(1, (covered * column) / (width * height)) * Math.min(1, distance / Math.max(width, height));
}

/** CLS as web vitals counts it: the worst burst of shifts (less than 1 s apart, at most 5 s). */
function sessionWindowMax(entries: { value: number; startTime: number }[]): number {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { value, startTime } of entries) {
    if (startTime - last > 1000 || startTime - first > 5000) {
      current = 0;
      first = startTime;
    }
    current += value;
    last = startTime;
    worst = Math.max(worst, current);
  }
  return worst;
}

async function readDemo(width: number): Promise<{ layoutShift: number | undefined; moved: number; heights: number[] }> {
  const demo = await openDemo(width);
  try {
    const widgets = [...demo.document.querySelectorAll<Widget>(TAGS)];
    // The widgets replace the page's own code blocks once the script has come (after the first
    // paint here, as on a slow network): that one move, at load, is measured apart (the README
    // says it). From the moment they are up, nothing may jump.
    await Promise.all([...new Set(widgets.map((widget) => widget.localName))].map((tag) => demo.window.customElements.whenDefined(tag)));
    await until(() => widgets.every((widget) => widget.shadowRoot?.querySelector('[part="toolbar"]')), 'every widget drawn');
    await new Promise((resolve) => demo.window.requestAnimationFrame(() => demo.window.requestAnimationFrame(resolve)));
    const up = demo.window.performance.now();
    let moved = 0;
    const heights: number[] = [];
    const growth: string[] = [];
    const scroller = demo.document.scrollingElement!;
    for (let top = 0; ; top += demo.window.innerHeight * 0.8) {
      demo.window.scrollTo(0, top);
      const visible = widgets.filter((widget) => inView(demo, widget));
      const before = onScreen(demo);
      heights.push(scroller.scrollHeight);
      const started = visible.map((widget) => Math.round(widget.getBoundingClientRect().height));
      await until(() => visible.every(finished), `the widgets on screen at ${Math.round(top)} px`, PYTHON_STARTS_WITHIN);
      growth.push(...visible.map((widget, index) => `${widget.localName}#${widgets.indexOf(widget)} ${started[index]}→${Math.round(widget.getBoundingClientRect().height)}`));
      // Two frames for the last render to reach the screen.
      await new Promise((resolve) => demo.window.requestAnimationFrame(() => demo.window.requestAnimationFrame(resolve)));
      moved += movedScore(demo, before);
      if (top + demo.window.innerHeight >= scroller.scrollHeight) break;
    }
    // The observer's callback runs after the last frame: give it a turn.
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(`demo at ${width} px, widget heights (when on screen → finished): ${growth.join(', ')}`);
    const atLoad = demo.reportsShifts ? sessionWindowMax(demo.shifts.filter((shift) => shift.startTime < up)) : undefined;
    console.log(`demo at ${width} px: layout shift when the widgets replace the code blocks at load: ${atLoad?.toFixed(3) ?? '(not reported by this browser)'}`);
    return { layoutShift: demo.reportsShifts ? sessionWindowMax(demo.shifts.filter((shift) => shift.startTime >= up)) : undefined, moved, heights };
  } finally {
    demo.frame.remove();
  }
}

describe('the demo does not jump while it is read', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  for (const width of [1280, 375]) {
    it(`at ${width} px: once the widgets are up, layout shift of at most 0.05`, async () => {
      const { layoutShift, moved, heights } = await readDemo(width);
      console.log(`demo at ${width} px, once the widgets are up: layout shift ${layoutShift?.toFixed(3) ?? '(not reported by this browser)'}, moved on screen ${moved.toFixed(3)}, page height ${heights.join(' → ')} px`);
      assert.isAtMost(moved, 0.05, 'what moved on screen while the widgets in view finished');
      if (layoutShift !== undefined) assert.isAtMost(layoutShift, 0.05, "the browser's own layout-shift score (CLS)");
    });
  }
});
