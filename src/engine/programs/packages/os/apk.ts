/** `apk add` / `apk update` on Alpine (apk-tools 2 output). */
import type { Program } from '../../types.js';
import { isInstalled, markInstalled, osRelease } from './installState.js';
import { ALPINE_PACKAGES, closure } from './osPackageData.js';

const STATUS_DIR = '/var/lib/slipway/apk';

export const apkProgram: Program = async (ctx) => {
  const [sub, ...rest] = ctx.argv.slice(1);
  const os = osRelease(ctx.fs);
  const branch = `v${os.versionId.split('.').slice(0, 2).join('.') || '3.22'}`;
  const fetchIndexes = async (): Promise<void> => {
    for (const repo of ['main', 'community']) {
      ctx.stdout.write(`fetch https://dl-cdn.alpinelinux.org/alpine/${branch}/${repo}/x86_64/APKINDEX.tar.gz\n`);
      await ctx.clock.sleep(120 + ctx.ids.int(150), ctx.killed);
    }
  };
  if (sub === 'update') {
    await fetchIndexes();
    ctx.stdout.write(`${branch}-${os.versionId} [https://dl-cdn.alpinelinux.org/alpine/${branch}/main]\n${branch}-${os.versionId} [https://dl-cdn.alpinelinux.org/alpine/${branch}/community]\nOK: 26326 distinct packages available\n`);
    return 0;
  }
  if (sub !== 'add') {
    ctx.stderr.write(sub === undefined ? 'usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n' : `apk: applet '${sub}' not found\n`);
    return 1;
  }
  const names = rest.filter((a) => !a.startsWith('-'));
  await fetchIndexes();
  const missing = names.filter((n) => !ALPINE_PACKAGES.has(n));
  if (missing.length > 0) {
    ctx.stderr.write(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
    return missing.length;
  }
  const wanted = closure(ALPINE_PACKAGES, names).filter((p) => !isInstalled(ctx.fs, STATUS_DIR, p.name)).reverse();
  let i = 0;
  for (const p of wanted) {
    ctx.stdout.write(`(${++i}/${wanted.length}) Installing ${p.name} (${p.version})\n`);
    await ctx.clock.sleep(30 + p.kb / 40, ctx.killed);
    if (ctx.killed.cancelled) return 130;
    markInstalled(ctx.fs, STATUS_DIR, p);
  }
  const mib = Math.round(7 + wanted.reduce((n, p) => n + p.kb, 0) / 1024);
  ctx.stdout.write(`OK: ${mib} MiB in ${15 + wanted.length} packages\n`);
  return 0;
};
