// What the console has shown, as a terminal would: the banner, each input with its `>>> ` and
// `... ` prompts, and what Python printed. Kept as typed pieces (so the page can colour them),
// capped like a terminal's scrollback.

export type PieceKind =
  /** The banner: Python's version and the backend. */
  | 'banner'
  /** An input, as typed: its lines follow the prompts. */
  | 'input'
  | 'stdout'
  | 'stderr'
  /** What the reader answered to input(), echoed as a terminal echoes typing. */
  | 'answer'
  /** A message from the widget, not from Python (the interpreter restarted, Skulpt can't...). */
  | 'note';

export interface Piece {
  kind: PieceKind;
  text: string;
}

export const PS1 = '>>> ';
export const PS2 = '... ';

/** An input's lines with their prompts, as the terminal shows them. */
export function withPrompts(input: string): string {
  return input
    .split('\n')
    .map((line, i) => `${i === 0 ? PS1 : PS2}${line}\n`)
    .join('');
}

export class Transcript {
  private items: Piece[] = [];
  private length = 0;
  /** Characters dropped from the start to stay under the cap. */
  dropped = 0;

  constructor(private readonly maxChars = 200_000) {}

  get pieces(): readonly Piece[] {
    return this.items;
  }

  /** Everything shown, as plain text (prompts included). */
  get text(): string {
    return this.items.map((piece) => piece.text).join('');
  }

  append(kind: PieceKind, text: string): void {
    if (!text) return;
    const last = this.items.at(-1);
    // Output arrives in batches; one piece per stretch of the same kind keeps rendering cheap.
    if (last && last.kind === kind && kind !== 'input') last.text += text;
    else this.items.push({ kind, text });
    this.length += text.length;
    this.trim();
  }

  /** Takes back `piece` (an input shown too early: it turned out incomplete); false if it is gone. */
  remove(piece: Piece): boolean {
    const index = this.items.indexOf(piece);
    if (index === -1) return false;
    this.items.splice(index, 1);
    this.length -= piece.text.length;
    return true;
  }

  /** Shows what a console showed before (a baked transcript), in place of what it holds. */
  restore(pieces: readonly Piece[], dropped: number): void {
    this.clear();
    // Copies: the pieces are the transcript's own from now on.
    this.items = pieces.filter((piece) => piece.text !== '').map((piece) => ({ kind: piece.kind, text: piece.text }));
    this.length = this.items.reduce((sum, piece) => sum + piece.text.length, 0);
    this.dropped = dropped;
    this.trim();
  }

  clear(): void {
    this.items = [];
    this.length = 0;
    this.dropped = 0;
  }

  private trim(): void {
    while (this.length > this.maxChars && this.items.length > 1) {
      const first = this.items[0]!;
      const excess = this.length - this.maxChars;
      if (first.text.length <= excess) {
        this.items.shift();
        this.length -= first.text.length;
        this.dropped += first.text.length;
      } else {
        first.text = first.text.slice(excess);
        this.length -= excess;
        this.dropped += excess;
      }
    }
  }
}
