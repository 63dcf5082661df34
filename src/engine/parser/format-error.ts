// "".join(traceback.format_exception_only(err)) for our SyntaxErrors (CPython 3.14, no colour),
// with the keyword hint traceback adds ("Did you mean 'and'?", keyword-typos.ts).
import type { PySyntaxError } from './errors.js';
import { findKeywordTypo } from './keyword-typos.js';
import type { ParseWarning } from './parse.js';

const isSpace = (c: string): boolean => /\s/u.test(c);
const len = (s: string): number => [...s].length;

/** The hint costs a few parses: an error shown again (each render of <py-ast>) reuses its text. */
const formatted = new WeakMap<PySyntaxError, string>();

/**
 * `onWarning` hears the SyntaxWarnings traceback's search for a keyword hint causes (compiling
 * corrected lines as a file named "<input>"), for a caller printing stderr as CPython does.
 */
export function formatSyntaxError(e: PySyntaxError, onWarning?: (w: ParseWarning) => void): string {
  if (onWarning) return format(e, onWarning);
  let text = formatted.get(e);
  if (text === undefined) formatted.set(e, (text = format(e)));
  return text;
}

function format(e: PySyntaxError, onWarning?: (w: ParseWarning) => void): string {
  let out = '';
  let suffix = '';
  if (e.lineno !== null) out += `  File "${e.filename || '<string>'}", line ${e.lineno}\n`;
  else if (e.filename !== null) suffix = ` (${e.filename})`;
  let msg = e.msg;
  if (e.text !== null) {
    // The File line is out before traceback looks for a typo; the rest uses what it found.
    const typo = findKeywordTypo(e, onWarning);
    const { lineno, endLineno, offset: at, endOffset: endAt } = typo ?? e;
    const text = typo ? typo.text : e.text;
    if (typo) msg = typo.msg;
    const rtext = text.replace(/\n+$/, '');
    const ltext = rtext.replace(/^[ \n\f]+/, '');
    if (at === null) {
      out += `    ${ltext}\n`;
    } else {
      const chars = [...ltext];
      const spaces = len(rtext) - chars.length;
      let offset = at;
      let endOffset = lineno === endLineno ? (endAt !== null && endAt !== 0 ? endAt : offset) : len(rtext) + 1;
      if (text && offset > len(text)) offset = len(rtext) + 1;
      if (text && endOffset > len(text)) endOffset = len(rtext) + 1;
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
    }
  }
  return out + `${e.type}: ${msg || '<no detail available>'}${suffix}\n`;
}
