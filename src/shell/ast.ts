/**
 * The shell's syntax tree. Words keep their parts (literal, quoted,
 * parameter, command substitution) so that expansion can tell which text may
 * be field-split and globbed and which was quoted.
 */

export type ParamOp = ':' | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | '/' | '//';

export type WordPart =
  /** Unquoted source text: subject to globbing (and tilde expansion at the start of a word). */
  | { readonly kind: 'literal'; readonly value: string }
  /** Text from quotes or a backslash escape: taken as is. */
  | { readonly kind: 'quoted'; readonly value: string }
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly quoted: boolean;
      /** `${#name}` */
      readonly length?: boolean;
      readonly op?: ParamOp;
      readonly arg?: Word;
      /** For `${name/pat/rep}`: the replacement. */
      readonly replacement?: Word;
      /** `${!name}`: the value of the variable named by name's value. */
      readonly indirect?: boolean;
      /** Source of an invalid `${…}`, reported as a bad substitution when expanded. */
      readonly bad?: string;
    }
  | { readonly kind: 'command'; readonly script: Script; readonly quoted: boolean }
  | { readonly kind: 'arith'; readonly expr: Word; readonly quoted: boolean };

export interface Word {
  readonly parts: readonly WordPart[];
  /** The source text of the word, for keyword recognition and messages. */
  readonly raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|' | '<>';

export interface Redirect {
  readonly fd: number;
  readonly op: RedirOp;
  readonly target: Word;
  /** Here-document body; `null` until the lexer has read it. */
  heredoc?: Word | null;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirs: readonly Redirect[];
  /** 1-based source line, for dash-style `sh: 3: foo: not found`. */
  readonly line: number;
}

export interface IfClause {
  readonly cond: Script;
  readonly body: Script;
}

export type CompoundCommand =
  | { readonly kind: 'if'; readonly clauses: readonly IfClause[]; readonly elseBody?: Script }
  | { readonly kind: 'while'; readonly until: boolean; readonly cond: Script; readonly body: Script }
  | { readonly kind: 'for'; readonly name: string; readonly items?: readonly Word[]; readonly body: Script }
  | { readonly kind: 'case'; readonly word: Word; readonly items: readonly CaseItem[] }
  | { readonly kind: 'group'; readonly body: Script }
  | { readonly kind: 'subshell'; readonly body: Script }
  /** `(( expr ))`: status 0 when the value is non-zero. */
  | { readonly kind: 'arith'; readonly expr: Word };

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: Script;
}

export type Command =
  | SimpleCommand
  | (CompoundCommand & { readonly redirs: readonly Redirect[] })
  | { readonly kind: 'function'; readonly name: string; readonly body: Command; readonly redirs: readonly Redirect[] };

export interface Pipeline {
  readonly negate: boolean;
  readonly commands: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

export interface ListItem {
  readonly andOr: AndOr;
  readonly background: boolean;
  /** Source text of a background item, as `jobs` and the Done notice show it. */
  readonly text?: string;
}

/** A list of commands: a whole script, or the body of a compound command. */
export type Script = readonly ListItem[];
