/**
 * A parser for the subset of Go's text/template that `--format` users type:
 * fields, variables, functions, pipes, parentheses, `if`/`else if`/`else`,
 * `range`, `with`, and the `{{-`/`-}}` trim markers. Errors use Go's wording
 * (`template: :1: function "foo" not defined`).
 */

export type Arg =
  | { readonly kind: 'field'; readonly path: readonly string[]; readonly text: string }
  | { readonly kind: 'var'; readonly name: string; readonly path: readonly string[]; readonly text: string }
  | { readonly kind: 'func'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'pipe'; readonly pipe: Pipe; readonly path: readonly string[] };

export interface Command {
  readonly args: readonly Arg[];
}

export interface Pipe {
  readonly decl: readonly string[];
  readonly cmds: readonly Command[];
  readonly line: number;
  readonly col: number;
  readonly text: string;
}

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly pipe: Pipe }
  | ControlNode;

export interface ControlNode {
  readonly kind: 'if' | 'with' | 'range';
  readonly pipe: Pipe;
  readonly list: Node[];
  readonly elseList: Node[];
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

interface Action {
  readonly body: string;
  readonly line: number;
  readonly col: number;
}

type Piece = { readonly text: string } | { readonly action: Action };

function split(src: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let pendingTrim = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (pendingTrim) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text) pieces.push({ text });
      break;
    }
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) pieces.push({ text });
    const close = findClose(src, start);
    if (close < 0) throw new TemplateError(`template: :${lineAt(src, open)}: unclosed action`);
    let end = close;
    pendingTrim = false;
    if (close > start && src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
      end = close - 1;
      pendingTrim = true;
    }
    const body = src.slice(start, end);
    // Go reports the byte offset of the action's first node within its line.
    const first = start + (body.length - body.trimStart().length);
    pieces.push({ action: { body, line: lineAt(src, open), col: first - src.lastIndexOf('\n', first - 1) - 1 } });
    i = close + 2;
  }
  return pieces;
}

function findClose(src: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

function lineAt(src: string, index: number): number {
  return src.slice(0, index).split('\n').length;
}

type Token =
  | { readonly t: 'field'; readonly path: string[]; readonly text: string }
  | { readonly t: 'var'; readonly name: string; readonly path: string[]; readonly text: string }
  | { readonly t: 'ident'; readonly name: string }
  | { readonly t: 'literal'; readonly value: unknown }
  | { readonly t: 'op'; readonly op: '|' | '(' | ')' | ':=' | '=' | ',' }
  | { readonly t: 'chain'; readonly path: string[] };

function unquote(body: string, line: number): string {
  try {
    return JSON.parse(body.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    throw new TemplateError(`template: :${line}: unexpected bad syntax in quoted string`);
  }
}

function lex(action: Action): Token[] {
  const src = action.body;
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new TemplateError(`template: :${action.line}: ${what}`);
  };
  const readPath = (): string[] => {
    const path: string[] = [];
    while (src[i] === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i))!;
      path.push(m[1]);
      i += m[0].length;
    }
    return path;
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) fail('unterminated quoted string');
      tokens.push({ t: 'literal', value: unquote(src.slice(i, j + 1), action.line) });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      tokens.push({ t: 'literal', value: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '.') {
      const start = i;
      if (/[A-Za-z_]/.test(src[i + 1] ?? '')) {
        const path = readPath();
        const prev = tokens[tokens.length - 1];
        const glued = start > 0 && src[start - 1] === ')';
        if (glued && prev) tokens.push({ t: 'chain', path });
        else tokens.push({ t: 'field', path, text: src.slice(start, i) });
      } else if (/[0-9]/.test(src[i + 1] ?? '')) {
        const m = /^\.[0-9]+/.exec(src.slice(i))!;
        tokens.push({ t: 'literal', value: Number(m[0]) });
        i += m[0].length;
      } else {
        i++;
        tokens.push({ t: 'field', path: [], text: '.' });
      }
    } else if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*/.exec(src.slice(i))!;
      const start = i;
      i += m[0].length;
      const path = readPath();
      tokens.push({ t: 'var', name: m[0], path, text: src.slice(start, i) });
    } else if (c === '|' || c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'op', op: c });
      i++;
    } else if (src.startsWith(':=', i)) {
      tokens.push({ t: 'op', op: ':=' });
      i += 2;
    } else if (c === '=') {
      tokens.push({ t: 'op', op: '=' });
      i++;
    } else if (/[-+0-9]/.test(c)) {
      const m = /^[-+]?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)/.exec(src.slice(i));
      if (!m) fail(`bad number syntax: "${src.slice(i, i + 1)}"`);
      tokens.push({ t: 'literal', value: Number(m![0]) });
      i += m![0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      if (m[0] === 'true' || m[0] === 'false') tokens.push({ t: 'literal', value: m[0] === 'true' });
      else if (m[0] === 'nil') tokens.push({ t: 'literal', value: null });
      else tokens.push({ t: 'ident', name: m[0] });
    } else {
      fail(`unexpected "${c}" in command`);
    }
  }
  return tokens;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

