/**
 * Recursive-descent parser for the bash subset. Reserved words are recognised
 * only in command position and only when unquoted, as POSIX says; everything
 * else comes from the lexer.
 */
import type { AndOr, Assignment, CaseItem, Command, IfClause, ListItem, Pipeline, Redirect, Script, Word } from './ast.js';
import { ShellSyntaxError } from './errors.js';
import { Lexer, type Token } from './lexer.js';

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!', 'function']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses a whole script. Throws ShellSyntaxError. */
export function parseScript(source: string): Script {
  const parser = new Parser(new Lexer(source, parseSubstitution));
  return parser.parseProgram();
}

/** Parses the body of `$(…)` from a lexer positioned just after the `(`; consumes the `)`. */
function parseSubstitution(lexer: Lexer, untilParen: boolean): Script {
  const parser = new Parser(lexer);
  return untilParen ? parser.parseUntilParen() : parser.parseProgram();
}

class Parser {
  private lookahead: Token | null = null;
  private lastEnd = 0;

  constructor(private readonly lexer: Lexer) {}

  parseProgram(): Script {
    const list = this.parseList(() => false, null);
    const t = this.peek();
    if (t.type !== 'eof') throw this.unexpected(t);
    return list;
  }

  parseUntilParen(): Script {
    const list = this.parseList((t) => isOp(t, ')'), ')');
    const t = this.next();
    if (!isOp(t, ')')) throw this.unexpected(t, ')');
    return list;
  }

  private peek(): Token {
    if (!this.lookahead) this.lookahead = this.lexer.next();
    return this.lookahead;
  }

