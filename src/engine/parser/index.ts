// Public API of the parser (`pyinnards/parser`): an exact TypeScript port of CPython 3.14's
// parser, giving the tree `ast.parse(source, filename, mode, type_comments=True)` gives.
export { parse, type ParseMode, type ParseOptions, type ParseWarning } from './parse.js';
export { dump, type DumpOptions } from './dump.js';
export { PySyntaxError, type SyntaxErrorClass } from './errors.js';
export { formatSyntaxError } from './format-error.js';
export { loadUnicodeNames, unicodeNamesLoaded } from './unicode-names.js';
export { CLASSES, childNodes, isNode, walk, type ClassInfo, type FieldValue, type LocatedNode, type Node } from './nodes.js';
export { ELLIPSIS, PyBytes, PyComplex, constantRepr, type PyConstant } from './constants.js';
export { AST_VERSION } from './ast-spec.js';
