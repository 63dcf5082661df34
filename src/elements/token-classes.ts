// TEMPORARY until the tokenizer lands (replaced before commit).
export type HighlightClass = 'keyword' | 'name' | 'string' | 'number' | 'comment' | 'operator' | 'error';
export interface HighlightSpan { start: [number, number]; end: [number, number]; cls: HighlightClass }
export function highlightClasses(code: string): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  code.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\w+|"[^"]*"|#.*|[^\s\w]/g)) {
      const t = m[0];
      const cls: HighlightClass = t.startsWith('#') ? 'comment' : t.startsWith('"') ? 'string' : /^\d/.test(t) ? 'number' : /^\w/.test(t) ? (['def','class','return','if'].includes(t) ? 'keyword' : 'name') : 'operator';
      out.push({ start: [i + 1, m.index!], end: [i + 1, m.index! + t.length], cls });
    }
  });
  return out;
}
