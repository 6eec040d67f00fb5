/** `grep` with -i -v -n -c -q -l -o -w -E -F -r, basic regular expressions translated to JavaScript. */
import type { ExternalCommand } from '../../os/process.js';
import { walkTree } from '../../os/walk.js';
import { abs, badOption, lines, parseArgs, readStdin, reasonOf } from './args.js';

/** POSIX BRE → JS: `\(`, `\{`, `\|`, `\+`, `\?` are operators; bare ones are literals. */
export function breToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(c)) {
      out += `\\${c}`;
    } else if (c === '*' && (i === 0 || pattern[i - 1] === '^')) {
      out += '\\*';
    } else {
      out += c;
    }
  }
  return posixClasses(out);
}

function posixClasses(re: string): string {
  return re
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z');
}

export const grep: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'ivncqlLoEFwrRhHs', 'e', {
    'ignore-case': 'i',
    'invert-match': 'v',
    'line-number': 'n',
    count: 'c',
    quiet: 'q',
    silent: 'q',
    'files-with-matches': 'l',
    'only-matching': 'o',
    'extended-regexp': 'E',
    'fixed-strings': 'F',
    'word-regexp': 'w',
    recursive: 'r',
    regexp: 'e',
  });
  if (p.unknown) return badOption(ctx, 'grep', p.unknown);
  const f = p.flags;
  const operands = [...p.operands];
  const pattern = p.values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let source = f.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : f.has('E') ? posixClasses(pattern) : breToJs(pattern);
  if (f.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  let re: RegExp;
  try {
    re = new RegExp(source, f.has('i') ? 'gi' : 'g');
  } catch {
    ctx.stderr.write('grep: Unmatched ( or \\(\n');
    return 2;
  }
  let errors = false;
  const inputs: { name: string; text: string }[] = [];
  const recursive = f.has('r') || f.has('R');
  for (const name of operands.length ? operands : recursive ? ['.'] : ['-']) {
    if (name === '-') {
      inputs.push({ name: '(standard input)', text: await readStdin(ctx) });
      continue;
    }
    const path = abs(ctx, name);
    const st = ctx.fs.stat(path);
    if (st?.kind === 'dir') {
      if (!recursive) {
        ctx.stderr.write(`grep: ${name}: Is a directory\n`);
        errors = true;
        continue;
      }
      for (const e of walkTree(ctx.fs, path)) {
        if (e.stat.kind !== 'file') continue;
        const shown = name === '.' && operands.length === 0 ? e.relative : `${name.replace(/\/$/, '')}/${e.relative}`;
        inputs.push({ name: shown, text: new TextDecoder().decode(ctx.fs.readFile(e.path)) });
      }
      continue;
    }
    try {
      inputs.push({ name, text: new TextDecoder().decode(ctx.fs.readFile(path)) });
    } catch (e) {
      if (!f.has('s')) ctx.stderr.write(`grep: ${name}: ${reasonOf(e)}\n`);
      errors = true;
    }
  }
  const showNames = (inputs.length > 1 || recursive) && !f.has('h') ? true : f.has('H');
  let matched = false;
  for (const { name, text } of inputs) {
    let count = 0;
    const out: string[] = [];
    lines(text).forEach((line, i) => {
      re.lastIndex = 0;
      const hit = re.test(line) !== f.has('v');
      if (!hit) return;
      count++;
      const prefix = (showNames ? `${name}:` : '') + (f.has('n') ? `${i + 1}:` : '');
      if (f.has('o') && !f.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out.push(prefix + m[0]);
      } else out.push(prefix + line);
    });
    if (count > 0) matched = true;
    if (f.has('q')) {
      if (matched) return 0;
      continue;
    }
    if (f.has('l')) {
      if (count > 0) ctx.stdout.write(name + '\n');
    } else if (f.has('L')) {
      if (count === 0) ctx.stdout.write(name + '\n');
    } else if (f.has('c')) {
      ctx.stdout.write((showNames ? `${name}:` : '') + count + '\n');
    } else if (out.length) {
      ctx.stdout.write(out.join('\n') + '\n');
    }
  }
  if (errors && !(f.has('q') && matched)) return 2;
  return matched ? 0 : 1;
};
