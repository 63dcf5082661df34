/**
 * Removes the indentation that HTML authors add around code: leading and trailing blank lines,
 * then the longest whitespace prefix common to every non-blank line. Tabs and spaces are
 * compared literally (as `textwrap.dedent` does), so mixed indentation is left as written.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  let prefix: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (prefix === undefined) {
      prefix = indent;
      continue;
    }
    let common = 0;
    while (common < prefix.length && common < indent.length && prefix[common] === indent[common]) common++;
    prefix = prefix.slice(0, common);
  }
  const cut = prefix?.length ?? 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(cut))).join('\n');
}
