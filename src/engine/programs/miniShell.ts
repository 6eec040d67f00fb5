/**
 * A deliberately small POSIX-ish interpreter, used as the container `sh` only
 * until the shared interpreter from src/shell is wired in (see shellHost.ts).
 * It covers what image commands need: quoting, `$VAR`, `;` `&&` `||`,
 * `exit`, `exec`, `cd`, `export`, and external commands through PATH.
 */
import type { CommandContext, CommandIO, ExternalCommand } from '../../os/process.js';
import { resolvePath } from '../../os/path.js';
import type { ShellHost, ShellHostOptions } from './shellHost.js';

type Token = { readonly kind: 'word'; readonly text: string } | { readonly kind: 'op'; readonly text: string };

class ExitSignal {
  constructor(readonly code: number) {}
}

function tokenize(source: string, vars: (name: string) => string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = (): void => {
    if (inWord) tokens.push({ kind: 'word', text: word });
    word = '';
    inWord = false;
  };
  const readVar = (): string => {
    if (source[i] === '{') {
      const end = source.indexOf('}', i);
      const name = source.slice(i + 1, end < 0 ? source.length : end);
      i = end < 0 ? source.length : end + 1;
      return vars(name);
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?@#0-9$])/.exec(source.slice(i));
    if (!m) return '$';
    i += m[1].length;
    return vars(m[1]);
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '#' && !inWord) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t') {
      push();
      i++;
    } else if (c === '\n' || c === ';') {
      push();
      tokens.push({ kind: 'op', text: ';' });
      i++;
    } else if ((c === '&' || c === '|') && source[i + 1] === c) {
      push();
      tokens.push({ kind: 'op', text: c + c });
      i += 2;
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1);
      word += source.slice(i + 1, end < 0 ? source.length : end);
      inWord = true;
      i = end < 0 ? source.length : end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < source.length && '"\\$`'.includes(source[i + 1])) {
          word += source[i + 1];
          i += 2;
        } else if (source[i] === '$') {
          i++;
          word += readVar();
        } else word += source[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < source.length) {
      word += source[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      i++;
      word += readVar();
      inWord = true;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  push();
  return tokens;
}

export class MiniShell implements ShellHost {
  private status = 0;
  private cwd: string;
  private readonly env: Map<string, string>;

  constructor(private readonly options: ShellHostOptions) {
    this.cwd = options.cwd;
    this.env = new Map(options.env);
  }

  private variable(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '0') return this.options.scriptName;
    if (name === '@') return (this.options.args ?? []).join(' ');
    if (name === '#') return String((this.options.args ?? []).length);
    if (/^[1-9]$/.test(name)) return this.options.args?.[Number(name) - 1] ?? '';
    return this.env.get(name) ?? '';
  }

  async run(source: string, io: CommandIO): Promise<number> {
    const tokens = tokenize(source, (name) => this.variable(name));
    let words: string[] = [];
    let skip = false;
    try {
      for (let i = 0; i <= tokens.length; i++) {
        const token = tokens[i];
        if (token && token.kind === 'word') {
          words.push(token.text);
          continue;
        }
        if (words.length > 0 && !skip) this.status = await this.command(words, io, token === undefined);
        words = [];
        if (!token || token.text === ';') skip = false;
        else if (token.text === '&&') skip = skip || this.status !== 0;
        else if (token.text === '||') skip = skip || this.status === 0;
      }
    } catch (error) {
      if (error instanceof ExitSignal) return error.code;
      throw error;
    }
    return this.status;
  }

  private async command(words: string[], io: CommandIO, last: boolean): Promise<number> {
    const assignments = new Map<string, string>();
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const w = words.shift()!;
      assignments.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
    }
    if (words.length === 0) {
      for (const [k, v] of assignments) this.env.set(k, v);
      return 0;
    }
    const [name, ...args] = words;
    switch (name) {
      case 'exit':
        throw new ExitSignal(args.length > 0 ? Number(args[0]) & 255 : this.status);
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'echo':
        io.stdout.write(args[0] === '-n' ? args.slice(1).join(' ') : `${args.join(' ')}\n`);
        return 0;
      case 'cd':
        this.cwd = resolvePath(this.cwd, args[0] ?? this.env.get('HOME') ?? '/');
        return 0;
      case 'export':
        for (const a of args) if (a.includes('=')) this.env.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
        return 0;
      case 'exec':
        if (args.length === 0) return 0;
        throw new ExitSignal(await this.external(args, assignments, io, true));
    }
    return this.external(words, assignments, io, last);
  }

  private async external(words: string[], assignments: Map<string, string>, io: CommandIO, replace: boolean): Promise<number> {
    const command: ExternalCommand | undefined = this.options.commands(words[0], replace);
    if (!command) {
      io.stderr.write(`${this.options.scriptName}: 1: ${words[0]}: not found\n`);
      return 127;
    }
    const env = new Map(this.env);
    for (const [k, v] of assignments) env.set(k, v);
    const ctx: CommandContext = { ...io, env, cwd: this.cwd, fs: this.options.fs, clock: this.options.clock };
    return command(words, ctx);
  }
}
