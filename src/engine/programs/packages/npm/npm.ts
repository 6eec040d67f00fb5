/**
 * `npm` (10/11-style output): install / i / add / ci resolve dependencies
 * from the simulated registry and write node_modules plus the lockfiles;
 * start / run / test run package.json scripts through `sh -c`.
 */
import type { Program, ProgramContext } from '../../types.js';
import { resolveTree, type Installed } from './resolve.js';

const NPM_VERSION = '10.9.3';

/** The npm version the image ships (its package.json), as `npm -v` reports it. */
function npmVersion(ctx: ProgramContext): string {
  try {
    const pkg = JSON.parse(new TextDecoder().decode(ctx.fs.readFile('/usr/local/lib/node_modules/npm/package.json'))) as { version?: string };
    return pkg.version ?? NPM_VERSION;
  } catch {
    return NPM_VERSION;
  }
}

interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function logPath(ctx: ProgramContext): string {
  const stamp = new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '_');
  const home = ctx.env.get('HOME') ?? '/root';
  return `${home}/.npm/_logs/${stamp}-debug-0.log`;
}

function npmError(ctx: ProgramContext, lines: readonly string[]): void {
  for (const line of lines) ctx.stderr.write(line === '' ? 'npm error\n' : `npm error ${line}\n`);
  ctx.stderr.write(`npm error A complete log of this run can be found in: ${logPath(ctx)}\n`);
}

function readPackageJson(ctx: ProgramContext): PackageJson | 'missing' | 'invalid' {
  const path = join(ctx.cwd, 'package.json');
  if (ctx.fs.stat(path)?.kind !== 'file') return 'missing';
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(ctx.fs.readFile(path)));
    return typeof value === 'object' && value !== null ? (value as PackageJson) : 'invalid';
  } catch {
    return 'invalid';
  }
}

function enoent(ctx: ProgramContext): number {
  const path = join(ctx.cwd, 'package.json');
  npmError(ctx, [
    'code ENOENT',
    'syscall open',
    `path ${path}`,
    'errno -2',
    `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'`,
    'enoent This is related to npm not being able to find a file.',
    'enoent',
  ]);
  return 254;
}

