// Token type numbers and names, exactly as CPython 3.14's `token` module defines them.
// The named constants are spelled out so the lexer can switch on them cheaply; the test
// token-types.test.ts checks every one against CPython, and the tables come from the generated
// cpython-data.ts.
import { EXACT_TOKEN_TABLE, TOKEN_NAME_TABLE } from './cpython-data.js';

export const ENDMARKER = 0;
export const NAME = 1;
export const NUMBER = 2;
export const STRING = 3;
export const NEWLINE = 4;
export const INDENT = 5;
export const DEDENT = 6;
export const LPAR = 7;
export const RPAR = 8;
export const LSQB = 9;
export const RSQB = 10;
export const COLON = 11;
export const COMMA = 12;
export const SEMI = 13;
export const PLUS = 14;
export const MINUS = 15;
export const STAR = 16;
export const SLASH = 17;
export const VBAR = 18;
export const AMPER = 19;
export const LESS = 20;
export const GREATER = 21;
export const EQUAL = 22;
export const DOT = 23;
export const PERCENT = 24;
export const LBRACE = 25;
export const RBRACE = 26;
export const EQEQUAL = 27;
export const NOTEQUAL = 28;
export const LESSEQUAL = 29;
export const GREATEREQUAL = 30;
export const TILDE = 31;
export const CIRCUMFLEX = 32;
export const LEFTSHIFT = 33;
export const RIGHTSHIFT = 34;
export const DOUBLESTAR = 35;
export const PLUSEQUAL = 36;
export const MINEQUAL = 37;
export const STAREQUAL = 38;
export const SLASHEQUAL = 39;
export const PERCENTEQUAL = 40;
export const AMPEREQUAL = 41;
export const VBAREQUAL = 42;
export const CIRCUMFLEXEQUAL = 43;
export const LEFTSHIFTEQUAL = 44;
export const RIGHTSHIFTEQUAL = 45;
export const DOUBLESTAREQUAL = 46;
export const DOUBLESLASH = 47;
export const DOUBLESLASHEQUAL = 48;
export const AT = 49;
export const ATEQUAL = 50;
export const RARROW = 51;
export const ELLIPSIS = 52;
export const COLONEQUAL = 53;
export const EXCLAMATION = 54;
export const OP = 55;
export const TYPE_IGNORE = 56;
export const TYPE_COMMENT = 57;
export const SOFT_KEYWORD = 58;
export const FSTRING_START = 59;
export const FSTRING_MIDDLE = 60;
export const FSTRING_END = 61;
export const TSTRING_START = 62;
export const TSTRING_MIDDLE = 63;
export const TSTRING_END = 64;
export const COMMENT = 65;
export const NL = 66;
export const ERRORTOKEN = 67;
export const ENCODING = 68;
export const N_TOKENS = 69;
export const NT_OFFSET = 256;

/** token.tok_name: number -> name. */
export const tokName: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries(TOKEN_NAME_TABLE.map(([n, name]) => [n, name])),
);

/** token.EXACT_TOKEN_TYPES: operator spelling -> exact token number. */
export const EXACT_TOKEN_TYPES: ReadonlyMap<string, number> = new Map(EXACT_TOKEN_TABLE);

/** token.ISTERMINAL / ISNONTERMINAL / ISEOF, for completeness with the Python module. */
export const isTerminal = (x: number): boolean => x < NT_OFFSET;
export const isNonTerminal = (x: number): boolean => x >= NT_OFFSET;
export const isEOF = (x: number): boolean => x === ENDMARKER;

/**
 * The exact type tokenize.TokenInfo.exact_type reports: an OP's specific operator number
 * when its text is a known operator, otherwise the type itself.
 */
export function exactTypeOf(type: number, text: string): number {
  if (type !== OP) return type;
  return EXACT_TOKEN_TYPES.get(text) ?? OP;
}
