/**
 * Word expansion in bash's order: tilde, parameters, command substitution and
 * arithmetic, then field splitting of unquoted results, then globbing, then
 * quote removal. Quoting is tracked per character run so that only text that
 * was never quoted is split or globbed.
 */
import type { Vfs } from '../os/vfs.js';
import type { Script, Word, WordPart } from './ast.js';
import { ArithError, evaluateArith } from './arith.js';
import { expandBraces } from './brace.js';
import { escapeGlob, globPaths, hasGlobMeta, patternToRegexSource } from './glob.js';
import type { ShellState } from './state.js';

/** An expansion that fails the command (`${x:?}`, `set -u`, bad arithmetic); the message follows `bash: `. */
export class ExpansionError extends Error {}

export interface ExpandContext {
  readonly state: ShellState;
  readonly fs: Vfs;
  /** Runs a command substitution and returns its standard output. */
  substitute(script: Script): Promise<string>;
  /** Brace expansion is bash's; dash has none. */
  readonly braces?: boolean;
}

interface Segment {
  readonly text: string;
  readonly quoted: boolean;
}

class FieldBuilder {
  readonly fields: { segs: Segment[]; forced: boolean }[] = [{ segs: [], forced: false }];

  private get current(): { segs: Segment[]; forced: boolean } {
    return this.fields[this.fields.length - 1];
  }

  add(text: string, quoted: boolean): void {
    if (quoted) this.current.forced = true;
    if (text !== '') this.current.segs.push({ text, quoted });
  }

  /** Ends the current field; an empty unquoted field is dropped later. */
  split(): void {
    this.fields.push({ segs: [], forced: false });
  }

  /** Adds unquoted expansion text, splitting it on IFS characters. */
  addSplit(text: string, ifs: string): void {
    if (ifs === '') {
      this.add(text, false);
      return;
    }
    let piece = '';
    let sawSep = false;
    for (const ch of text) {
      if (ifs.includes(ch)) {
        if (piece !== '') this.add(piece, false);
        piece = '';
        if (!sawSep || this.current.segs.length > 0) this.split();
        sawSep = true;
        continue;
      }
      sawSep = false;
      piece += ch;
    }
    if (piece !== '') this.add(piece, false);
  }

  result(): { segs: Segment[] }[] {
    return this.fields.filter((f) => f.forced || f.segs.length > 0);
  }
}

/** Full expansion of command words: may produce zero or many fields. */
export async function expandWords(words: readonly Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of ctx.braces === false ? words : words.flatMap((w) => expandBraces(w))) {
    const builder = new FieldBuilder();
    await expandInto(withTilde(word, ctx.state), builder, ctx, true);
    for (const field of builder.result()) {
      const pattern = field.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
      const plain = field.segs.map((s) => s.text).join('');
      if (field.segs.some((s) => !s.quoted && hasGlobMeta(s.text)) && hasGlobMeta(pattern)) {
        const matches = globPaths(pattern, ctx.state.cwd, ctx.fs);
        out.push(...(matches.length > 0 ? matches : [plain]));
      } else {
        out.push(plain);
      }
    }
  }
  return out;
}

/** Expansion without splitting or globbing: assignments, redirection targets, `case` subjects, here-documents. */
export async function expandString(word: Word, ctx: ExpandContext, tilde = true): Promise<string> {
  const builder = new FieldBuilder();
  await expandInto(tilde ? withTilde(word, ctx.state) : word, builder, ctx, false);
  return builder.fields.map((f) => f.segs.map((s) => s.text).join('')).join(' ');
}

/** Expansion to a pattern: quoted text is escaped so that it matches literally. */
export async function expandPattern(word: Word, ctx: ExpandContext): Promise<string> {
  const builder = new FieldBuilder();
  await expandInto(word, builder, ctx, false);
  return builder.fields.map((f) => f.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('')).join(' ');
}

function withTilde(word: Word, state: ShellState): Word {
  const first = word.parts[0];
  if (!first || first.kind !== 'literal' || !first.value.startsWith('~')) return word;
  const slash = first.value.indexOf('/');
  const prefix = slash < 0 ? first.value : first.value.slice(0, slash);
  if (prefix.length < first.value.length || word.parts.length === 1 || word.parts[1].kind !== 'literal') {
    const user = prefix.slice(1);
    let home: string | undefined;
    if (user === '') home = state.vars.get('HOME') ?? '/root';
    else if (user === '+') home = state.cwd;
    else if (user === '-') home = state.vars.get('OLDPWD');
    else if (user === 'root') home = '/root';
    if (home !== undefined) {
      const rest = first.value.slice(prefix.length);
      const parts: WordPart[] = [{ kind: 'quoted', value: home }, ...(rest ? [{ kind: 'literal' as const, value: rest }] : []), ...word.parts.slice(1)];
      return { parts, raw: word.raw };
    }
  }
  return word;
}

async function expandInto(word: Word, out: FieldBuilder, ctx: ExpandContext, split: boolean): Promise<void> {
  const ifs = ctx.state.vars.get('IFS') ?? ' \t\n';
  for (const part of word.parts) {
    switch (part.kind) {
      case 'literal':
        out.add(part.value, false);
        break;
      case 'quoted':
        out.add(part.value, true);
        break;
      case 'param': {
        if (part.name === '@' && !part.op && !part.length && part.quoted && split) {
          const args = ctx.state.positional;
          if (args.length === 0) break;
          args.forEach((arg, i) => {
            if (i > 0) out.split();
            out.add(arg, true);
          });
          break;
        }
        const value = await expandParam(part, ctx);
        if (value === undefined) break;
        emit(value, part.quoted, out, split, ifs);
        break;
      }
      case 'command': {
        const text = (await ctx.substitute(part.script)).replace(/\n+$/, '');
        emit(text, part.quoted, out, split, ifs);
        break;
      }
      case 'arith': {
        const expr = await expandString(part.expr, ctx, false);
        let value: number;
        try {
          value = evaluateArith(expr, (name) => ctx.state.vars.get(name), (name, v) => ctx.state.vars.set(name, String(v)));
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(`${expr.trim()}: ${e.message}`);
          throw e;
        }
        emit(String(value), part.quoted, out, split, ifs);
        break;
      }
    }
  }
}

