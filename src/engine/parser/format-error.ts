// "".join(traceback.format_exception_only(err)) for our SyntaxErrors (CPython 3.14, no colour).
import type { PySyntaxError } from './errors.js';

const isSpace = (c: string): boolean => /\s/u.test(c);

export function formatSyntaxError(e: PySyntaxError): string {
  let out = `  File "${e.filename || '<string>'}", line ${e.lineno}\n`;
  if (e.text === null) return out + `${e.type}: ${e.msg || '<no detail available>'}\n`;
  const rtext = e.text.replace(/\n+$/, '');
  const ltext = rtext.replace(/^[ \n\f]+/, '');
  const chars = [...ltext];
  const len = (s: string): number => [...s].length;
  const spaces = len(rtext) - chars.length;
  let offset = e.offset;
  let endOffset = e.lineno === e.endLineno ? (e.endOffset !== 0 ? e.endOffset : offset) : len(rtext) + 1;
  if (e.text && offset > len(e.text)) offset = len(rtext) + 1;
  if (e.text && endOffset > len(e.text)) endOffset = len(rtext) + 1;
  if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
  const colno = offset - 1 - spaces;
  const endColno = endOffset - 1 - spaces;
  out += `    ${ltext}\n`;
  if (colno >= 0) {
    const caretSpace = chars
      .slice(0, colno)
      .map((c) => (isSpace(c) ? c : ' '))
      .join('');
    out += `    ${caretSpace}${'^'.repeat(Math.max(0, endColno - colno))}\n`;
  }
  return out + `${e.type}: ${e.msg || '<no detail available>'}\n`;
}