function elapsed(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))}ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m`;
}

async function install(ctx: ProgramContext, args: readonly string[], clean: boolean): Promise<number> {
  const started = ctx.clock.now();
  const names = args.filter((a) => !a.startsWith('-'));
  let pkg = readPackageJson(ctx);
  if (pkg === 'invalid') {
    npmError(ctx, ['code EJSONPARSE', `path ${join(ctx.cwd, 'package.json')}`, 'JSON.parse Invalid package.json']);
    return 1;
  }
  if (pkg === 'missing') {
    if (names.length === 0 || clean) return enoent(ctx);
    pkg = {};
  }
  if (clean && ctx.fs.stat(join(ctx.cwd, 'package-lock.json'))?.kind !== 'file') {
    npmError(ctx, [
      'code EUSAGE',
      '',
      'The `npm ci` command can only install with an existing package-lock.json or',
      'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
      'later to generate a package-lock.json file, then try again.',
      '',
      'Clean install a project',
      '',
      'Usage:',
      'npm ci',
    ]);
    return 1;
  }
  const production = args.includes('--production') || args.includes('--omit=dev') || ctx.env.get('NODE_ENV') === 'production';
  const direct: Record<string, string> = { ...(pkg.dependencies ?? {}), ...(production ? {} : (pkg.devDependencies ?? {})) };
  const added: Record<string, string> = {};
  for (const spec of names) {
    const at = spec.lastIndexOf('@');
    const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'latest'];
    direct[name] = range;
    added[name] = range;
  }
  const result = resolveTree(direct);
  // Network round-trips happen before any error or output.
  await ctx.clock.sleep(300 + ctx.ids.int(200), ctx.killed);
  if (!result.ok) {
    if (result.code === 'E404') {
      npmError(ctx, [
        'code E404',
        `404 Not Found - GET https://registry.npmjs.org/${result.name} - Not found`,
        '404',
        `404  '${result.name}@${result.range === 'latest' ? '*' : result.range}' is not in this registry.`,
        '404',
        '404 Note that you can also install from a',
        '404 tarball, folder, http url, or git url.',
      ]);
    } else {
      npmError(ctx, ['code ETARGET', `notarget No matching version found for ${result.name}@${result.range}.`, 'notarget In most cases you or one of your dependencies are requesting', "notarget a package version that doesn't exist."]);
    }
    return 1;
  }
  const before = installedSet(ctx);
  await ctx.clock.sleep(400 + result.installed.length * 15 + ctx.ids.int(400), ctx.killed);
  if (ctx.killed.cancelled) return 130;
  if (clean) ctx.fs.rm(join(ctx.cwd, 'node_modules'), { recursive: true, force: true });
  writeModules(ctx, result.installed);
  if (Object.keys(added).length > 0) {
    const deps = { ...(pkg.dependencies ?? {}) };
    for (const name of Object.keys(added)) {
      const rel = result.installed.find((i) => i.path === `node_modules/${name}`)!.release;
      deps[name] = added[name] === 'latest' ? `^${rel.version}` : added[name];
    }
    pkg.dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    ctx.fs.writeFile(join(ctx.cwd, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  }
  writeLockfiles(ctx, pkg, result.installed);
  const newCount = clean ? result.installed.length : result.installed.filter((i) => !before.has(`${i.path}@${i.release.version}`)).length;
  const total = result.installed.length + 1;
  const took = elapsed(ctx.clock.now() - started);
  let out = '\n';
  out += newCount > 0 ? `added ${newCount} package${newCount === 1 ? '' : 's'}, and audited ${total} package${total === 1 ? '' : 's'} in ${took}\n` : `up to date, audited ${total} package${total === 1 ? '' : 's'} in ${took}\n`;
  const funding = result.installed.filter((i) => i.release.funding).length;
  if (funding > 0) out += `\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n`;
  out += '\nfound 0 vulnerabilities\n';
  ctx.stdout.write(out);
  return 0;
}

function installedSet(ctx: ProgramContext): Set<string> {
  const out = new Set<string>();
  const lock = join(ctx.cwd, 'node_modules/.package-lock.json');
  if (ctx.fs.stat(lock)?.kind !== 'file') return out;
  try {
    const data = JSON.parse(new TextDecoder().decode(ctx.fs.readFile(lock))) as { packages?: Record<string, { version?: string }> };
    for (const [path, info] of Object.entries(data.packages ?? {})) out.add(`${path}@${info.version ?? ''}`);
  } catch {
    // A broken lock is treated as nothing installed.
  }
  return out;
}

function writeModules(ctx: ProgramContext, installed: readonly Installed[]): void {
  for (const { path, release } of installed) {
    const dir = join(ctx.cwd, path);
    ctx.fs.mkdir(dir, { recursive: true });
    const manifest = { name: release.name, version: release.version, main: 'index.js' };
    ctx.fs.writeFile(`${dir}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
    ctx.fs.writeFile(`${dir}/index.js`, `// ${release.name}@${release.version} (simulated by Slipway)\nmodule.exports = {};\n`);
  }
}

function writeLockfiles(ctx: ProgramContext, pkg: PackageJson, installed: readonly Installed[]): void {
  const packages: Record<string, unknown> = {};
  for (const { path, release } of installed) {
    packages[path] = {
      version: release.version,
      resolved: `https://registry.npmjs.org/${release.name}/-/${release.name.replace(/^@[^/]+\//, '')}-${release.version}.tgz`,
      license: 'MIT',
    };
  }
  const root = { name: pkg.name ?? 'app', version: pkg.version ?? '1.0.0', dependencies: pkg.dependencies ?? {} };
  const lock = { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages: { '': root, ...packages } };
  ctx.fs.writeFile(join(ctx.cwd, 'package-lock.json'), JSON.stringify(lock, null, 2) + '\n');
  // With nothing to install npm creates no node_modules, so there is no hidden lockfile either.
  if (installed.length === 0) return;
  const hidden = { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages };
  ctx.fs.mkdir(join(ctx.cwd, 'node_modules'), { recursive: true });
  ctx.fs.writeFile(join(ctx.cwd, 'node_modules/.package-lock.json'), JSON.stringify(hidden, null, 2) + '\n');
}

async function runScript(ctx: ProgramContext, script: string, extra: readonly string[]): Promise<number> {
  const pkg = readPackageJson(ctx);
  if (pkg === 'missing') return enoent(ctx);
  if (pkg === 'invalid') return 1;
  let command = pkg.scripts?.[script];
  if (command === undefined && script === 'start' && ctx.fs.stat(join(ctx.cwd, 'server.js'))?.kind === 'file') command = 'node server.js';
  if (command === undefined) {
    npmError(ctx, [`Missing script: "${script}"`, '', 'To see a list of scripts, run:', '  npm run']);
    return 1;
  }
  const full = extra.length > 0 ? `${command} ${extra.join(' ')}` : command;
  ctx.stdout.write(`\n> ${pkg.name ?? 'app'}@${pkg.version ?? '1.0.0'} ${script}\n> ${full}\n\n`);
  const code = await ctx.spawn(['sh', '-c', full]);
  if (code !== 0) {
    npmError(ctx, [`Lifecycle script \`${script}\` failed with error:`, `code ${code}`, `path ${ctx.cwd}`, `command failed`, `command sh -c ${full}`]);
  }
  return code;
}

export const npmProgram: Program = async (ctx) => {
  const [sub, ...rest] = ctx.argv.slice(1);
  switch (sub) {
    case undefined:
      ctx.stdout.write(`npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\n\nnpm@${npmVersion(ctx)} /usr/local/lib/node_modules/npm\n`);
      return 1;
    case '-v':
    case '--version':
      ctx.stdout.write(`${npmVersion(ctx)}\n`);
      return 0;
    case 'install':
    case 'i':
    case 'add':
      return install(ctx, rest, false);
    case 'ci':
      return install(ctx, rest, true);
    case 'start':
    case 'test':
    case 'stop':
    case 'restart':
      return runScript(ctx, sub, rest);
    case 'run':
    case 'run-script': {
      const [script, ...extra] = rest;
      if (script === undefined) {
        const pkg = readPackageJson(ctx);
        if (pkg === 'missing') return enoent(ctx);
        if (pkg !== 'invalid') {
          const scripts = Object.entries(pkg.scripts ?? {});
          if (scripts.length > 0) ctx.stdout.write(`Lifecycle scripts included in ${pkg.name ?? 'app'}@${pkg.version ?? '1.0.0'}:\n${scripts.map(([k, v]) => `  ${k}\n    ${v}`).join('\n')}\n`);
        }
        return 0;
      }
      return runScript(ctx, script, extra.filter((e) => e !== '--'));
    }
    default:
      ctx.stderr.write(`Unknown command: "${sub}"\n\nTo see a list of supported npm commands, run:\n  npm help\n`);
      return 1;
  }
};
