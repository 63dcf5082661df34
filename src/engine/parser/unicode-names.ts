// `\N{...}` in a str literal: the character a name stands for, as CPython 3.14 looks it up
// (unicodedata's _getcode for the unicode-escape decoder): Hangul syllables and CJK unified
// ideographs by rule, both spelled exactly; every other name and alias from the table,
// whatever the case of its letters; named sequences never. The table (unicode-names-data.ts,
// written from CPython by scripts/parser/generate-unicode-names.ts, about 100 KB gzipped) is not
// part of the parser: `loadUnicodeNames()` brings it, and until then a \N{...} escape raises a
// SyntaxError that says so.

export const HANGUL_PREFIX = 'HANGUL SYLLABLE ';
export const UNIFIED_PREFIX = 'CJK UNIFIED IDEOGRAPH-';
/** How the table writes the length of the prefix a name shares with the one before it. */
export const FRONT_BASE = 0x30;
export const FRONT_MAX = 70;

export interface UnicodeNameData {
  readonly names: string;
  readonly aliases: string;
  readonly hexNamed: ReadonlyArray<readonly [string, readonly number[]]>;
  readonly unified: readonly number[];
  readonly jamo: readonly [readonly string[], readonly string[], readonly string[]];
}

interface Table {
  /** Upper-cased names and aliases to code points. */
  byName: Map<string, number>;
  /** Names that are a prefix and the code point in hex, by prefix: their code point ranges. */
  hexNamed: Map<string, readonly number[]>;
  unified: readonly number[];
  jamo: UnicodeNameData['jamo'];
}

let table: Table | null = null;
let loading: Promise<void> | undefined;

/** Whether \N{...} names can be looked up (the table has been given or loaded). */
export function unicodeNamesLoaded(): boolean {
  return table !== null;
}

/** Takes the table (the Node CLI imports it directly); `loadUnicodeNames` does it for a page. */
export function useUnicodeNames(data: UnicodeNameData): void {
  if (table) return;
  const byName = new Map<string, number>();
  let code = -1;
  let prev = '';
  for (const entry of data.names.split('|')) {
    let at = 0;
    if (entry[0] === '!') {
      at = entry.indexOf(' ');
      code += parseInt(entry.slice(1, at), 36);
      at++;
    }
    code++;
    prev = prev.slice(0, entry.charCodeAt(at) - FRONT_BASE) + entry.slice(at + 1);
    byName.set(prev, code);
  }
  for (const alias of data.aliases.split(',')) {
    const colon = alias.lastIndexOf(':');
    byName.set(alias.slice(0, colon), parseInt(alias.slice(colon + 1), 36));
  }
  table = { byName, hexNamed: new Map(data.hexNamed), unified: data.unified, jamo: data.jamo };
}

/**
 * Loads the name table (its own chunk), after which `parse` resolves \N{...} escapes. The
 * parser stays synchronous: a caller whose source holds `\N{` awaits this first.
 */
export function loadUnicodeNames(): Promise<void> {
  loading ??= import('./unicode-names-data.js').then((module) => useUnicodeNames(module.UNICODE_NAMES));
  return loading;
}

const inRanges = (ranges: readonly number[], c: number): boolean => {
  for (let i = 0; i < ranges.length; i += 2) if (c >= (ranges[i] as number) && c <= (ranges[i + 1] as number)) return true;
  return false;
};

/** The longest of `names` that `s` starts with at `at` (the empty one counts), as find_syllable. */
function syllablePart(s: string, at: number, names: readonly string[]): [index: number, length: number] {
  let best = -1;
  let length = -1;
  names.forEach((name, i) => {
    if (name.length > length && s.startsWith(name, at)) {
      best = i;
      length = name.length;
    }
  });
  return [best, Math.max(length, 0)];
}

/** The code point `name` stands for in a \N{...} escape, or null for CPython's "unknown Unicode character name". */
export function lookupUnicodeName(name: string): number | null {
  const t = table;
  if (!t) throw new Error('the Unicode name table is not loaded');
  if (name.startsWith(HANGUL_PREFIX)) {
    const [jl, jv, jt] = t.jamo;
    let at = HANGUL_PREFIX.length;
    const [l, ll] = syllablePart(name, at, jl);
    at += ll;
    const [v, vl] = syllablePart(name, at, jv);
    at += vl;
    const [tt, tl] = syllablePart(name, at, jt);
    at += tl;
    if (l < 0 || v < 0 || tt < 0 || at !== name.length) return null;
    return 0xac00 + (l * jv.length + v) * jt.length + tt;
  }
  if (name.startsWith(UNIFIED_PREFIX)) {
    const hex = name.slice(UNIFIED_PREFIX.length);
    if (!/^[0-9A-F]{4,5}$/.test(hex)) return null;
    const c = parseInt(hex, 16);
    return inRanges(t.unified, c) ? c : null;
  }
  // The table's names compare with ASCII letters upper-cased (Unicode names are ASCII).
  const upper = name.replace(/[a-z]+/g, (s) => s.toUpperCase());
  const found = t.byName.get(upper);
  if (found !== undefined) return found;
  const dash = upper.lastIndexOf('-');
  const ranges = dash > 0 ? t.hexNamed.get(upper.slice(0, dash)) : undefined;
  if (ranges) {
    const hex = upper.slice(dash + 1);
    const c = /^[0-9A-F]{4,6}$/.test(hex) ? parseInt(hex, 16) : -1;
    if (c >= 0 && hex === c.toString(16).toUpperCase().padStart(4, '0') && inRanges(ranges, c)) return c;
  }
  return null;
}
