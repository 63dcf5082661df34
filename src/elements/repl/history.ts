// The console's input history: each entry a whole input (several lines for a block), walked
// with Up and Down as CPython's console does. Kept for the page's lifetime, and in
// sessionStorage so a reload of the tab keeps it.

/** At most this many entries are kept. */
const LIMIT = 500;

export class History {
  private entries: string[];
  /** Where Up/Down are: entries.length means "the input being written" (the draft). */
  private position: number;
  private draft = '';

  /** `storageKey`: where sessionStorage keeps the entries; undefined keeps them in memory only. */
  constructor(private readonly storageKey: string | undefined) {
    this.entries = this.load();
    this.position = this.entries.length;
  }

  get all(): readonly string[] {
    return this.entries;
  }

  /** Records an input that ran (not blank ones, nor a repeat of the last). */
  add(input: string): void {
    if (input.trim() !== '' && this.entries.at(-1) !== input) {
      this.entries.push(input);
      if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT);
      this.save();
    }
    this.position = this.entries.length;
    this.draft = '';
  }

  /** The entry before the one shown (`current` is what the prompt holds now), or undefined at the oldest. */
  previous(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    this.position--;
    return this.entries[this.position];
  }

  /** The entry after the one shown, the draft after the newest, or undefined past it. */
  next(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }

  private load(): string[] {
    if (this.storageKey === undefined) return [];
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]') as unknown;
      return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
    } catch {
      // Storage may be unavailable (privacy settings, sandboxed frames): keep the page's history only.
      return [];
    }
  }

  private save(): void {
    if (this.storageKey === undefined) return;
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify(this.entries));
    } catch {
      // Full or unavailable: the history stays in memory.
    }
  }
}

/**
 * Where the element's history is kept in sessionStorage: by its id when it has one, else by
 * its session name and its position among the page's <py-repl> elements. (Undefined keeps it in
 * memory only: an element outside the document's tree, e.g. in another shadow root.)
 */
export function historyKey(element: HTMLElement, session: string | undefined): string | undefined {
  const page = `pyinnards:repl-history:${location.pathname}`;
  if (element.id) return `${page}#${element.id}`;
  const position = Array.from(document.querySelectorAll('py-repl')).indexOf(element as never);
  if (position < 0) return undefined;
  return `${page}:${session !== undefined ? `session=${session}:` : ''}${position}`;
}
