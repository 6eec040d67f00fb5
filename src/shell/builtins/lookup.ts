/** Builtins about commands themselves: type, which, command, exec, history, help. */
import { ExitRequest } from '../errors.js';
import { commandContext, commandPath, findCommand, invoke } from '../exec.js';
import { exportedEnv } from '../state.js';
import type { Builtin, BuiltinEnv } from './types.js';
import { BUILTINS } from './index.js';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]']);

function describe(name: string, env: BuiltinEnv): { kind: 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | null {
  if (KEYWORDS.has(name)) return { kind: 'keyword' };
  if (env.sh.state.functions.has(name)) return { kind: 'function' };
  if (BUILTINS.has(name)) return { kind: 'builtin' };
  if (findCommand(env.sh, name)) return { kind: 'file', path: commandPath(name) };
  return null;
}

export const type: Builtin = (args, env) => {
  let status = 0;
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const d = describe(name, env);
    if (!d) {
      env.err(`${name}: not found`);
      status = 1;
    } else if (d.kind === 'keyword') env.io.stdout.write(`${name} is a shell keyword\n`);
    else if (d.kind === 'function') env.io.stdout.write(`${name} is a function\n`);
    else if (d.kind === 'builtin') env.io.stdout.write(`${name} is a shell builtin\n`);
    else env.io.stdout.write(`${name} is ${d.path}\n`);
  }
  return status;
};

export const which: Builtin = (args, env) => {
  let status = 0;
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    if (!BUILTINS.has(name) || ['echo', 'printf', 'test', '[', 'pwd', 'true', 'false', 'kill'].includes(name)) {
      if (findCommand(env.sh, name) || BUILTINS.has(name)) {
        env.io.stdout.write(commandPath(name) + '\n');
        continue;
      }
    }
    status = 1;
  }
  return status;
};

export const command: Builtin = async (args, env) => {
  if (args[0] === '-v' || args[0] === '-V') {
    let status = 0;
    for (const name of args.slice(1)) {
      const d = describe(name, env);
      if (!d) status = 1;
      else if (args[0] === '-V') await type([name], env);
      else env.io.stdout.write((d.path ?? name) + '\n');
    }
    return status;
  }
  if (args.length === 0) return 0;
  const saved = env.sh.state.functions.get(args[0]);
  if (saved) env.sh.state.functions.delete(args[0]);
  try {
    return await invoke(env.sh, args, new Map(), env.io, env.line);
  } finally {
    if (saved) env.sh.state.functions.set(args[0], saved);
  }
};

/** `env` lists the environment, or runs a command with extra variables. */
export const env: Builtin = async (args, e) => {
  const extra = new Map<string, string>();
  let i = 0;
  let clear = false;
  for (; i < args.length; i++) {
    if (args[i] === '-i' || args[i] === '-') clear = true;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i])) {
      const eq = args[i].indexOf('=');
      extra.set(args[i].slice(0, eq), args[i].slice(eq + 1));
    } else break;
  }
  if (i < args.length) {
    const ctxEnv = clear ? extra : new Map([...exportedEnv(e.sh.state), ...extra]);
    const run = findCommand(e.sh, args[i]);
    if (!run) {
      e.io.stderr.write(`env: '${args[i]}': No such file or directory\n`);
      return 127;
    }
    return run(args.slice(i), { ...commandContext(e.sh, new Map(), e.io), env: ctxEnv });
  }
  const all = clear ? extra : new Map([...exportedEnv(e.sh.state), ...extra]);
  for (const [k, v] of all) e.io.stdout.write(`${k}=${v}\n`);
  return 0;
};

export const exec: Builtin = async (args, env) => {
  if (args.length === 0) return 0;
  const status = await invoke(env.sh, args, new Map(), env.io, env.line);
  throw new ExitRequest(status);
};

export const history: Builtin = (args, { sh, io, err }) => {
  const entries = sh.rt.history?.() ?? [];
  let shown = entries.map((line, i) => ({ n: i + 1, line }));
  if (args[0] === '-c') return 0;
  if (args[0] !== undefined) {
    const n = Number(args[0]);
    if (!Number.isInteger(n) || n < 0) {
      err(`${args[0]}: numeric argument required`);
      return 1;
    }
    shown = shown.slice(Math.max(0, shown.length - n));
  }
  for (const { n, line } of shown) io.stdout.write(`${String(n).padStart(5)}  ${line}\n`);
  return 0;
};

const HELP = `Slipway shell: a small bash for practising Docker.

Language: quotes ('…', "…", $'…'), $VAR, \${VAR:-default}, $(command), \`command\`,
  $((arithmetic)), pipes (|), lists (&&, ||, ;, &), redirections (>, >>, <, 2>, 2>&1, &>),
  here-documents (<<EOF), globs (*, ?, [abc]), ~, if/elif/else/fi, while/until,
  for … in …; do …; done, case … esac, { …; }, ( … ), functions.

Builtins: cd pwd echo printf export unset set read test [ exit return break continue
  shift local eval source exec type which command history help trap wait kill jobs true false

Commands: cat ls mkdir rm rmdir cp mv touch ln chmod head tail wc sort uniq grep cut tr tee
  seq env basename dirname date uname whoami hostname id sleep clear curl sh bash
  and docker.
`;

export const help: Builtin = (_args, { io }) => {
  io.stdout.write(HELP);
  return 0;
};
