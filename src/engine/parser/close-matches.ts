// difflib.get_close_matches of CPython 3.14, for strings: the SequenceMatcher ratio of each
// possibility against the word, the best `n` of those at least `cutoff`. traceback uses it to
// find the keywords a misspelled name may stand for (keyword-typos.ts). Strings are compared as
// code points, as Python compares them.

/** SequenceMatcher(None, a, b).ratio() with b's index built once (b is the word). */
class Matcher {
  private readonly b2j = new Map<string, number[]>();

  constructor(private readonly b: readonly string[]) {
    b.forEach((ch, j) => {
      const list = this.b2j.get(ch);
      if (list) list.push(j);
      else this.b2j.set(ch, [j]);
    });
    // autojunk: in a long word (200+), characters making up more than 1% of it are "popular"
    // and left out of the index.
    if (b.length >= 200) {
      const ntest = Math.floor(b.length / 100) + 1;
      for (const [ch, list] of [...this.b2j]) if (list.length > ntest) this.b2j.delete(ch);
    }
  }

  private longest(a: readonly string[], alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    const b = this.b;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of this.b2j.get(a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    // Extend over equal elements the index left out (popular ones); there is no other junk.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }

  /** The number of matching characters (the sizes of get_matching_blocks added up). */
  private matches(a: readonly string[]): number {
    let total = 0;
    const queue: Array<[number, number, number, number]> = [[0, a.length, 0, this.b.length]];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
      const [i, j, k] = this.longest(a, alo, ahi, blo, bhi);
      if (k) {
        total += k;
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    return total;
  }

  ratio(a: readonly string[]): number {
    const length = a.length + this.b.length;
    return length ? (2.0 * this.matches(a)) / length : 1.0;
  }
}

/** Orders strings by code point, as Python compares str (JavaScript's < compares UTF-16 units). */
export const compareCodePoints = (x: string, y: string): number => {
  const a = [...x];
  const b = [...y];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as string).codePointAt(0)! - (b[i] as string).codePointAt(0)!;
    if (d) return d;
  }
  return a.length - b.length;
};

export function closeMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const matcher = new Matcher([...word]);
  const scored: Array<[number, string]> = [];
  for (const x of possibilities) {
    // real_quick_ratio and quick_ratio only bound ratio from above: ratio alone decides.
    const score = matcher.ratio([...x]);
    if (score >= cutoff) scored.push([score, x]);
  }
  // heapq.nlargest on (score, x): ties go to the greater string.
  scored.sort((p, q) => q[0] - p[0] || compareCodePoints(q[1], p[1]));
  return scored.slice(0, n).map(([, x]) => x);
}