function emit(value: string, quoted: boolean, out: FieldBuilder, split: boolean, ifs: string): void {
  if (quoted || !split) out.add(value, quoted);
  else out.addSplit(value, ifs);
}

/** The value of a special or named parameter, undefined when unset. */
export function paramValue(name: string, state: ShellState): string | undefined {
  switch (name) {
    case '?':
      return String(state.lastStatus);
    case '$':
      return String(state.pid);
    case '#':
      return String(state.positional.length);
    case '@':
    case '*':
      return state.positional.join(name === '*' ? (state.vars.get('IFS') ?? ' ')[0] ?? '' : ' ');
    case '!':
      return state.lastBackground ? String(state.lastBackground) : undefined;
    case '-':
      return (state.options.errexit ? 'e' : '') + (state.options.nounset ? 'u' : '') + (state.options.xtrace ? 'x' : '') + 'hB';
    case '0':
      return state.argv0;
  }
  if (/^[0-9]+$/.test(name)) return state.positional[Number(name) - 1];
  return state.vars.get(name);
}

async function expandParam(part: WordPart & { kind: 'param' }, ctx: ExpandContext): Promise<string | undefined> {
  const { state } = ctx;
  if (part.bad !== undefined) throw new ExpansionError(`${part.bad}: bad substitution`);
  let value = paramValue(part.name, state);
  if (part.indirect) value = value === undefined ? undefined : paramValue(value, state);
  if (part.length) return String([...(value ?? '')].length);
  const op = part.op;
  if (!op) {
    if (value === undefined && state.options.nounset && !['@', '*'].includes(part.name)) throw new ExpansionError(`${part.name}: unbound variable`);
    return value ?? '';
  }
  const arg = async (): Promise<string> => (part.arg ? expandString(part.arg, ctx) : '');
  const missing = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case ':-':
    case '-':
      return missing ? arg() : value;
    case ':=':
    case '=':
      if (missing) {
        const v = await arg();
        if (/^[0-9?$#@*!-]/.test(part.name)) throw new ExpansionError(`$${part.name}: cannot assign in this way`);
        state.vars.set(part.name, v);
        return v;
      }
      return value;
    case ':+':
    case '+':
      return missing ? '' : arg();
    case ':?':
    case '?':
      if (missing) {
        const msg = await arg();
        throw new ExpansionError(`${part.name}: ${msg || 'parameter null or not set'}`);
      }
      return value;
  }
  const text = value ?? '';
  if (op === ':') {
    const spec = part.arg ? await expandString(part.arg, ctx) : '';
    if (spec.trim() === '') throw new ExpansionError(`\${${part.name}:${part.arg?.raw ?? ''}}: bad substitution`);
    return substring(text, spec, ctx);
  }
  const pattern = part.arg ? await expandPattern(part.arg, ctx) : '';
  const re = new RegExp(`^${patternToRegexSource(pattern, false)}$`);
  switch (op) {
    case '#':
    case '##': {
      const lengths = [...Array(text.length + 1).keys()];
      if (op === '##') lengths.reverse();
      const n = lengths.find((len) => re.test(text.slice(0, len)));
      return n === undefined ? text : text.slice(n);
    }
    case '%':
    case '%%': {
      const starts = [...Array(text.length + 1).keys()];
      if (op === '%') starts.reverse();
      const s = starts.find((start) => re.test(text.slice(start)));
      return s === undefined ? text : text.slice(0, s);
    }
    default: {
      if (pattern === '') return text;
      const replacement = part.replacement ? await expandString(part.replacement, ctx) : '';
      return replacePattern(text, re, replacement, op === '//');
    }
  }
}

/** `${v:offset}` / `${v:offset:length}`; negative values count from the end. */
function substring(text: string, spec: string, ctx: ExpandContext): string {
  const colon = spec.indexOf(':');
  const lookup = (name: string): string | undefined => ctx.state.vars.get(name);
  let offset: number;
  let length: number | undefined;
  try {
    offset = evaluateArith(colon < 0 ? spec : spec.slice(0, colon), lookup);
    length = colon < 0 ? undefined : evaluateArith(spec.slice(colon + 1), lookup);
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(`${spec}: ${e.message}`);
    throw e;
  }
  const chars = [...text];
  const start = offset < 0 ? Math.max(0, chars.length + offset) : Math.min(offset, chars.length);
  if (length === undefined) return chars.slice(start).join('');
  if (length < 0) {
    const end = chars.length + length;
    if (end < start) throw new ExpansionError(`${length}: substring expression < 0`);
    return chars.slice(start, end).join('');
  }
  return chars.slice(start, start + length).join('');
}

/** `${v/pat/rep}`: the longest match at the leftmost position, once or everywhere. */
function replacePattern(text: string, re: RegExp, replacement: string, all: boolean): string {
  let out = '';
  let i = 0;
  while (i <= text.length) {
    let matched = -1;
    for (let end = text.length; end > i; end--) {
      if (re.test(text.slice(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      if (i < text.length) out += text[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + text.slice(i);
  }
  return out;
}
