/**
 * `apt-get update` / `apt-get install [-y]` with Debian's output. Official
 * images ship without package lists, so install before update fails with
 * `E: Unable to locate package`, exactly the mistake Dockerfiles teach about.
 */
import type { Program, ProgramContext } from '../../types.js';
import { isInstalled, markInstalled, osRelease } from './installState.js';
import { closure, DEBIAN_PACKAGES } from './osPackageData.js';

const LISTS = '/var/lib/apt/lists';
const STATUS_DIR = '/var/lib/slipway/dpkg';

function mirror(ctx: ProgramContext): { base: string; security: string; suite: string; ubuntu: boolean } {
  const os = osRelease(ctx.fs);
  if (os.id === 'ubuntu') return { base: 'http://archive.ubuntu.com/ubuntu', security: 'http://security.ubuntu.com/ubuntu', suite: os.codename, ubuntu: true };
  return { base: 'http://deb.debian.org/debian', security: 'http://deb.debian.org/debian-security', suite: os.codename, ubuntu: false };
}

async function update(ctx: ProgramContext): Promise<number> {
  const m = mirror(ctx);
  const lines = [
    `Get:1 ${m.base} ${m.suite} InRelease [140 kB]`,
    `Get:2 ${m.base} ${m.suite}-updates InRelease [47.3 kB]`,
    `Get:3 ${m.security} ${m.suite}-security InRelease [43.4 kB]`,
    `Get:4 ${m.base} ${m.suite}/main amd64 Packages [9670 kB]`,
    `Get:5 ${m.base} ${m.suite}-updates/main amd64 Packages [5412 B]`,
    `Get:6 ${m.security} ${m.suite}-security/main amd64 Packages [37.3 kB]`,
  ];
  for (const line of lines) {
    ctx.stdout.write(`${line}\n`);
    await ctx.clock.sleep(80 + ctx.ids.int(120), ctx.killed);
    if (ctx.killed.cancelled) return 130;
  }
  ctx.stdout.write('Fetched 9943 kB in 1s (7532 kB/s)\nReading package lists...\n');
  ctx.fs.mkdir(LISTS, { recursive: true });
  ctx.fs.writeFile(`${LISTS}/${m.base.replace(/^http:\/\//, '').replace(/\//g, '_')}_dists_${m.suite}_InRelease`, 'simulated\n');
  return 0;
}

function hasLists(ctx: ProgramContext): boolean {
  return ctx.fs.stat(LISTS)?.kind === 'dir' && ctx.fs.readdir(LISTS).some((n) => n.endsWith('InRelease'));
}

async function install(ctx: ProgramContext, args: readonly string[]): Promise<number> {
  const yes = args.some((a) => a === '-y' || a === '--yes' || a === '-qy' || a === '--assume-yes' || /^-[a-z]*y[a-z]*$/.test(a));
  const names = args.filter((a) => !a.startsWith('-'));
  ctx.stdout.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
  for (const name of names) {
    if (!hasLists(ctx) || !DEBIAN_PACKAGES.has(name)) {
      ctx.stderr.write(`E: Unable to locate package ${name}\n`);
      return 100;
    }
  }
  const wanted = closure(DEBIAN_PACKAGES, names).filter((p) => !isInstalled(ctx.fs, STATUS_DIR, p.name));
  for (const name of names) {
    if (!wanted.some((p) => p.name === name)) ctx.stdout.write(`${name} is already the newest version (${DEBIAN_PACKAGES.get(name)!.version}).\n`);
  }
  if (wanted.length === 0) {
    ctx.stdout.write('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const extra = wanted.filter((p) => !names.includes(p.name));
  if (extra.length > 0) ctx.stdout.write(`The following additional packages will be installed:\n  ${extra.map((p) => p.name).join(' ')}\n`);
  ctx.stdout.write(`The following NEW packages will be installed:\n  ${wanted.map((p) => p.name).sort().join(' ')}\n`);
  const total = wanted.reduce((n, p) => n + p.kb, 0);
  ctx.stdout.write(`0 upgraded, ${wanted.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${total} kB of archives.\nAfter this operation, ${Math.round(total * 3.1)} kB of additional disk space will be used.\n`);
  if (!yes) {
    ctx.stdout.write('Do you want to continue? [Y/n] ');
    const answer = await ctx.stdin.read();
    if (answer === null || !/^\s*(y|yes)?\s*$/i.test(answer)) {
      ctx.stdout.write('Abort.\n');
      return 1;
    }
  }
  const m = mirror(ctx);
  wanted.forEach((p, i) => ctx.stdout.write(`Get:${i + 1} ${m.base} ${m.suite}/main amd64 ${p.name} amd64 ${p.version} [${p.kb} kB]\n`));
  await ctx.clock.sleep(200 + total / 10, ctx.killed);
  if (ctx.killed.cancelled) return 130;
  ctx.stdout.write(`debconf: delaying package configuration, since apt-utils is not installed\nFetched ${total} kB in 0s (${Math.round(total * 4.2)} kB/s)\n`);
  let first = true;
  for (const p of wanted) {
    ctx.stdout.write(`Selecting previously unselected package ${p.name}.\n`);
    if (first) ctx.stdout.write('(Reading database ... 6688 files and directories currently installed.)\n');
    first = false;
    ctx.stdout.write(`Preparing to unpack .../${p.name}_${p.version.replace(/^\d+:/, '')}_amd64.deb ...\nUnpacking ${p.name} (${p.version}) ...\n`);
  }
  await ctx.clock.sleep(150 + total / 20, ctx.killed);
  for (const p of [...wanted].reverse()) {
    ctx.stdout.write(`Setting up ${p.name} (${p.version}) ...\n`);
    markInstalled(ctx.fs, STATUS_DIR, p);
  }
  ctx.stdout.write(`Processing triggers for libc-bin (${m.ubuntu ? '2.39-0ubuntu8.4' : '2.41-12'}) ...\n`);
  return 0;
}

export const aptGetProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const sub = args.find((a) => !a.startsWith('-'));
  const rest = args.filter((a, i) => i !== args.indexOf(sub ?? ''));
  switch (sub) {
    case 'update':
      return update(ctx);
    case 'install':
      return install(ctx, rest);
    case 'upgrade':
    case 'clean':
    case 'autoremove':
      if (sub === 'upgrade') ctx.stdout.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    case undefined:
      ctx.stdout.write('apt 3.0.3 (amd64)\nUsage: apt-get [options] command\n');
      return 0;
    default:
      ctx.stderr.write(`E: Invalid operation ${sub}\n`);
      return 100;
  }
};
