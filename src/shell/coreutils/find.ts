/** `find` with the tests people type: -name, -iname, -type, -maxdepth, -mindepth, -path; prints paths. */
import type { ExternalCommand } from '../../os/process.js';
import type { Stat } from '../../os/vfs.js';
import { matchPattern } from '../glob.js';
import { abs } from './args.js';

interface Test {
  (path: string, name: string, stat: Stat): boolean;
}

export const find: ExternalCommand = async (argv, ctx) => {
  const args = argv.slice(1);
  const roots: string[] = [];
  let i = 0;
  for (; i < args.length && !args[i].startsWith('-') && args[i] !== '!' && args[i] !== '('; i++) roots.push(args[i]);
  if (roots.length === 0) roots.push('.');
  const tests: Test[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  let negate = false;
  const add = (t: Test): void => {
    const n = negate;
    tests.push(n ? (p, nm, s) => !t(p, nm, s) : t);
    negate = false;
  };
  for (; i < args.length; i++) {
    const a = args[i];
    const value = args[i + 1];
    switch (a) {
      case '!':
      case '-not':
        negate = true;
        continue;
      case '-name':
      case '-iname': {
        const pat = a === '-iname' ? value.toLowerCase() : value;
        add((_p, name) => matchPattern(pat, a === '-iname' ? name.toLowerCase() : name));
        i++;
        continue;
      }
      case '-path':
        add((p) => matchPattern(value, p));
        i++;
        continue;
      case '-type':
        add((_p, _n, s) => (value === 'f' ? s.kind === 'file' : value === 'd' ? s.kind === 'dir' : value === 'l' ? s.kind === 'symlink' : false));
        i++;
        continue;
      case '-maxdepth':
        maxDepth = Number(value);
        i++;
        continue;
      case '-mindepth':
        minDepth = Number(value);
        i++;
        continue;
      case '-print':
        continue;
      default:
        if (value === undefined && a.startsWith('-') && ['-name', '-type', '-maxdepth'].includes(a)) {
          ctx.stderr.write(`find: missing argument to \`${a}'\n`);
          return 1;
        }
        ctx.stderr.write(`find: unknown predicate \`${a}'\n`);
        return 1;
    }
  }
  let status = 0;
  let out = '';
  const visit = (shown: string, path: string, depth: number): void => {
    const stat = ctx.fs.lstat(path);
    if (!stat) return;
    const name = depth === 0 ? shown : shown.slice(shown.lastIndexOf('/') + 1);
    if (depth >= minDepth && tests.every((t) => t(shown, name, stat))) out += shown + '\n';
    if (stat.kind !== 'dir' || depth >= maxDepth) return;
    for (const child of ctx.fs.readdir(path)) {
      visit(shown.endsWith('/') ? shown + child : `${shown}/${child}`, path === '/' ? `/${child}` : `${path}/${child}`, depth + 1);
    }
  };
  for (const root of roots) {
    const path = abs(ctx, root);
    if (!ctx.fs.lstat(path)) {
      ctx.stderr.write(`find: '${root}': No such file or directory\n`);
      status = 1;
      continue;
    }
    visit(root, path, 0);
  }
  ctx.stdout.write(out);
  return status;
};
