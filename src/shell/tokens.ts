/** The tokens the lexer hands the parser. */
import type { RedirOp, Word } from './ast.js';

/** Source offsets of a token, for the text of background jobs (`[1]+  Done  sleep 1`). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type RawToken =
  | { readonly type: 'word'; readonly word: Word; readonly line: number }
  | { readonly type: 'op'; readonly op: string; readonly line: number }
  | { readonly type: 'redir'; readonly op: RedirOp; readonly fd: number; readonly line: number }
  | { readonly type: 'newline'; readonly line: number }
  | { readonly type: 'eof'; readonly line: number };

export type Token = Span & RawToken;
