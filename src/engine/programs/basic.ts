/**
 * Small programs every image has: `sleep`, `true`, `false`, `cat`, `echo`,
 * `env`, `pwd`, plus the multi-call applets that defer to the shell's own
 * coreutils (`ls`, `mkdir`, …) so their output matches the terminal's.
 */
import { resolvePath } from '../../os/path.js';
import { FsError } from '../../os/vfs.js';
import { basename } from '../../os/path.js';
import { ExecError } from './resolve.js';
import { execve } from './runner.js';
import { containerCommands, loopbackClient } from './sh.js';
import { createShell } from './shellHost.js';
import type { Program, ProgramContext } from './types.js';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleepProgram: Program = async (ctx) => {
  const operands = ctx.argv.slice(1);
  if (operands.length === 0) {
    ctx.stderr.write('sleep: missing operand\n');
    return 1;
  }
  let total = 0;
  for (const op of operands) {
    if (op === 'infinity' || op === 'inf') total = Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(op);
    if (!m && total !== Infinity) {
      ctx.stderr.write(`sleep: invalid time interval '${op}'\n`);
      return 1;
    }
    if (m) total += Number(m[1]) * UNIT_MS[m[2]];
  }
  if (total === Infinity) {
    await new Promise<void>((resolve) => ctx.killed.onCancel(resolve));
  } else {
    await ctx.clock.sleep(total, ctx.killed);
  }
  return 0;
};

export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;

export const echoProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const newline = args[0] !== '-n';
  if (!newline) args.shift();
  ctx.stdout.write(args.join(' ') + (newline ? '\n' : ''));
  return 0;
};

export const catProgram: Program = async (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => a !== '-u');
  if (files.length === 0) files.push('-');
  let status = 0;
  for (const file of files) {
    if (file === '-') {
      for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) ctx.stdout.write(chunk);
      continue;
    }
    try {
      ctx.stdout.write(new TextDecoder().decode(ctx.fs.readFile(resolvePath(ctx.cwd, file))));
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      ctx.stderr.write(`cat: ${file}: ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};

export const envProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const assignments: [string, string][] = [];
  while (args.length > 0 && args[0].includes('=')) {
    const a = args.shift()!;
    assignments.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
  }
  // env execs its command: the environment it edits is the process's own.
  for (const [k, v] of assignments) ctx.env.set(k, v);
  if (args.length === 0) {
    for (const [k, v] of ctx.env) ctx.stdout.write(`${k}=${v}\n`);
    return 0;
  }
  try {
    return await execve(ctx, args);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    ctx.stderr.write(`env: '${args[0]}': No such file or directory\n`);
    return 127;
  }
};

export const pwdProgram: Program = async (ctx) => {
  ctx.stdout.write(`${ctx.cwd}\n`);
  return 0;
};

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs an applet through the shell's built-in coreutils (excluding itself, so it cannot recurse). */
export function appletViaShell(name: string): Program {
  return (ctx: ProgramContext) =>
    createShell({ fs: ctx.fs, cwd: ctx.cwd, env: ctx.env, clock: ctx.clock, flavor: 'sh', commands: containerCommands(ctx, name), scriptName: name, http: loopbackClient(ctx) }).run(
      [name, ...ctx.argv.slice(1)].map(shellQuote).join(' '),
      ctx,
    );
}

/** Applets the shell provides as coreutils; images ship them as files in /bin. */
export const SHELL_APPLETS = [
  'ls', 'mkdir', 'rm', 'rmdir', 'cp', 'mv', 'touch', 'head', 'tail', 'wc', 'grep', 'sort', 'uniq', 'cut', 'tr', 'sed',
  'find', 'xargs', 'tee', 'basename', 'dirname', 'date', 'whoami', 'id', 'uname', 'hostname', 'ps', 'printf', 'test',
  'chmod', 'ln', 'readlink', 'stat', 'du', 'df', 'which', 'seq', 'yes', 'clear', 'printenv', 'md5sum', 'sha256sum',
] as const;

/** `busybox <applet> args…` (applet names invoked through their links are resolved by the runner). */
export const busyboxProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (basename(ctx.argv[0] ?? '') !== 'busybox' || args.length === 0 || args[0].startsWith('-')) {
    ctx.stdout.write('BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n');
    return 0;
  }
  try {
    return await execve(ctx, args);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    ctx.stderr.write(`${args[0]}: applet not found\n`);
    return 127;
  }
};

export const nologinProgram: Program = async (ctx) => {
  ctx.stdout.write('This account is currently not available.\n');
  return 1;
};
