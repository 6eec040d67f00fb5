/**
 * A small `sed`: addresses (N, $, /re/, ranges), and the s, d, p, q, = commands,
 * with -n, -e, -E/-r and -i. Enough for the `sed -i 's/a/b/' file` of RUN lines.
 */
import type { ExternalCommand } from '../../os/process.js';
import { abs, readStdin, reasonOf } from './args.js';
import { breToJs } from './grep.js';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface Command {
  readonly from?: Address;
  readonly to?: Address;
  readonly negate: boolean;
  readonly name: string;
  readonly re?: RegExp;
  readonly replacement?: string;
  readonly global?: boolean;
  readonly print?: boolean;
  readonly occurrence?: number;
  readonly text?: string;
  /** Range state: inside a `from,to` range. */
  active?: boolean;
}

class SedError extends Error {}

function toRegex(source: string, extended: boolean, flags: string): RegExp {
  try {
    return new RegExp(extended ? source : breToJs(source), flags);
  } catch {
    throw new SedError(`-e expression #1, char 0: unterminated address regex`);
  }
}

/** Reads a delimited field starting after the delimiter; returns [text, next index]. */
function field(s: string, i: number, delim: string): [string, number] {
  let out = '';
  for (; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      out += s[i + 1] === delim ? delim : s[i] + s[i + 1];
      i++;
    } else if (s[i] === delim) return [out, i + 1];
    else out += s[i];
  }
  throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
}

function parse(script: string, extended: boolean): Command[] {
  const cmds: Command[] = [];
  let i = 0;
  const address = (): Address | undefined => {
    if (/[0-9]/.test(script[i] ?? '')) {
      const m = /^[0-9]+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/') {
      const [src, next] = field(script, i + 1, '/');
      i = next;
      return { kind: 're', re: toRegex(src, extended, '') };
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    const from = address();
    let to: Address | undefined;
    if (from && script[i] === ',') {
      i++;
      to = address();
    }
    while (script[i] === ' ') i++;
    let negate = false;
    if (script[i] === '!') {
      negate = true;
      i++;
    }
    const name = script[i++];
    if (name === 's') {
      const delim = script[i++];
      const [pat, a] = field(script, i, delim);
      const [rep, b] = field(script, a, delim);
      i = b;
      const flags = /^[gipI0-9]*/.exec(script.slice(i))![0];
      i += flags.length;
      const occurrence = /[0-9]+/.exec(flags);
      cmds.push({
        from,
        to,
        negate,
        name,
        re: toRegex(pat, extended, (flags.includes('g') || occurrence ? 'g' : '') + (/[iI]/.test(flags) ? 'i' : '')),
        replacement: rep,
        global: flags.includes('g'),
        print: flags.includes('p'),
        occurrence: occurrence ? Number(occurrence[0]) : undefined,
      });
    } else if (name === 'a' || name === 'i' || name === 'c') {
      const m = /^\\?\n?[ \t]*([^\n]*)/.exec(script.slice(i))!;
      i += m[0].length;
      const text = m[1];
      cmds.push({ from, to, negate, name, text });
    } else if ('dpq='.includes(name ?? '')) {
      cmds.push({ from, to, negate, name });
    } else {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${name ?? ''}'`);
    }
  }
  return cmds;
}

function substitute(line: string, c: Command): [string, boolean] {
  let count = 0;
  let changed = false;
  const re = c.re!;
  re.lastIndex = 0;
  const out = line.replace(re, (...m: unknown[]) => {
    const groups = m.slice(0, -2).filter((g) => typeof g === 'string' || g === undefined) as (string | undefined)[];
    count++;
    if (c.occurrence !== undefined && (c.global ? count < c.occurrence : count !== c.occurrence)) return groups[0] ?? '';
    changed = true;
    return c.replacement!.replace(/\\([0-9n&\\])|&/g, (tok, esc: string | undefined) => {
      if (tok === '&') return groups[0] ?? '';
      if (esc === 'n') return '\n';
      if (esc === '&' || esc === '\\') return esc;
      return groups[Number(esc)] ?? '';
    });
  });
  return [out, changed];
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if (a.kind === 'line') return n === a.n;
  if (a.kind === 'last') return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: Command, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.from) hit = true;
  else if (!c.to) hit = matches(c.from, line, n, last);
  else if (c.active) {
    if (matches(c.to, line, n, last) || (c.to.kind === 'line' && n >= c.to.n)) c.active = false;
    hit = true;
  } else if (matches(c.from, line, n, last)) {
    c.active = !(c.to.kind === 'line' && c.to.n <= n);
    hit = true;
  } else hit = false;
  return hit !== c.negate;
}

function run(text: string, cmds: Command[], quiet: boolean): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  let out = '';
  for (let n = 1; n <= lines.length; n++) {
    let line = lines[n - 1];
    const last = n === lines.length;
    let deleted = false;
    let quit = false;
    let after = '';
    for (const c of cmds) {
      if (!selected(c, line, n, last)) continue;
      if (c.name === 's') {
        const [next, changed] = substitute(line, c);
        line = next;
        if (changed && c.print) out += line + '\n';
      } else if (c.name === 'd') {
        deleted = true;
        break;
      } else if (c.name === 'p') out += line + '\n';
      else if (c.name === '=') out += `${n}\n`;
      else if (c.name === 'a') after += c.text + '\n';
      else if (c.name === 'i') out += c.text + '\n';
      else if (c.name === 'c') {
        out += c.text + '\n';
        deleted = true;
        break;
      } else if (c.name === 'q') {
        quit = true;
        break;
      }
    }
    if (!deleted && !quiet) out += line + (last && !trailing ? '' : '\n');
    out += after;
    if (quit) break;
  }
  return out;
}

export const sed: ExternalCommand = async (argv, ctx) => {
  const args = argv.slice(1);
  let quiet = false;
  let inPlace: string | undefined;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (a.startsWith('-i')) inPlace = a.slice(2);
    else if (a.startsWith('-') && a.length > 1) {
      ctx.stderr.write(`sed: invalid option -- '${a.slice(1)}'\n`);
      return 1;
    } else if (scripts.length === 0) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let cmds: Command[];
  try {
    cmds = parse(scripts.join('\n'), extended);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    ctx.stderr.write(`sed: ${e.message}\n`);
    return 1;
  }
  if (inPlace !== undefined && files.length === 0) {
    ctx.stderr.write('sed: no input files\n');
    return 1;
  }
  let status = 0;
  if (files.length === 0) {
    ctx.stdout.write(run(await readStdin(ctx), cmds, quiet));
    return 0;
  }
  let combined = '';
  for (const name of files) {
    const path = abs(ctx, name);
    let text: string;
    try {
      text = new TextDecoder().decode(ctx.fs.readFile(path));
    } catch (e) {
      ctx.stderr.write(`sed: can't read ${name}: ${reasonOf(e)}\n`);
      status = 2;
      continue;
    }
    if (inPlace !== undefined) {
      if (inPlace) ctx.fs.writeFile(path + inPlace, text);
      ctx.fs.writeFile(path, run(text, cmds.map((c) => ({ ...c, active: false })), quiet));
    } else combined += text;
  }
  if (inPlace === undefined) ctx.stdout.write(run(combined, cmds, quiet));
  return status;
};
