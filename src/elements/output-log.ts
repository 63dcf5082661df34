/**
 * Program output as the widget keeps it: appended in batches, and capped so that a flood of
 * prints can't grow the page without bound. Like a terminal's scrollback it keeps the latest
 * text and remembers that earlier text was dropped, so the widget can say so.
 */
export class OutputLog {
  private chunks: string[] = [];
  private length = 0;
  /** Characters dropped from the start to stay under the cap. */
  dropped = 0;

  constructor(readonly maxChars = 200_000) {}

  append(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.length += text.length;
    if (this.length > this.maxChars * 1.5) this.compact();
  }

  get text(): string {
    this.compact();
    return this.chunks.join('');
  }

  get truncated(): boolean {
    return this.dropped > 0 || this.length > this.maxChars;
  }

  clear(): void {
    this.chunks = [];
    this.length = 0;
    this.dropped = 0;
  }

  private compact(): void {
    if (this.length <= this.maxChars) {
      if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
      return;
    }
    const all = this.chunks.join('');
    const cut = all.length - this.maxChars;
    this.dropped += cut;
    this.chunks = [all.slice(cut)];
    this.length = this.maxChars;
  }
}
