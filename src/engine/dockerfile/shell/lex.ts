import { ShellLexError } from '../errors.js';
import { isSpace } from '../parser/chars.js';
import { goQuote } from '../parser/goQuote.js';
import { replacePattern, trimPrefixPattern, trimSuffixPattern } from './pattern.js';

/** Variables visible to expansion: a Map, or a plain record. */
export type ShellEnv = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface LexOptions {
  /** Keep quote characters in the output (quotes still group words). */
  rawQuotes?: boolean;
  /** Keep escape tokens in the output. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters (heredoc bodies). */
  skipProcessQuotes?: boolean;
  /** Leave `$X` / `${X…}` untouched when X is not set. */
  skipUnsetEnv?: boolean;
}

export interface LexResult {
  /** The expanded text, quotes removed, spaces kept. */
  result: string;
  /** The expanded text split into words (splitting happens after expansion). */
  words: string[];
  matched: Set<string>;
  unmatched: Set<string>;
}

const EOF = '';

function lookup(env: ShellEnv, name: string): string | undefined {
  if (env instanceof Map) return env.get(name);
  const rec = env as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(rec, name) ? rec[name] : undefined;
}

class Words {
  word = '';
  words: string[] = [];
  inWord = false;

  addChar(ch: string): void {
    if (isSpace(ch)) {
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else {
      this.addRaw(ch);
    }
  }

  addRaw(s: string): void {
    this.word += s;
    this.inWord = true;
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  get(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

/**
 * BuildKit's shell-word lexer (frontend/dockerfile/shell/lex.go): variable
 * expansion, quote removal and word splitting as Dockerfile instructions
 * apply them. It is not a shell: no command substitution, no globbing.
 */
export class ShellLex {
  private chars: string[] = [];
  private pos = 0;
  private env: ShellEnv = {};
  private rawEscapes = false;
  private matched = new Set<string>();
  private unmatched = new Set<string>();

  constructor(
    readonly escapeToken: string = '\\',
    readonly options: LexOptions = {},
  ) {}

  process(word: string, env: ShellEnv = {}): LexResult {
    this.chars = Array.from(word);
    this.pos = 0;
    this.env = env;
    this.rawEscapes = this.options.rawEscapes ?? false;
    this.matched = new Set();
    this.unmatched = new Set();
    try {
      const [result, words] = this.processStopOn(EOF, this.rawEscapes);
      return { result, words, matched: this.matched, unmatched: this.unmatched };
    } catch (err) {
      if (err instanceof ShellLexError) throw new ShellLexError(`failed to process ${goQuote(word)}: ${err.message}`);
      throw err;
    }
  }

  processWord(word: string, env: ShellEnv = {}): string {
    return this.process(word, env).result;
  }

  processWords(word: string, env: ShellEnv = {}): string[] {
    return this.process(word, env).words;
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  private processStopOn(stopChar: string, rawEscapes: boolean): [string, string[]] {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return [result, words.get()];
        }
        const special = this.special(ch);
        if (special) {
          const tmp = special();
          result += tmp;
          if (ch === '$') words.addString(tmp);
          else words.addRaw(tmp);
          continue;
        }
        ch = this.next();
        if (ch === this.escapeToken) {
          if (this.rawEscapes) {
            words.addRaw(ch);
            result += ch;
          }
          ch = this.next();
          if (ch === EOF) break;
          words.addRaw(ch);
        } else {
          words.addChar(ch);
        }
        result += ch;
      }
      if (stopChar !== EOF) {
        throw new ShellLexError(`unexpected end of statement while looking for matching ${stopChar}`);
      }
      return [result, words.get()];
    } finally {
      this.rawEscapes = saved;
    }
  }

  private special(ch: string): (() => string) | undefined {
    if (ch === '$') return () => this.processDollar();
    if (ch === '<') return () => this.processPossibleHeredoc();
    if (this.options.skipProcessQuotes) return undefined;
    if (ch === "'") return () => this.processSingleQuote();
    if (ch === '"') return () => this.processDoubleQuote();
    return undefined;
  }

  // `<<` keeps the blanks after it in the same word, so `<<  EOF` stays one heredoc word.
  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === ' ' || this.peek() === '\t') space += this.next();
    return '<<' + space;
  }

