/**
 * The tokenizer: source text to words, operators and newlines. Words are read
 * into parts here (quotes, `$…`, backticks), and `$(…)` is parsed on the spot
 * by a nested parser, because only the grammar knows where it ends (a `)` inside
 * `case` patterns or quotes does not close it).
 */
import type { ParamOp, Redirect, RedirOp, Script, Word, WordPart } from './ast.js';
import { ShellSyntaxError } from './errors.js';
import { decodeEscape } from './escapes.js';
import { LiteralBuffer } from './literal.js';
import { parseHeredocBody, parseLooseWord } from './loose.js';
import type { RawToken, Token } from './tokens.js';

export type { Span, Token } from './tokens.js';

/** Parses a nested script and reports where it stopped; injected by the parser to avoid an import cycle. */
export type SubParse = (lexer: Lexer, untilParen: boolean) => Script;

const OPERATORS = ['&&', '||', ';;', '&>>', '&>', '|&', '|', '&', ';', '((', '(', ')'];
const REDIRS: readonly RedirOp[] = ['<<<', '<<-', '<<', '>>', '>&', '<&', '>|', '<>', '>', '<'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

interface PendingHeredoc {
  readonly redir: Redirect;
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

export class Lexer {
  pos: number;
  line = 1;
  private readonly pending: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    private readonly subParse: SubParse,
    start = 0,
  ) {
    this.pos = start;
  }

  /** Registers a here-document whose body starts after the next newline. */
  addHeredoc(redir: Redirect, delimiter: Word, stripTabs: boolean): void {
    const quoted = delimiter.parts.some((p) => p.kind === 'quoted');
    const text = delimiter.parts.map((p) => ('value' in p ? p.value : '')).join('');
    this.pending.push({ redir, delimiter: text, quoted, stripTabs });
  }

  next(): Token {
    this.skipBlanks();
    const start = this.pos;
    const token = this.scan();
    return { ...token, start, end: this.pos };
  }

  private scan(): RawToken {
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.pending.length > 0) throw new ShellSyntaxError(null, true, line, this.pending[0].delimiter);
      return { type: 'eof', line };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { type: 'newline', line };
    }
    const fdMatch = /^([0-9]+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (fdMatch) {
      const op = REDIRS.find((r) => this.src.startsWith(r, this.pos + fdMatch[1].length));
      if (op) {
        this.pos += fdMatch[1].length + op.length;
        return { type: 'redir', op, fd: Number(fdMatch[1]), line };
      }
    }
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        if (op === '&>' || op === '&>>') return { type: 'redir', op, fd: 1, line };
        return { type: 'op', op, line };
      }
    }
    const redir = REDIRS.find((r) => this.src.startsWith(r, this.pos));
    if (redir) {
      this.pos += redir.length;
      return { type: 'redir', op: redir, fd: redir.startsWith('<') ? 0 : 1, line };
    }
    return { type: 'word', word: this.readWord(), line };
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private readWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = new LiteralBuffer(parts);
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (META.has(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) throw new ShellSyntaxError(null, true, this.line);
        this.pos += 2;
        if (n === '\n') this.line++;
        else lit.quoted(n);
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError(null, true, this.line, undefined, "'");
        const body = this.src.slice(this.pos + 1, end);
        this.countLines(body);
        lit.quoted(body);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        lit.flush();
        parts.push(...this.readDoubleQuoted());
      } else if (c === '$' && this.src[this.pos + 1] === "'") {
        lit.quoted(this.readAnsiC());
      } else if (c === '$' || c === '`') {
        lit.flush();
        parts.push(this.readExpansion(false));
      } else {
        lit.literal(c);
        this.pos++;
      }
    }
    lit.flush();
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** After the opening `"`; consumes the closing one. */
  private readDoubleQuoted(): WordPart[] {
    const parts: WordPart[] = [{ kind: 'quoted', value: '' }];
    const lit = new LiteralBuffer(parts);
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError(null, true, this.line, undefined, '"');
      const c = this.src[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) throw new ShellSyntaxError(null, true, this.line, undefined, '"');
        this.pos += 2;
        if (n === '\n') this.line++;
        else if ('$`"\\'.includes(n)) lit.quoted(n);
        else lit.quoted('\\' + n);
      } else if (c === '$' || c === '`') {
        if (c === '$' && !this.startsExpansion(this.pos + 1)) {
          lit.quoted('$');
          this.pos++;
          continue;
        }
        lit.flush();
        parts.push(this.readExpansion(true));
      } else {
        if (c === '\n') this.line++;
        lit.quoted(c);
        this.pos++;
      }
    }
    lit.flush();
    return parts;
  }

  private startsExpansion(at: number): boolean {
    const n = this.src[at];
    return n !== undefined && (n === '{' || n === '(' || SPECIAL_PARAMS.has(n) || /[A-Za-z_]/.test(n));
  }

  /** At `$` or a backtick. A `$` that starts nothing is a literal dollar. */
  readExpansion(quoted: boolean): WordPart {
    const c = this.src[this.pos];
    if (c === '`') return { kind: 'command', script: this.readBackticks(), quoted };
    const n = this.src[this.pos + 1];
    if (n === '(' && this.src[this.pos + 2] === '(') {
      const end = this.findArithEnd(this.pos + 3);
      if (end >= 0) {
        const text = this.src.slice(this.pos + 3, end);
        this.pos = end + 2;
        return { kind: 'arith', expr: parseLooseWord(text, this.subParse), quoted };
      }
    }
    if (n === '(') {
      this.pos += 2;
      const script = this.subParse(this, true);
      return { kind: 'command', script, quoted };
    }
    if (n === '{') return this.readBraceParam(quoted);
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      this.pos += 2;
      return { kind: 'param', name: n, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1, this.pos + 257));
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'param', name: m[0], quoted };
    }
    this.pos++;
    return quoted ? { kind: 'quoted', value: '$' } : { kind: 'literal', value: '$' };
  }

  /** After a `((` command opener: the expression up to the matching `))`. */
  readArithCommand(): Word {
    const end = this.findArithEnd(this.pos);
    if (end < 0) throw new ShellSyntaxError('((', false, this.line);
    const text = this.src.slice(this.pos, end);
    this.pos = end + 2;
    return parseLooseWord(text, this.subParse);
  }

  private findArithEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    throw new ShellSyntaxError(null, true, this.line, '))');
  }

  private readBackticks(): Script {
    let i = this.pos + 1;
    let body = '';
    for (;;) {
      if (i >= this.src.length) throw new ShellSyntaxError(null, true, this.line, undefined, '`');
      const c = this.src[i];
      if (c === '`') break;
      if (c === '\\' && '$`\\'.includes(this.src[i + 1] ?? '')) {
        body += this.src[i + 1];
        i += 2;
        continue;
      }
      body += c;
      i++;
    }
    this.pos = i + 1;
    this.countLines(body);
    const inner = new Lexer(body, this.subParse);
    return this.subParse(inner, false);
  }

  private readBraceParam(quoted: boolean): WordPart {
    const open = this.pos;
    this.pos += 2;
    let length = false;
    let indirect = false;
    if (this.src[this.pos] === '!' && /[A-Za-z_0-9]/.test(this.src[this.pos + 1] ?? '')) {
      indirect = true;
      this.pos++;
    }
    if (this.src[this.pos] === '#' && /[A-Za-z_0-9@*?#$!]/.test(this.src[this.pos + 1] ?? '') && this.src[this.pos + 1] !== '}') {
      length = true;
      this.pos++;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return this.badSubstitution(open, quoted);
    const name = m[0];
    this.pos += name.length;
    if (this.src[this.pos] === '}') {
      this.pos++;
      return { kind: 'param', name, quoted, length, indirect };
    }
    if (length) return this.badSubstitution(open, quoted);
    const op = (['##', '%%', '//', ':-', ':=', ':+', ':?', ':', '-', '=', '+', '?', '#', '%', '/'] as const).find((o) =>
      this.src.startsWith(o, this.pos),
    ) as ParamOp | undefined;
    if (!op) return this.badSubstitution(open, quoted);
    this.pos += op.length;
    if (op === '/' || op === '//') {
      const pattern = this.readParamArg(quoted, true);
      let replacement: Word = { parts: [], raw: '' };
      if (this.src[this.pos] === '/') {
        this.pos++;
        replacement = this.readParamArg(quoted, false);
      }
      this.pos++;
      return { kind: 'param', name, quoted, op, arg: pattern, replacement };
    }
    const arg = this.readParamArg(quoted, false);
    this.pos++;
    return { kind: 'param', name, quoted, op, arg, indirect };
  }

  /** bash reports `${x:}` and friends when it expands them, not when it parses them. */
  private badSubstitution(open: number, quoted: boolean): WordPart {
    const close = this.src.indexOf('}', open);
    if (close < 0) throw new ShellSyntaxError(null, true, this.line, '}');
    this.pos = close + 1;
    return { kind: 'param', name: '', quoted, bad: this.src.slice(open, close + 1) };
  }

  /** Reads up to (not including) the closing `}` (or `/` when `stopAtSlash`). */
  private readParamArg(quoted: boolean, stopAtSlash: boolean): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = new LiteralBuffer(parts);
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError(null, true, this.line, '}');
      const c = this.src[this.pos];
      if (c === '}' || (stopAtSlash && c === '/')) break;
      if (c === '\\' && this.pos + 1 < this.src.length) {
        lit.quoted(this.src[this.pos + 1]);
        this.pos += 2;
      } else if (c === "'" && !quoted) {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError(null, true, this.line, undefined, "'");
        lit.quoted(this.src.slice(this.pos + 1, end));
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        lit.flush();
        parts.push(...this.readDoubleQuoted());
      } else if (c === '$' || c === '`') {
        lit.flush();
        parts.push(this.readExpansion(quoted));
      } else {
        if (quoted) lit.quoted(c);
        else lit.literal(c);
        this.pos++;
      }
    }
    lit.flush();
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private readAnsiC(): string {
    let i = this.pos + 2;
    let out = '';
    for (;;) {
      if (i >= this.src.length) throw new ShellSyntaxError(null, true, this.line, undefined, "'");
      const c = this.src[i];
      if (c === "'") break;
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const [text, used] = decodeEscape(this.src, i + 1);
      out += text;
      i += 1 + used;
    }
    this.countLines(this.src.slice(this.pos, i));
    this.pos = i + 1;
    return out;
  }

  private readHeredocs(): void {
    for (const h of this.pending.splice(0)) {
      let body = '';
      let found = false;
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let lineText = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        this.line++;
        if (h.stripTabs) lineText = lineText.replace(/^\t+/, '');
        if (lineText === h.delimiter) {
          found = true;
          break;
        }
        body += lineText + '\n';
      }
      if (!found) throw new ShellSyntaxError(null, true, this.line, h.delimiter);
      h.redir.heredoc = h.quoted ? { parts: [{ kind: 'quoted', value: body }], raw: body } : parseHeredocBody(body, this.subParse);
    }
  }

  private countLines(text: string): void {
    for (const ch of text) if (ch === '\n') this.line++;
  }
}
