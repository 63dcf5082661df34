// The "Did you mean" choice of CPython 3.14 (Python/suggestions.c, _Py_CalculateSuggestions):
// the candidate closest to a name by a Levenshtein distance in which changing case costs 1 and
// every other edit 2, measured over UTF-8 bytes, within a third of the characters involved.

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

function distance(a0: Uint8Array, b0: Uint8Array, maxCost: number): number {
  let a = a0;
  let b = b0;
  if (a.length === b.length && a.every((x, i) => x === b[i])) return 0;
  // Trim away common affixes.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.subarray(pre);
  b = b.subarray(pre);
  let post = 0;
  while (post < a.length && post < b.length && a[a.length - 1 - post] === b[b.length - 1 - post]) post++;
  a = a.subarray(0, a.length - post);
  b = b.subarray(0, b.length - post);
  if (!a.length || !b.length) return MOVE_COST * (a.length + b.length);
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  // Prefer the shorter buffer.
  if (b.length < a.length) [a, b] = [b, a];
  // Quick fail when a match is impossible.
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row = Array.from({ length: a.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const bc = b[bi] as number;
    let dist = (result = bi * MOVE_COST);
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < a.length; i++) {
      const substitute = dist + substitutionCost(bc, a[i] as number);
      dist = row[i] as number;
      const insertDelete = Math.min(result, dist) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

const encoder = new TextEncoder();

/** The suggestion for `name` among `candidates`, or null (CPython's NULL). */
export function suggestName(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = encoder.encode(name);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = encoder.encode(item);
    const maxDistance = Math.min(Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = distance(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}
