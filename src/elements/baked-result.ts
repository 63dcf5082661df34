import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { settingsFor } from '../config.js';
import type { BakeResults, BakeTag } from '../engine/bake/format.js';
import { BAKE_SELECTOR, loadBakeFormat } from './result-parts.js';

/** Whether a node is an element's bake child (not part of its code). */
export function isBakeChild(node: Node): boolean {
  return node instanceof HTMLScriptElement && node.hasAttribute('data-pyinnards-baked');
}

/**
 * Whether a node is the bake's text for readers without JavaScript (`<noscript
 * data-pyinnards-baked-text>`, src/engine/bake/baked-text.ts): with scripts on, its markup is
 * one text node, and not part of the code either.
 */
export function isBakedText(node: Node): boolean {
  return node instanceof HTMLElement && node.localName === 'noscript' && node.hasAttribute('data-pyinnards-baked-text');
}

/**
 * Gives an engine element the result baked into it (README, "Baked results"), so its first
 * view needs no interpreter. The bake is handed out for every computation whose code and
 * attributes are the ones it was made for (an element may compute twice while it starts: its
 * first view and its code arriving), and only when it is exactly a bake of this version for
 * this tag, made by the CPython the element runs: anything else (stale, unknown, corrupt,
 * forged) is ignored and the element computes live. An edit or another attribute no longer
 * matches the key; Run (`goLive`) asks for a live result, so from then on none is handed out.
 *
 * The format module (and its validator) is a chunk loaded only when the element has a bake.
 */
export class BakedResultController<T extends BakeTag> implements ReactiveController {
  /** The reader asked for a live result (Run): the bake is done with. */
  private live = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly tag: T,
  ) {
    host.addController(this);
  }

  /** With a bake to check, fetch the checker while the element gets ready (it may be needed at once). */
  hostConnected(): void {
    if (this.available) void loadBakeFormat();
  }

  /** Whether the element has a bake it may still show (worth checking before it is seen: no interpreter). */
  get available(): boolean {
    return !this.live && this.host.querySelector(BAKE_SELECTOR) !== null;
  }

  /** From now on every result is live (the reader pressed Run). */
  goLive(): void {
    this.live = true;
  }

  /**
   * The baked result for `code` (the element's code now) and its attributes now; else undefined.
   * `unusable` says why the element can't use one now (it then computes live).
   */
  async take(code: string, unusable?: string): Promise<BakeResults[T] | undefined> {
    if (this.live) return undefined;
    const script = this.host.querySelector<HTMLScriptElement>(BAKE_SELECTOR);
    if (!script) return undefined;
    const ignore = (why: string) => {
      // For the page's developer; the reader sees the live result.
      console.info(`pyinnards: <${this.tag}> computes live: its baked result is ${why}.`);
      return undefined;
    };
    if (unusable) return ignore(unusable);
    if (settingsFor(this.host).settings.engine !== 'pyodide') return ignore('from CPython, and this element runs another engine');
    const { parseBake, bakeKey } = await loadBakeFormat();
    const parsed = parseBake(script.textContent ?? '');
    if (!parsed.ok) return ignore(`unreadable (${parsed.reason})`);
    if (parsed.bake.tag !== this.tag) return ignore(`for <${parsed.bake.tag}>`);
    const key = await bakeKey(this.tag, code, (name) => this.host.getAttribute(name));
    if (key !== parsed.bake.key) return ignore('stale (the code or an attribute changed after it was baked)');
    return parsed.bake.result as BakeResults[T];
  }
}
