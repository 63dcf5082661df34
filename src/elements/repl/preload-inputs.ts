// The element's code, cut into the inputs a reader would type at the prompt for it: one per
// top-level statement (a block with its clauses and decorators), one per comment line between
// them; blank lines dropped. Each runs as the console runs a typed input.
import type { Token } from '../../engine/tokenizer/index.js';

interface TokenizerParts {
  tokenizeSafe(source: string): { tokens: Token[]; error?: unknown };
  tokName: Readonly<Record<number, string>>;
}

/** Clauses that continue the statement above them. */
const CONTINUES = new Set(['else', 'elif', 'except', 'finally']);

export function preloadInputs(code: string, { tokenizeSafe, tokName }: TokenizerParts): string[] {
  const lines = code.split('\n');
  const { tokens, error } = tokenizeSafe(code + '\n');
  // Code that doesn't tokenize is sent whole: the console shows its error.
  if (error) return code.trim() ? [code] : [];
  const starts: number[] = [];
  let depth = 0;
  let atLineStart = true;
  let afterDecorator = false;
  for (const token of tokens) {
    const type = tokName[token.type];
    if (type === 'INDENT') depth++;
    else if (type === 'DEDENT') depth--;
    else if (type === 'NEWLINE') atLineStart = true;
    // (An indented comment before a block's first line comes before its INDENT: not one.)
    else if (type === 'COMMENT' && depth === 0 && atLineStart && token.start[1] === 0) starts.push(token.start[0]);
    else if (type !== 'NL' && type !== 'COMMENT' && type !== 'ENDMARKER' && atLineStart) {
      atLineStart = false;
      if (depth !== 0) continue;
      const continues = afterDecorator || (type === 'NAME' && CONTINUES.has(token.string));
      afterDecorator = token.string === '@';
      if (!continues) starts.push(token.start[0]);
    }
  }
  return starts.map((start, i) => {
    const chunk = lines.slice(start - 1, (starts[i + 1] ?? lines.length + 1) - 1);
    while (chunk.length && chunk.at(-1)!.trim() === '') chunk.pop();
    return chunk.join('\n');
  });
}