  private next(): Token {
    const t = this.peek();
    this.lookahead = null;
    this.lastEnd = t.end;
    return t;
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  /**
   * A command list ending where `stop` says (a reserved word, `)`, `;;`) or at
   * end of input. `expecting` names the closer for end-of-input errors; when it
   * is set, an empty list is a syntax error as in bash.
   */
  private parseList(stop: (t: Token) => boolean, expecting: string | null): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === 'eof') {
        if (expecting) throw new ShellSyntaxError(null, true, t.line, expecting);
        break;
      }
      if (stop(t)) break;
      const start = t.start;
      const andOr = this.parseAndOr();
      const text = this.lexer.src.slice(start, this.lastEnd);
      const sep = this.peek();
      if (isOp(sep, ';') || isOp(sep, '&')) {
        this.next();
        items.push(sep.op === '&' ? { andOr, background: true, text } : { andOr, background: false });
        continue;
      }
      items.push({ andOr, background: false });
      if (sep.type === 'newline') continue;
      if (sep.type === 'eof' || stop(sep)) continue;
      throw this.unexpected(sep, expecting ?? undefined);
    }
    if (expecting && items.length === 0 && expecting !== ')') throw this.unexpected(this.peek(), expecting);
    return items;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (!isOp(t, '&&') && !isOp(t, '||')) break;
      this.next();
      this.skipNewlinesOrIncomplete();
      rest.push({ op: t.op as '&&' | '||', pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private skipNewlinesOrIncomplete(): void {
    this.skipNewlines();
    const t = this.peek();
    if (t.type === 'eof') throw new ShellSyntaxError(null, true, t.line);
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (isWord(this.peek(), '!')) {
      this.next();
      negate = true;
    }
    const commands = [this.parseCommand()];
    for (let t = this.peek(); isOp(t, '|') || isOp(t, '|&'); t = this.peek()) {
      this.next();
      // `a |& b` is bash's short form of `a 2>&1 | b`.
      if (t.op === '|&') commands.push(withStderrToStdout(commands.pop()!));
      this.skipNewlinesOrIncomplete();
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (t.type === 'op' && t.op === '((') {
      this.next();
      return this.withRedirs({ kind: 'arith', expr: this.lexer.readArithCommand() });
    }
    if (t.type === 'op' && t.op === '(') {
      this.next();
      const body = this.parseList((x) => isOp(x, ')'), ')');
      if (body.length === 0) throw this.unexpected(this.peek());
      this.next();
      return { kind: 'subshell', body, redirs: this.parseRedirs() };
    }
    if (t.type === 'word' && RESERVED.has(t.word.raw)) {
      switch (t.word.raw) {
        case 'if':
          return this.withRedirs(this.parseIf());
        case 'while':
        case 'until':
          return this.withRedirs(this.parseWhile(t.word.raw === 'until'));
        case 'for':
          return this.withRedirs(this.parseFor());
        case 'case':
          return this.withRedirs(this.parseCase());
        case '{': {
          this.next();
          const body = this.parseList((x) => isWord(x, '}'), '}');
          this.next();
          return this.withRedirs({ kind: 'group', body });
        }
        case 'function': {
          this.next();
          const name = this.next();
          if (name.type !== 'word' || !NAME.test(name.word.raw)) throw this.unexpected(name);
          if (isOp(this.peek(), '(')) this.expectParens();
          return this.parseFunctionBody(name.word.raw);
        }
        case '!':
          break;
        default:
          throw this.unexpected(t);
      }
    }
    return this.parseSimple();
  }

  private withRedirs<T extends object>(cmd: T): T & { redirs: Redirect[] } {
    return { ...cmd, redirs: this.parseRedirs() };
  }

  private parseRedirs(): Redirect[] {
    const redirs: Redirect[] = [];
    while (this.peek().type === 'redir') redirs.push(this.parseRedir());
    return redirs;
  }

  private parseRedir(): Redirect {
    const t = this.next();
    if (t.type !== 'redir') throw this.unexpected(t);
    const target = this.next();
    // bash names the end of the line `newline` here even at end of input.
    if (target.type === 'eof' || target.type === 'newline') throw new ShellSyntaxError('newline', false, target.line);
    if (target.type !== 'word') throw this.unexpected(target);
    const redir: Redirect = { fd: t.fd, op: t.op, target: target.word };
    if (t.op === '<<' || t.op === '<<-') {
      redir.heredoc = null;
      this.lexer.addHeredoc(redir, target.word, t.op === '<<-');
    }
    return redir;
  }

  private expectParens(): void {
    const open = this.next();
    if (!isOp(open, '(')) throw this.unexpected(open);
    const close = this.next();
    if (!isOp(close, ')')) throw this.unexpected(close);
  }

  private parseFunctionBody(name: string): Command {
    this.skipNewlinesOrIncomplete();
    const body = this.parseCommand();
    if (body.kind === 'simple') throw this.unexpected(this.peek());
    return { kind: 'function', name, body, redirs: [] };
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    const t = this.next();
    if (t.type === 'eof') throw new ShellSyntaxError(null, true, t.line, word);
    if (!isWord(t, word)) throw this.unexpected(t, word);
  }

  private parseIf(): Command & { kind: 'if' } {
    this.next();
    const clauses: IfClause[] = [];
    let elseBody: Script | undefined;
    for (;;) {
      const cond = this.parseList((x) => isWord(x, 'then'), 'then');
      this.expectWord('then');
      const body = this.parseList((x) => isWord(x, 'elif') || isWord(x, 'else') || isWord(x, 'fi'), 'fi');
      clauses.push({ cond, body });
      const t = this.next();
      if (isWord(t, 'elif')) continue;
      if (isWord(t, 'else')) {
        elseBody = this.parseList((x) => isWord(x, 'fi'), 'fi');
        this.expectWord('fi');
      }
      break;
    }
    return { kind: 'if', clauses, elseBody, redirs: [] };
  }

  private parseWhile(until: boolean): Command & { kind: 'while' } {
    this.next();
    const cond = this.parseList((x) => isWord(x, 'do'), 'do');
    this.expectWord('do');
    const body = this.parseList((x) => isWord(x, 'done'), 'done');
    this.expectWord('done');
    return { kind: 'while', until, cond, body, redirs: [] };
  }

  private parseFor(): Command & { kind: 'for' } {
    this.next();
    const name = this.next();
    if (name.type === 'eof') throw new ShellSyntaxError(null, true, name.line, 'do');
    if (name.type !== 'word' || !NAME.test(name.word.raw)) throw this.unexpected(name);
    let items: Word[] | undefined;
    this.skipNewlines();
    if (isWord(this.peek(), 'in')) {
      this.next();
      items = [];
      for (let t = this.peek(); t.type === 'word'; t = this.peek()) items.push((this.next() as { word: Word }).word);
      const sep = this.peek();
      if (isOp(sep, ';') || sep.type === 'newline') this.next();
      else if (sep.type === 'eof') throw new ShellSyntaxError(null, true, sep.line, 'do');
      else throw this.unexpected(sep);
    } else if (isOp(this.peek(), ';')) {
      this.next();
    }
    this.expectWord('do');
    const body = this.parseList((x) => isWord(x, 'done'), 'done');
    this.expectWord('done');
    return { kind: 'for', name: name.word.raw, items, body, redirs: [] };
  }

  private parseCase(): Command & { kind: 'case' } {
    this.next();
    const subject = this.next();
    if (subject.type === 'eof') throw new ShellSyntaxError(null, true, subject.line, 'in');
    if (subject.type !== 'word') throw this.unexpected(subject);
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (t.type === 'eof') throw new ShellSyntaxError(null, true, t.line, 'esac');
      if (isWord(t, 'esac')) {
        this.next();
        break;
      }
      if (isOp(t, '(')) this.next();
      const patterns: Word[] = [];
      for (;;) {
        t = this.next();
        if (t.type === 'eof') throw new ShellSyntaxError(null, true, t.line, ')');
        if (t.type !== 'word') throw this.unexpected(t);
        patterns.push(t.word);
        const sep = this.next();
        if (isOp(sep, ')')) break;
        if (!isOp(sep, '|')) throw this.unexpected(sep, ')');
      }
      const body = this.parseList((x) => isOp(x, ';;') || isWord(x, 'esac'), null);
      items.push({ patterns, body });
      if (isOp(this.peek(), ';;')) this.next();
      else if (this.peek().type === 'eof') throw new ShellSyntaxError(null, true, this.peek().line, 'esac');
    }
    return { kind: 'case', word: subject.word, items, redirs: [] };
  }

  private parseSimple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    const line = this.peek().line;
    for (;;) {
      const t = this.peek();
      if (t.type === 'redir') {
        redirs.push(this.parseRedir());
        continue;
      }
      if (t.type !== 'word') break;
      this.next();
      const assign = words.length === 0 ? asAssignment(t.word) : null;
      if (assign) assigns.push(assign);
      else words.push(t.word);
    }
    if (words.length === 1 && assigns.length === 0 && redirs.length === 0 && isOp(this.peek(), '(') && NAME.test(words[0].raw)) {
      this.expectParens();
      return this.parseFunctionBody(words[0].raw);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) throw this.unexpected(this.peek());
    return { kind: 'simple', assigns, words, redirs, line };
  }

  private unexpected(t: Token, expecting?: string): ShellSyntaxError {
    if (t.type === 'eof') return new ShellSyntaxError(null, true, t.line, expecting);
    const text = t.type === 'newline' ? 'newline' : t.type === 'word' ? t.word.raw : t.type === 'op' ? t.op : (t.fd !== 0 && t.fd !== 1 ? String(t.fd) : '') + t.op;
    return new ShellSyntaxError(text, false, t.line, expecting);
  }
}

function withStderrToStdout(cmd: Command): Command {
  const dup: Redirect = { fd: 2, op: '>&', target: { parts: [{ kind: 'literal', value: '1' }], raw: '1' } };
  return { ...cmd, redirs: [...cmd.redirs, dup] } as Command;
}

function isOp(t: Token, op: string): t is Token & { type: 'op'; op: string } {
  return t.type === 'op' && t.op === op;
}

function isWord(t: Token, raw: string): boolean {
  return t.type === 'word' && t.word.raw === raw;
}

/** `NAME=value` with an unquoted `NAME=` prefix becomes an assignment. */
function asAssignment(word: Word): Assignment | null {
  const first = word.parts[0];
  if (!first || first.kind !== 'literal') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!m) return null;
  const restText = first.value.slice(m[0].length);
  const parts = [...(restText ? [{ kind: 'literal' as const, value: restText }] : []), ...word.parts.slice(1)];
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) } };
}