  private processSingleQuote(): string {
    const raw = this.options.rawQuotes ?? false;
    let result = '';
    const open = this.next();
    if (raw) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new ShellLexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (raw) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    const raw = this.options.rawQuotes ?? false;
    let result = '';
    const open = this.next();
    if (raw) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new ShellLexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.next();
        if (raw) result += ch;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escapeToken) ch = this.next();
      }
      result += ch;
    }
  }

  private getEnv(name: string): string | undefined {
    const value = lookup(this.env, name);
    if (value === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return value;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.options.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellLexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellLexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch;
    let nullIsUnset = false;
    if (ch === '}') {
      const value = this.getEnv(name);
      if (value === undefined && this.options.skipUnsetEnv) return '${' + name + '}';
      return value ?? '';
    }
    if (ch === EOF) throw new ShellLexError("syntax error: missing '}'");
    if (ch === '/') return this.processReplace(name);
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      chs += ch;
    } else if (!'+-?#%'.includes(ch)) {
      throw new ShellLexError(`unsupported modifier (${chs}) in substitution`);
    }
    let word: string;
    try {
      [word] = this.processStopOn('}', ch === '#' || ch === '%');
    } catch (err) {
      if (this.peek() === EOF) throw new ShellLexError("syntax error: missing '}'");
      throw err;
    }
    const value = this.getEnv(name);
    if (this.options.skipUnsetEnv && value === undefined) return '${' + name + chs + word + '}';
    const empty = value === undefined || (nullIsUnset && value === '');
    switch (ch) {
      case '-':
        return empty ? word : value!;
      case '+':
        return empty ? '' : word;
      case '?':
        if (value === undefined) throw new ShellLexError(`${name}: ${word || 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new ShellLexError(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case '%':
      case '#': {
        const greedy = word.startsWith(ch);
        const pattern = greedy ? word.slice(1) : word;
        return ch === '%' ? trimSuffixPattern(pattern, value ?? '', greedy) : trimPrefixPattern(pattern, value ?? '', greedy);
      }
      default:
        throw new ShellLexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    let pattern: string;
    let replacement: string;
    try {
      [pattern] = this.processStopOn('/', true);
    } catch (err) {
      if (this.peek() === EOF) throw new ShellLexError("syntax error: missing '/' in ${}");
      throw err;
    }
    try {
      [replacement] = this.processStopOn('}', true);
    } catch (err) {
      if (this.peek() === EOF) throw new ShellLexError("syntax error: missing '}'");
      throw err;
    }
    const value = this.getEnv(name);
    if (this.options.skipUnsetEnv && value === undefined) return '${' + name + '/' + pattern + '/' + replacement + '}';
    return replacePattern(pattern, value ?? '', replacement, all);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && /^\p{Nd}$/u.test(ch)) {
        while (this.peek() !== EOF && /^\p{Nd}$/u.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      name += this.next();
    }
    return name;
  }
}

/** Expand one word as BuildKit does for ENV/LABEL/WORKDIR/USER/…: quotes removed, spaces kept. */
export function expandWord(word: string, env: ShellEnv = {}, escapeToken = '\\'): string {
  return new ShellLex(escapeToken).processWord(word, env);
}

/** Expand and split into words as BuildKit does for ARG/COPY/ADD/EXPOSE/VOLUME sources. */
export function expandWords(word: string, env: ShellEnv = {}, escapeToken = '\\'): string[] {
  return new ShellLex(escapeToken).processWords(word, env);
}

/**
 * Expands `$VAR` in a COPY/ADD heredoc body whose delimiter was unquoted.
 * BuildKit uses a backslash lexer that leaves quotes alone here, because the
 * body is file content, not Dockerfile words.
 */
export function expandHeredocContent(content: string, env: ShellEnv = {}): string {
  return new ShellLex('\\', { skipProcessQuotes: true }).processWord(content, env);
}
