/** `ls` with -l, -a, -A, -1, -R, -d, -h: GNU layout, columns on a terminal, one per line otherwise. */
import type { CommandContext, ExternalCommand } from '../../os/process.js';
import type { Stat } from '../../os/vfs.js';
import { abs, badOption, parseArgs } from './args.js';

interface Item {
  readonly name: string;
  readonly path: string;
  readonly stat: Stat;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR_MS = 182.5 * 24 * 3600 * 1000;

export function modeString(stat: Stat): string {
  const type = stat.kind === 'dir' ? 'd' : stat.kind === 'symlink' ? 'l' : '-';
  let out = type;
  for (const shift of [6, 3, 0]) {
    const bits = (stat.mode >> shift) & 7;
    out += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
  }
  return out;
}

export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mtime < HALF_YEAR_MS && mtime <= now + 3600 * 1000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** Names from the file system's /etc/passwd and /etc/group, as `ls -l` shows them. */
function nameTable(ctx: CommandContext, file: string): Map<number, string> {
  const table = new Map<number, string>([[0, 'root']]);
  try {
    for (const line of new TextDecoder().decode(ctx.fs.readFile(file)).split('\n')) {
      const [name, , id] = line.split(':');
      if (name && id && /^[0-9]+$/.test(id) && !table.has(Number(id))) table.set(Number(id), name);
    }
  } catch {
    // No such file: numeric ids, except the session user's usual 1000.
    const user = ctx.env.get('USER');
    if (user && user !== 'root') table.set(1000, user);
  }
  return table;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

function sizeOf(stat: Stat): number {
  return stat.kind === 'dir' ? 4096 : stat.size;
}

function blocks(stat: Stat): number {
  return stat.kind === 'symlink' ? 0 : Math.ceil(sizeOf(stat) / 4096) * 4;
}

export const ls: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'laA1RdhFS', '', { all: 'a', 'almost-all': 'A', recursive: 'R', directory: 'd', 'human-readable': 'h' });
  if (p.unknown) return badOption(ctx, 'ls', p.unknown);
  const f = p.flags;
  let status = 0;
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const name of p.operands.length ? p.operands : ['.']) {
    const path = abs(ctx, name);
    const lst = ctx.fs.lstat(path);
    const st = ctx.fs.stat(path) ?? lst;
    if (!st) {
      ctx.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
      continue;
    }
    const followed = lst?.kind === 'symlink' && !f.has('l') ? st : (lst ?? st);
    if (followed.kind === 'dir' && !f.has('d')) dirs.push({ name, path, stat: followed });
    else files.push({ name, path, stat: lst ?? st });
  }
  const out: string[] = [];
  if (files.length) out.push(format(files.sort(byName), ctx, f));
  const showHeaders = p.operands.length > 1 || f.has('R');
  const listDir = (dir: Item, first: boolean): void => {
    let names = ctx.fs.readdir(dir.path);
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const items: Item[] = names.map((n) => {
      const path = `${dir.path === '/' ? '' : dir.path}/${n}`;
      return { name: n, path, stat: ctx.fs.lstat(path)! };
    });
    if (f.has('a')) {
      items.unshift({ name: '..', path: dir.path, stat: ctx.fs.stat(dir.path)! }, { name: '.', path: dir.path, stat: dir.stat });
    }
    items.sort(byName);
    let body = format(items, ctx, f, true);
    if (showHeaders) body = `${dir.name}:\n${body}`;
    out.push(first && !files.length ? body : body);
    if (f.has('R')) {
      for (const child of items) {
        if (child.stat.kind === 'dir' && child.name !== '.' && child.name !== '..') {
          listDir({ name: dir.name === '/' ? `/${child.name}` : `${dir.name}/${child.name}`, path: child.path, stat: child.stat }, false);
        }
      }
    }
  };
  dirs.sort(byName).forEach((d, i) => listDir(d, i === 0));
  ctx.stdout.write(out.filter((s) => s !== '').join('\n'));
  return status;
};

function byName(a: Item, b: Item): number {
  if (a.name === '.' || b.name === '.') return a.name === '.' ? -1 : 1;
  if (a.name === '..' || b.name === '..') return a.name === '..' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function format(items: Item[], ctx: CommandContext, f: Set<string>, isDir = false): string {
  if (f.has('l')) return longFormat(items, ctx, f, isDir);
  const names = items.map((i) => i.name + (f.has('F') ? suffix(i.stat) : ''));
  if (names.length === 0) return '';
  if (f.has('1') || !ctx.terminal) return names.join('\n') + '\n';
  return columns(names, ctx.terminal.columns);
}

function suffix(stat: Stat): string {
  if (stat.kind === 'dir') return '/';
  if (stat.kind === 'symlink') return '@';
  return stat.mode & 0o111 ? '*' : '';
}

/** GNU's vertical column layout: as many columns as fit, separated by at least two spaces. */
export function columns(names: readonly string[], width: number): string {
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (cols > 1 && Math.ceil(names.length / rows) < cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(0, ...col.map((n) => n.length)));
    }
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total > width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const name = names[c * rows + r];
        if (name !== undefined) cells.push(name);
      }
      out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + 2))).join('') + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}

function longFormat(items: Item[], ctx: CommandContext, f: Set<string>, isDir: boolean): string {
  const now = ctx.clock.now();
  const users = nameTable(ctx, '/etc/passwd');
  const groups = nameTable(ctx, '/etc/group');
  const owner = (table: Map<number, string>, id: number): string => table.get(id) ?? String(id);
  const rows = items.map((i) => {
    const links = i.stat.kind === 'dir' ? 2 + safeSubdirs(ctx, i) : 1;
    const size = f.has('h') ? human(sizeOf(i.stat)) : String(sizeOf(i.stat));
    let name = i.name;
    if (i.stat.kind === 'symlink') {
      try {
        name += ` -> ${ctx.fs.readlink(i.path)}`;
      } catch {
        // A racing removal: show the bare name.
      }
    }
    return [modeString(i.stat), String(links), owner(users, i.stat.uid), owner(groups, i.stat.gid), size, lsDate(i.stat.mtime, now), name];
  });
  const w = [1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const body = rows.map((r) => `${r[0]} ${r[1].padStart(w[0])} ${r[2].padEnd(w[1])} ${r[3].padEnd(w[2])} ${r[4].padStart(w[3])} ${r[5]} ${r[6]}\n`).join('');
  if (!isDir) return body;
  const total = items.reduce((sum, i) => sum + blocks(i.stat), 0);
  return `total ${f.has('h') ? human(total * 1024) : total}\n${body}`;
}

function safeSubdirs(ctx: CommandContext, item: Item): number {
  try {
    return ctx.fs.readdir(item.path).filter((n) => ctx.fs.lstat(`${item.path === '/' ? '' : item.path}/${n}`)?.kind === 'dir').length;
  } catch {
    return 0;
  }
}
