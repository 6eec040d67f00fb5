/**
 * Simple commands: expansion, assignments, redirections, then lookup in bash's
 * order (functions, builtins, coreutils, injected commands, paths) and the
 * shell's words when nothing is found.
 */
import type { CommandContext, ExternalCommand } from '../os/process.js';
import { basename, dirname, resolvePath } from '../os/path.js';
import type { SimpleCommand } from './ast.js';
import { BUILTINS } from './builtins/index.js';
import { ExitRequest, Interrupted, ReturnRequest } from './errors.js';
import { expandString, expandWords, ExpansionError } from './expand.js';
import type { Interpreter } from './interpreter.js';
import { coreutil } from './coreutils/index.js';
import type { ExecIO } from './runtime.js';
import { exportedEnv } from './state.js';
import { interruptibleStdin, interruptToken } from './input.js';
import { Shell } from './index.js';
import { quoteForShell } from './quote.js';

const BIN_DIRS = new Set(['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);
const MAX_FUNCTION_DEPTH = 1000;
/** Builtins dash does not have: `sh: 1: [[: not found`. */
const BASH_ONLY = new Set(['[[', 'source', 'alias', 'unalias', 'history']);

export async function runSimple(sh: Interpreter, cmd: SimpleCommand, io: ExecIO): Promise<number> {
  const ctx = sh.expandContext(io);
  let argv: string[];
  const assigns = new Map<string, string>();
  const substitutionsBefore = sh.substitutions;
  try {
    for (const a of cmd.assigns) {
      const value = await expandString(a.value, ctx);
      if (cmd.words.length === 0) sh.state.vars.set(a.name, value);
      else assigns.set(a.name, value);
    }
    argv = await expandWords(cmd.words, ctx);
    const alias = cmd.words.length > 0 && cmd.words[0].raw === argv[0] ? sh.state.aliases.get(argv[0]) : undefined;
    // Aliases are expanded as plain words: enough for `alias ll='ls -l'` and `alias d=docker`.
    if (alias !== undefined) argv = [...alias.split(/\s+/).filter(Boolean), ...argv.slice(1)];
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    io.stderr.write(`${sh.prefix(cmd.line)}: ${e.message}\n`);
    // bash discards the rest of an interactive line; a script exits.
    if (!sh.rt.interactive) throw new ExitRequest(sh.rt.flavor === 'sh' ? 2 : 1);
    throw new Interrupted(1);
  }
  // An assignment-only command takes the status of its last command substitution, else 0.
  const substitutionStatus = sh.substitutions !== substitutionsBefore ? sh.state.lastStatus : 0;
  const redirected = await sh.redirect(cmd.redirs, io, cmd.line);
  if (!redirected) return 1;
  try {
    if (argv.length === 0) return substitutionStatus;
    if (sh.state.options.xtrace) redirected.io.stderr.write(`+ ${argv.map(quoteForShell).join(' ')}\n`);
    return await invoke(sh, argv, assigns, redirected.io, cmd.line);
  } finally {
    redirected.close();
  }
}

/** Runs argv as a command (also used by `exec`, `command`, `xargs`-like callers). */
export async function invoke(sh: Interpreter, argv: string[], assigns: ReadonlyMap<string, string>, io: ExecIO, line: number): Promise<number> {
  const name = argv[0];
  const fn = sh.state.functions.get(name);
  if (fn) return callFunction(sh, fn, argv, assigns, io);
  const builtin = sh.rt.flavor === 'sh' && BASH_ONLY.has(name) ? undefined : BUILTINS.get(name);
  if (builtin) {
    const restore = applyTemporarily(sh, assigns);
    try {
      return await builtin(argv.slice(1), {
        sh,
        io,
        name,
        line,
        err: (message) => io.stderr.write(`${sh.prefix(line)}: ${name}: ${message}\n`),
      });
    } finally {
      restore();
    }
  }
  const external = findCommand(sh, name);
  if (external) {
    const interrupt = interruptToken(io.signals);
    try {
      const ctx = commandContext(sh, assigns, io);
      return await external(argv, { ...ctx, stdin: interruptibleStdin(io.stdin, interrupt.token) });
    } finally {
      interrupt.dispose();
    }
  }
  if (name.includes('/')) return runPath(sh, argv, assigns, io, line);
  const missing = sh.rt.flavor === 'sh' ? `${sh.prefix(line)}: ${name}: not found` : `${sh.prefix(line)}: ${name}: command not found`;
  io.stderr.write(missing + '\n');
  return 127;
}

/** Prefix assignments for a builtin (`X=1 env`): exported for its duration, then undone. */
function applyTemporarily(sh: Interpreter, assigns: ReadonlyMap<string, string>): () => void {
  if (assigns.size === 0) return () => undefined;
  const { vars, exported } = sh.state;
  const saved = [...assigns.keys()].map((k) => ({ k, v: vars.get(k), e: exported.has(k) }));
  for (const [k, v] of assigns) {
    vars.set(k, v);
    exported.add(k);
  }
  return () => {
    for (const { k, v, e } of saved) {
      if (v === undefined) vars.delete(k);
      else vars.set(k, v);
      if (!e) exported.delete(k);
    }
  };
}

/** A command other than a builtin or function: coreutils, then the injected ones (e.g. `docker`). */
export function findCommand(sh: Interpreter, name: string): ExternalCommand | undefined {
  if (SHELLS.has(name)) return (argv, ctx) => runShellCommand(sh, argv, ctx);
  return coreutil(name, sh.rt) ?? sh.rt.commands?.(name);
}

/** Where `which`/`type` say a command lives. */
export function commandPath(name: string): string {
  return `/usr/bin/${name}`;
}

export function commandContext(sh: Interpreter, assigns: ReadonlyMap<string, string>, io: ExecIO): CommandContext {
  return {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    signals: io.signals,
    terminal: io.terminal,
    env: exportedEnv(sh.state, assigns),
    cwd: sh.state.cwd,
    fs: sh.rt.fs,
    clock: sh.rt.clock,
  };
}

async function callFunction(sh: Interpreter, body: import('./ast.js').Command, argv: string[], assigns: ReadonlyMap<string, string>, io: ExecIO): Promise<number> {
  const { state } = sh;
  const savedArgs = state.positional;
  const savedVars = new Map<string, string | undefined>();
  for (const [k, v] of assigns) {
    savedVars.set(k, state.vars.get(k));
    state.vars.set(k, v);
  }
  if (state.functionDepth >= MAX_FUNCTION_DEPTH) {
    // bash would recurse until it crashes; a browser tab must not.
    io.stderr.write(`${sh.prefix(0)}: ${argv[0]}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})\n`);
    return 1;
  }
  state.positional = argv.slice(1);
  state.functionDepth++;
  try {
    return await sh.runCommand(body, io);
  } catch (e) {
    if (e instanceof ReturnRequest) return e.code;
    throw e;
  } finally {
    state.functionDepth--;
    state.positional = savedArgs;
    for (const [k, v] of savedVars) {
      if (v === undefined) state.vars.delete(k);
      else state.vars.set(k, v);
    }
  }
}

/** `./script.sh`, `/bin/ls`: what exists in the fs, with bash's 126/127 when it cannot run. */
async function runPath(sh: Interpreter, argv: string[], assigns: ReadonlyMap<string, string>, io: ExecIO, line: number): Promise<number> {
  const name = argv[0];
  const path = resolvePath(sh.state.cwd, name);
  const base = basename(path);
  const inBin = BIN_DIRS.has(dirname(path));
  const known = inBin ? findCommand(sh, base) : undefined;
  const fail = (reason: string, code: number): number => {
    const text = sh.rt.flavor === 'sh' && code === 127 ? 'not found' : reason;
    io.stderr.write(`${sh.prefix(line)}: ${name}: ${text}\n`);
    return code;
  };
  const st = sh.rt.fs.stat(path);
  if (!st && inBin && BUILTINS.has(base)) return invoke(sh, [base, ...argv.slice(1)], assigns, io, line);
  if (!st) return known ? known([basename(path), ...argv.slice(1)], commandContext(sh, assigns, io)) : fail('No such file or directory', 127);
  if (st.kind === 'dir') return fail(sh.rt.flavor === 'sh' ? 'Permission denied' : 'Is a directory', 126);
  if ((st.mode & 0o111) === 0) return fail('Permission denied', 126);
  const text = new TextDecoder().decode(sh.rt.fs.readFile(path));
  const shebang = /^#!\s*(\S+)(?:[ \t]+([^\n]*))?/.exec(text);
  let interpreter = shebang ? basename(shebang[1]) : 'sh';
  const interpArgs = shebang?.[2] ? shebang[2].trim().split(/\s+/) : [];
  if (interpreter === 'env' && interpArgs.length > 0) interpreter = interpArgs.shift()!;
  if (known && !shebang) return known([basename(path), ...argv.slice(1)], commandContext(sh, assigns, io));
  const run = findCommand(sh, interpreter);
  if (!run) return fail(`${shebang?.[1] ?? interpreter}: bad interpreter: No such file or directory`, 126);
  return run([interpreter, ...interpArgs, name, ...argv.slice(1)], commandContext(sh, assigns, io));
}

/** `sh -c '…' [name args…]`, `sh script args…`, or a script on stdin: a fresh child shell. */
async function runShellCommand(sh: Interpreter, argv: readonly string[], ctx: CommandContext): Promise<number> {
  const flavor = argv[0] === 'bash' ? 'bash' : 'sh';
  let i = 1;
  let source: string | undefined;
  const options: string[] = [];
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '-c') {
      source = argv[++i];
      if (source === undefined) {
        ctx.stderr.write(`${argv[0]}: -c: option requires an argument\n`);
        return 2;
      }
    } else options.push(argv[i]);
  }
  let scriptName = argv[0];
  let args: string[];
  if (source !== undefined) {
    scriptName = argv[i] ?? argv[0];
    source = source.length ? source : '';
    args = argv.slice(i + 1);
  } else if (i < argv.length) {
    scriptName = argv[i];
    args = argv.slice(i + 1);
    try {
      source = new TextDecoder().decode(ctx.fs.readFile(resolvePath(ctx.cwd, argv[i])));
    } catch {
      ctx.stderr.write(flavor === 'sh' ? `${argv[0]}: 0: cannot open ${argv[i]}: No such file\n` : `${argv[0]}: ${argv[i]}: No such file or directory\n`);
      return 127;
    }
  } else {
    args = [];
    source = '';
    for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) source += chunk;
  }
  const child = new Shell({
    fs: ctx.fs,
    cwd: ctx.cwd,
    env: ctx.env,
    clock: ctx.clock,
    flavor,
    commands: sh.rt.commands,
    http: sh.rt.http,
    scriptName,
    args,
  });
  if (options.includes('-e')) child.setOption('errexit', true);
  if (options.includes('-x')) child.setOption('xtrace', true);
  return child.run(source, ctx);
}