class PipeParser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly action: Action,
    private readonly isFunc: (name: string) => boolean,
  ) {}

  private fail(what: string): never {
    throw new TemplateError(`template: :${this.action.line}: ${what}`);
  }

  parse(context: string): Pipe {
    const decl: string[] = [];
    const save = this.i;
    while (this.tokens[this.i]?.t === 'var') {
      decl.push((this.tokens[this.i] as { name: string }).name);
      this.i++;
      const next = this.tokens[this.i];
      if (next?.t === 'op' && (next.op === ':=' || next.op === '=')) {
        this.i++;
        break;
      }
      if (next?.t === 'op' && next.op === ',') {
        this.i++;
        continue;
      }
      decl.length = 0;
      this.i = save;
      break;
    }
    const pipe = this.pipeline(context, false);
    if (this.i < this.tokens.length) this.fail(`unexpected ${describe(this.tokens[this.i])} in ${context}`);
    return { ...pipe, decl };
  }

  private pipeline(context: string, nested: boolean): Pipe {
    const cmds: Command[] = [];
    let args: Arg[] = [];
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i];
      if (tok.t === 'op' && tok.op === ')') {
        if (!nested) this.fail(`unexpected right paren`);
        break;
      }
      this.i++;
      if (tok.t === 'op' && tok.op === '|') {
        if (args.length === 0) this.fail(`missing command`);
        cmds.push({ args });
        args = [];
      } else if (tok.t === 'op' && tok.op === '(') {
        const inner = this.pipeline(context, true);
        if (this.tokens[this.i]?.t !== 'op') this.fail(`unclosed left paren`);
        this.i++;
        let path: string[] = [];
        const chain = this.tokens[this.i];
        if (chain?.t === 'chain') {
          path = chain.path;
          this.i++;
        }
        args.push({ kind: 'pipe', pipe: inner, path });
      } else if (tok.t === 'field') args.push({ kind: 'field', path: tok.path, text: tok.text });
      else if (tok.t === 'var') args.push({ kind: 'var', name: tok.name, path: tok.path, text: tok.text });
      else if (tok.t === 'literal') args.push({ kind: 'literal', value: tok.value });
      else if (tok.t === 'ident') {
        if (KEYWORDS.has(tok.name)) this.fail(`unexpected <${tok.name}> in ${context}`);
        if (!this.isFunc(tok.name)) this.fail(`function "${tok.name}" not defined`);
        args.push({ kind: 'func', name: tok.name });
      } else this.fail(`unexpected ${describe(tok)} in ${context}`);
    }
    if (args.length > 0) cmds.push({ args });
    else if (cmds.length > 0) this.fail(`missing command`);
    if (cmds.length === 0) this.fail(`missing value for ${context}`);
    return { decl: [], cmds, line: this.action.line, col: this.action.col, text: this.action.body.trim() };
  }
}

function describe(tok: Token): string {
  if (tok.t === 'op') return `"${tok.op}"`;
  if (tok.t === 'ident') return `<${tok.name}>`;
  return 'token';
}

/** Parses a template into a node list; `isFunc` says which function names exist. */
export function parseTemplate(src: string, isFunc: (name: string) => boolean): Node[] {
  const pieces = split(src);
  let at = 0;
  const parseList = (stopAt: readonly string[]): { nodes: Node[]; stop?: { word: string; action: Action; rest: Token[] } } => {
    const nodes: Node[] = [];
    while (at < pieces.length) {
      const piece = pieces[at++];
      if ('text' in piece) {
        nodes.push({ kind: 'text', text: piece.text });
        continue;
      }
      const body = piece.action.body.trim();
      if (body.startsWith('/*')) continue;
      const tokens = lex(piece.action);
      const first = tokens[0];
      const word = first?.t === 'ident' && KEYWORDS.has(first.name) ? first.name : undefined;
      if (word === 'end' || word === 'else') {
        if (!stopAt.includes(word)) throw new TemplateError(`template: :${piece.action.line}: unexpected {{${word}}}`);
        return { nodes, stop: { word, action: piece.action, rest: tokens.slice(1) } };
      }
      if (word === 'if' || word === 'range' || word === 'with') {
        nodes.push(parseControl(word, tokens.slice(1), piece.action));
        continue;
      }
      if (word) throw new TemplateError(`template: :${piece.action.line}: unsupported action {{${word}}}`);
      nodes.push({ kind: 'action', pipe: new PipeParser(tokens, piece.action, isFunc).parse('command') });
    }
    if (stopAt.length > 0) throw new TemplateError(`template: :${pieces.length ? lineAt(src, src.length) : 1}: unexpected EOF`);
    return { nodes };
  };
  const parseControl = (word: 'if' | 'range' | 'with', tokens: Token[], action: Action): Node => {
    const pipe = new PipeParser(tokens, action, isFunc).parse(word);
    const body = parseList(['end', 'else']);
    let elseList: Node[] = [];
    if (body.stop?.word === 'else') {
      const rest = body.stop.rest;
      if (rest.length > 0 && rest[0].t === 'ident' && (rest[0].name === 'if' || rest[0].name === 'with')) {
        // `{{else if x}}` nests an if that shares this block's {{end}}.
        elseList = [parseControl(rest[0].name, rest.slice(1), body.stop.action)];
        return { kind: word, pipe, list: body.nodes, elseList };
      }
      const tail = parseList(['end']);
      elseList = tail.nodes;
    }
    return { kind: word, pipe, list: body.nodes, elseList };
  };
  return parseList([]).nodes;
}
