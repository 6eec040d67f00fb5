/**
 * `pip` / `pip3 install` (pip 25-style output): names or `-r requirements.txt`,
 * dependencies collected from the simulated index, packages written into
 * site-packages, and the root-user warning a Docker build shows.
 */
import type { Program, ProgramContext } from '../../types.js';
import { normalizeName, PYPI, type PyPackage } from './pipData.js';

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n";

interface Requirement {
  readonly name: string;
  readonly spec: string;
  readonly pinned?: string;
}

function sitePackages(ctx: ProgramContext): string {
  const version = ctx.env.get('PYTHON_VERSION') ?? '3.12.0';
  const [major, minor] = version.split('.');
  return `/usr/local/lib/python${major}.${minor}/site-packages`;
}

function parseRequirement(text: string): Requirement | undefined {
  const line = text.replace(/#.*$/, '').trim();
  if (line === '' || line.startsWith('-')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(line);
  if (!m) return undefined;
  const pin = /^==\s*([^,;\s]+)/.exec(m[3]);
  return { name: m[1], spec: line.replace(/\s+/g, ''), pinned: pin?.[1] };
}

function resolvePath(cwd: string, p: string): string {
  return p.startsWith('/') ? p : cwd === '/' ? `/${p}` : `${cwd}/${p}`;
}

function kb(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(1)} MB` : `${n} kB`;
}

async function install(ctx: ProgramContext, args: readonly string[]): Promise<number> {
  const requirements: Requirement[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-r' || a === '--requirement') {
      const file = resolvePath(ctx.cwd, args[++i] ?? '');
      if (ctx.fs.stat(file)?.kind !== 'file') {
        ctx.stderr.write(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${args[i] ?? ''}'\n`);
        return 1;
      }
      for (const line of new TextDecoder().decode(ctx.fs.readFile(file)).split('\n')) {
        const r = parseRequirement(line);
        if (r) requirements.push(r);
      }
    } else if (!a.startsWith('-')) {
      const r = parseRequirement(a);
      if (r) requirements.push(r);
    }
  }
  if (requirements.length === 0) {
    ctx.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const site = sitePackages(ctx);
  const installedVersion = (name: string): string | undefined => {
    for (const entry of ctx.fs.stat(site)?.kind === 'dir' ? ctx.fs.readdir(site) : []) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
      if (m && normalizeName(m[1]) === name) return m[2];
    }
    return undefined;
  };
  const toInstall: PyPackage[] = [];
  const seen = new Set<string>();
  const queue: { req: Requirement; from?: string }[] = requirements.map((req) => ({ req }));
  await ctx.clock.sleep(200 + ctx.ids.int(200), ctx.killed);
  while (queue.length > 0) {
    const { req, from } = queue.shift()!;
    const name = normalizeName(req.name);
    if (seen.has(name)) continue;
    seen.add(name);
    const existing = installedVersion(name);
    if (existing) {
      ctx.stdout.write(`Requirement already satisfied: ${req.name} in ${site} (${existing})${from ? ` (from ${from})` : ''}\n`);
      continue;
    }
    const pkg = PYPI.get(name);
    if (!pkg) {
      ctx.stderr.write(`ERROR: Could not find a version that satisfies the requirement ${req.spec} (from versions: none)\n`);
      ctx.stderr.write(`ERROR: No matching distribution found for ${req.spec}\n`);
      return 1;
    }
    const chosen = req.pinned ? { ...pkg, version: req.pinned } : pkg;
    ctx.stdout.write(`Collecting ${req.spec}${from ? ` (from ${from})` : ''}\n`);
    ctx.stdout.write(`  Downloading ${pkg.name.replace(/-/g, '_')}-${chosen.version}-py3-none-any.whl.metadata (${Math.max(1, Math.round(pkg.kb / 30))}.${pkg.kb % 10} kB)\n`);
    toInstall.push(chosen);
    for (const dep of pkg.deps) queue.push({ req: { name: dep, spec: dep }, from: pkg.name });
    await ctx.clock.sleep(40 + ctx.ids.int(60), ctx.killed);
    if (ctx.killed.cancelled) return 130;
  }
  for (const pkg of toInstall) ctx.stdout.write(`Downloading ${pkg.name.replace(/-/g, '_')}-${pkg.version}-py3-none-any.whl (${kb(pkg.kb)})\n`);
  if (toInstall.length > 0) {
    const order = [...toInstall].reverse();
    ctx.stdout.write(`Installing collected packages: ${order.map((p) => p.name).join(', ')}\n`);
    await ctx.clock.sleep(300 + toInstall.reduce((n, p) => n + p.kb / 20, 0), ctx.killed);
    if (ctx.killed.cancelled) return 130;
    for (const pkg of toInstall) writePackage(ctx, site, pkg);
    const names = [...toInstall].sort((a, b) => (a.name < b.name ? -1 : 1)).map((p) => `${p.name}-${p.version}`);
    ctx.stdout.write(`Successfully installed ${names.join(' ')}\n`);
  }
  if ((ctx.user === 'root' || ctx.user === '0' || ctx.user === '') && !args.includes('--root-user-action=ignore')) ctx.stderr.write(ROOT_WARNING);
  return 0;
}

function writePackage(ctx: ProgramContext, site: string, pkg: PyPackage): void {
  const module = pkg.name.replace(/-/g, '_');
  ctx.fs.mkdir(`${site}/${module}`, { recursive: true });
  ctx.fs.writeFile(`${site}/${module}/__init__.py`, `# ${pkg.name} ${pkg.version} (simulated by Slipway)\n__version__ = "${pkg.version}"\n`);
  const info = `${site}/${module}-${pkg.version}.dist-info`;
  ctx.fs.mkdir(info, { recursive: true });
  ctx.fs.writeFile(`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${pkg.name}\nVersion: ${pkg.version}\n`);
}

export const pipProgram: Program = async (ctx) => {
  const [sub, ...rest] = ctx.argv.slice(1);
  switch (sub) {
    case 'install':
      return install(ctx, rest);
    case '--version':
    case '-V': {
      const v = ctx.env.get('PYTHON_VERSION') ?? '3.12.0';
      ctx.stdout.write(`pip 25.1.1 from /usr/local/lib/python${v.split('.').slice(0, 2).join('.')}/site-packages/pip (python ${v.split('.').slice(0, 2).join('.')})\n`);
      return 0;
    }
    case 'freeze':
    case 'list': {
      const site = sitePackages(ctx);
      const entries = ctx.fs.stat(site)?.kind === 'dir' ? ctx.fs.readdir(site) : [];
      for (const e of entries) {
        const m = /^(.+)-([^-]+)\.dist-info$/.exec(e);
        if (m) ctx.stdout.write(sub === 'freeze' ? `${m[1]}==${m[2]}\n` : `${m[1]} ${m[2]}\n`);
      }
      return 0;
    }
    default:
      ctx.stderr.write(sub === undefined ? '\nUsage:   \n  pip <command> [options]\n' : `ERROR: unknown command "${sub}"\n`);
      return sub === undefined ? 0 : 1;
  }
};
