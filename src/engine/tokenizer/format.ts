// The text `python -m tokenize [-e]` prints for each token.
import { ljust, pyRepr } from './py-repr.js';
import { tokName } from './token-types.js';
import type { Token } from './token.js';

/** One output line (without newline), as tokenize._main formats it. */
export function formatToken(token: Token, exact: boolean): string {
  const range = `${token.start[0]},${token.start[1]}-${token.end[0]},${token.end[1]}:`;
  const type = exact ? token.exactType : token.type;
  return ljust(range, 20) + ljust(tokName[type] ?? String(type), 15) + ljust(pyRepr(token.string), 15);
}

/** All tokens, one line each with a trailing newline: what `python -m tokenize` writes to stdout. */
export function formatTokens(tokens: readonly Token[], exact: boolean): string {
  let out = '';
  for (const t of tokens) out += formatToken(t, exact) + '\n';
  return out;
}
