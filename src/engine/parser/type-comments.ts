// `# type:` comments as CPython's parser reads them with type_comments=True: a TYPE_COMMENT
// token's text, or a `# type: ignore...` tag for Module.type_ignores.

const TYPE_COMMENT_START = /^#[ \t]*type:[ \t]*/;
const TYPE_IGNORE = /^#[ \t]*type:[ \t]*ignore(?![A-Za-z0-9\u0080-\uffff])/;

/** What a comment is to the parser: a type comment (its text), an ignore (its tag), or neither. */
export function readTypeComment(text: string, alone: boolean): { comment: string } | { ignore: string } | null {
  const m = TYPE_COMMENT_START.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  // Alone on its line, an ignore comment takes the newline with it, into its tag.
  if (TYPE_IGNORE.test(text)) return { ignore: rest.slice(6) + (alone ? '\n' : '') };
  return { comment: rest };
}

/** A type comment (not an ignore): alone on its line, CPython's parser follows it with a NEWLINE. */
export const isTypeComment = (text: string): boolean => TYPE_COMMENT_START.test(text) && !TYPE_IGNORE.test(text);
