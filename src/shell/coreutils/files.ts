/** File commands with GNU coreutils' messages (C locale quoting). */
import type { ExternalCommand } from '../../os/process.js';
import { basename, dirname } from '../../os/path.js';
import { copyTree } from '../../os/walk.js';
import { FsError } from '../../os/vfs.js';
import { abs, badOption, parseArgs, reasonOf } from './args.js';

export const cat: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'nAEvsTbeu', '', { number: 'n' });
  if (p.unknown) return badOption(ctx, 'cat', p.unknown);
  let status = 0;
  let lineNo = 0;
  const emit = (text: string): void => {
    if (!p.flags.has('n')) {
      ctx.stdout.write(text);
      return;
    }
    const out = text.replace(/[^\n]*\n|[^\n]+$/g, (l) => `${String(++lineNo).padStart(6)}\t${l}`);
    ctx.stdout.write(out);
  };
  for (const name of p.operands.length ? p.operands : ['-']) {
    if (name === '-') {
      // Stream stdin chunk by chunk so `cat` in a pipeline or at a terminal passes lines through as they come.
      for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) emit(chunk);
      continue;
    }
    const path = abs(ctx, name);
    if (ctx.fs.stat(path)?.kind === 'dir') {
      ctx.stderr.write(`cat: ${name}: Is a directory\n`);
      status = 1;
      continue;
    }
    try {
      emit(new TextDecoder().decode(ctx.fs.readFile(path)));
    } catch (e) {
      ctx.stderr.write(`cat: ${name}: ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const mkdir: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'pv', 'm', { parents: 'p', verbose: 'v', mode: 'm' });
  if (p.unknown) return badOption(ctx, 'mkdir', p.unknown);
  if (p.operands.length === 0) {
    ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  const mode = p.values.has('m') ? parseInt(p.values.get('m')!, 8) : undefined;
  let status = 0;
  for (const name of p.operands) {
    const path = abs(ctx, name);
    try {
      if (p.flags.has('p')) {
        const st = ctx.fs.stat(path);
        if (st && st.kind !== 'dir') throw new FsError('EEXIST', path);
        ctx.fs.mkdir(path, { recursive: true, mode });
      } else ctx.fs.mkdir(path, { mode });
      if (p.flags.has('v')) ctx.stdout.write(`mkdir: created directory '${name}'\n`);
    } catch (e) {
      ctx.stderr.write(`mkdir: cannot create directory '${name}': ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'rRfvid', '', { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' });
  if (p.unknown) return badOption(ctx, 'rm', p.unknown);
  const recursive = p.flags.has('r') || p.flags.has('R');
  const force = p.flags.has('f');
  if (p.operands.length === 0 && !force) {
    ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of p.operands) {
    const path = abs(ctx, name);
    if (recursive && path === '/') {
      ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    const st = ctx.fs.lstat(path);
    if (!st) {
      if (!force) {
        ctx.stderr.write(`rm: cannot remove '${name}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (st.kind === 'dir' && !recursive) {
      if (p.flags.has('d') && ctx.fs.readdir(path).length === 0) {
        ctx.fs.rm(path, { recursive: true });
        continue;
      }
      ctx.stderr.write(`rm: cannot remove '${name}': Is a directory\n`);
      status = 1;
      continue;
    }
    try {
      ctx.fs.rm(path, { recursive, force });
      if (p.flags.has('v')) ctx.stdout.write(st.kind === 'dir' ? `removed directory '${name}'\n` : `removed '${name}'\n`);
    } catch (e) {
      ctx.stderr.write(`rm: cannot remove '${name}': ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rmdir: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'pv', '', { parents: 'p' });
  if (p.unknown) return badOption(ctx, 'rmdir', p.unknown);
  if (p.operands.length === 0) {
    ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of p.operands) {
    const path = abs(ctx, name);
    const st = ctx.fs.lstat(path);
    const reason = !st ? 'No such file or directory' : st.kind !== 'dir' ? 'Not a directory' : ctx.fs.readdir(path).length > 0 ? 'Directory not empty' : null;
    if (reason) {
      ctx.stderr.write(`rmdir: failed to remove '${name}': ${reason}\n`);
      status = 1;
      continue;
    }
    ctx.fs.rm(path, { recursive: true });
  }
  return status;
};

/** Where `cp a b` / `mv a b` put a source: into `b` when it is a directory. */
function destination(ctx: Parameters<ExternalCommand>[1], source: string, target: string, many: boolean): string | null {
  const t = abs(ctx, target);
  if (ctx.fs.stat(t)?.kind === 'dir') return `${t === '/' ? '' : t}/${basename(source)}`;
  return many ? null : t;
}

function twoOperands(ctx: Parameters<ExternalCommand>[1], cmd: string, operands: string[]): boolean {
  if (operands.length === 0) ctx.stderr.write(`${cmd}: missing file operand\nTry '${cmd} --help' for more information.\n`);
  else if (operands.length === 1) ctx.stderr.write(`${cmd}: missing destination file operand after '${operands[0]}'\nTry '${cmd} --help' for more information.\n`);
  return operands.length >= 2;
}

export const cp: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'rRapfvnuL', '', { recursive: 'r', archive: 'a', force: 'f', verbose: 'v' });
  if (p.unknown) return badOption(ctx, 'cp', p.unknown);
  if (!twoOperands(ctx, 'cp', p.operands)) return 1;
  const recursive = p.flags.has('r') || p.flags.has('R') || p.flags.has('a');
  const target = p.operands[p.operands.length - 1];
  const sources = p.operands.slice(0, -1);
  let status = 0;
  for (const source of sources) {
    const from = abs(ctx, source);
    const st = ctx.fs.stat(from);
    if (!st) {
      ctx.stderr.write(`cp: cannot stat '${source}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (st.kind === 'dir' && !recursive) {
      ctx.stderr.write(`cp: -r not specified; omitting directory '${source}'\n`);
      status = 1;
      continue;
    }
    const to = destination(ctx, source, target, sources.length > 1);
    if (!to) {
      ctx.stderr.write(`cp: target '${target}' is not a directory\n`);
      return 1;
    }
    if (st.kind === 'dir' && (to === from || to.startsWith(from + '/'))) {
      ctx.stderr.write(`cp: cannot copy a directory, '${source}', into itself, '${target}'\n`);
      status = 1;
      continue;
    }
    try {
      if (st.kind === 'file') ctx.fs.writeFile(to, ctx.fs.readFile(from), { mode: st.mode });
      else copyTree(ctx.fs, from, ctx.fs, to);
      if (p.flags.has('v')) ctx.stdout.write(`'${source}' -> '${target}'\n`);
    } catch (e) {
      ctx.stderr.write(`cp: cannot create regular file '${target}': ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const mv: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'fivnu', '', { force: 'f', verbose: 'v' });
  if (p.unknown) return badOption(ctx, 'mv', p.unknown);
  if (!twoOperands(ctx, 'mv', p.operands)) return 1;
  const target = p.operands[p.operands.length - 1];
  const sources = p.operands.slice(0, -1);
  let status = 0;
  for (const source of sources) {
    const from = abs(ctx, source);
    if (!ctx.fs.lstat(from)) {
      ctx.stderr.write(`mv: cannot stat '${source}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const to = destination(ctx, source, target, sources.length > 1);
    if (!to) {
      ctx.stderr.write(`mv: target '${target}' is not a directory\n`);
      return 1;
    }
    if (to === from) {
      ctx.stderr.write(`mv: '${source}' and '${target}' are the same file\n`);
      status = 1;
      continue;
    }
    try {
      ctx.fs.rename(from, to);
    } catch (e) {
      const reason = reasonOf(e);
      const text = reason === 'Invalid argument' ? `mv: cannot move '${source}' to a subdirectory of itself, '${target}/${basename(source)}'` : `mv: cannot move '${source}' to '${target}': ${reason}`;
      ctx.stderr.write(text + '\n');
      status = 1;
    }
  }
  return status;
};

export const touch: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'acm', 'dt', {});
  if (p.unknown) return badOption(ctx, 'touch', p.unknown);
  if (p.operands.length === 0) {
    ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of p.operands) {
    const path = abs(ctx, name);
    try {
      if (ctx.fs.stat(path)) {
        // Appending nothing is the Vfs-neutral way to bump the mtime of any implementation.
        if (ctx.fs.stat(path)?.kind === 'file') ctx.fs.writeFile(path, new Uint8Array(0), { append: true });
      } else if (!p.flags.has('c')) ctx.fs.writeFile(path, '');
    } catch (e) {
      ctx.stderr.write(`touch: cannot touch '${name}': ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const ln: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'sfvnT', '', { symbolic: 's', force: 'f' });
  if (p.unknown) return badOption(ctx, 'ln', p.unknown);
  if (!p.flags.has('s')) {
    ctx.stderr.write('ln: hard links are not supported here; use ln -s\n');
    return 1;
  }
  if (p.operands.length === 0) {
    ctx.stderr.write("ln: missing file operand\nTry 'ln --help' for more information.\n");
    return 1;
  }
  const target = p.operands[0];
  const linkName = p.operands[1] ?? basename(target);
  let path = abs(ctx, linkName);
  if (ctx.fs.stat(path)?.kind === 'dir' && !p.flags.has('n')) path = `${path === '/' ? '' : path}/${basename(target)}`;
  try {
    if (p.flags.has('f') && ctx.fs.lstat(path)) ctx.fs.rm(path);
    ctx.fs.symlink(target, path);
    return 0;
  } catch (e) {
    ctx.stderr.write(`ln: failed to create symbolic link '${linkName}': ${reasonOf(e)}\n`);
    return 1;
  }
};

export const chmod: ExternalCommand = async (argv, ctx) => {
  const args = argv.slice(1);
  const recursive = args[0] === '-R';
  const rest = recursive ? args.slice(1) : args;
  if (rest.length < 2) {
    ctx.stderr.write(rest.length === 0 ? "chmod: missing operand\nTry 'chmod --help' for more information.\n" : `chmod: missing operand after '${rest[0]}'\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  const [spec, ...files] = rest;
  let status = 0;
  for (const name of files) {
    const path = abs(ctx, name);
    const st = ctx.fs.stat(path);
    if (!st) {
      ctx.stderr.write(`chmod: cannot access '${name}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const mode = applyMode(spec, st.mode, st.kind === 'dir');
    if (mode === null) {
      ctx.stderr.write(`chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    ctx.fs.chmod(path, mode);
  }
  return status;
};

/** Octal (`755`) or symbolic (`u+x,go-w`, `+x`, `a=r`) modes. */
export function applyMode(spec: string, current: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    let bits = 0;
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      for (const perm of m[3]) {
        const value = perm === 'r' ? 4 : perm === 'w' ? 2 : perm === 'x' || (perm === 'X' && (isDir || (current & 0o111) !== 0)) ? 1 : 0;
        bits |= value << shift;
      }
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else {
      let clear = 0;
      for (const w of who) clear |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
      mode = (mode & ~clear) | bits;
    }
  }
  return mode;
}

/** `dirname`/`basename` as commands. */
export const dirnameCmd: ExternalCommand = async (argv, ctx) => {
  if (argv.length < 2) {
    ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n");
    return 1;
  }
  for (const a of argv.slice(1)) ctx.stdout.write(dirname(a) + '\n');
  return 0;
};

export const basenameCmd: ExternalCommand = async (argv, ctx) => {
  if (argv.length < 2) {
    ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  ctx.stdout.write(basename(argv[1], argv[2]) + '\n');
  return 0;
};
