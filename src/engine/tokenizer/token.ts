/** One token, exactly as tokenize.generate_tokens() yields it. */
export interface Token {
  /** tokenize's type: OP for every operator. */
  type: number;
  /** TokenInfo.exact_type: the specific operator type for OP tokens. */
  exactType: number;
  string: string;
  /** [line (1-based), column (0-based, in code points)] */
  start: [line: number, col: number];
  end: [line: number, col: number];
  /** The physical line(s) the token was found on. */
  line: string;
}
