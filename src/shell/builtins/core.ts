/** Builtins that change the shell itself: directories, variables, options, control flow. */
import { resolvePath } from '../../os/path.js';
import { ArithError, evaluateArith } from '../arith.js';
import { ExitRequest, LoopControl, ReturnRequest } from '../errors.js';
import type { Builtin } from './types.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const cd: Builtin = (args, { sh, io, err }) => {
  const { state } = sh;
  const operands = args[0] === '--' ? args.slice(1) : args;
  if (operands.length > 1 && sh.rt.flavor === 'bash') {
    err('too many arguments');
    return 1;
  }
  let target: string | undefined = operands[0];
  let announce = false;
  if (target === undefined || target === '') {
    target = state.vars.get('HOME');
    if (target === undefined) {
      err('HOME not set');
      return 1;
    }
  } else if (target === '-') {
    target = state.vars.get('OLDPWD');
    if (target === undefined) {
      err('OLDPWD not set');
      return 1;
    }
    announce = true;
  }
  const path = resolvePath(state.cwd, target);
  const st = sh.rt.fs.stat(path);
  if (!st || st.kind !== 'dir') {
    if (sh.rt.flavor === 'sh') err(`can't cd to ${target}`);
    else err(`${target}: ${st ? 'Not a directory' : 'No such file or directory'}`);
    return 1;
  }
  state.vars.set('OLDPWD', state.cwd);
  state.cwd = path;
  state.vars.set('PWD', path);
  if (announce) io.stdout.write(path + '\n');
  return 0;
};

export const pwd: Builtin = (_args, { sh, io }) => {
  io.stdout.write(sh.state.cwd + '\n');
  return 0;
};

/** Quotes a value as `export -p` / `declare -p` show it. */
function declareQuote(value: string): string {
  return `"${value.replace(/["\\$`]/g, '\\$&')}"`;
}

export const exportBuiltin: Builtin = (args, { sh, io, err }) => {
  const { state } = sh;
  const names = args.filter((a) => a !== '-p' && a !== '--');
  if (names.length === 0) {
    for (const name of [...state.exported].sort()) {
      const v = state.vars.get(name);
      io.stdout.write(sh.rt.flavor === 'sh' ? `export ${name}${v === undefined ? '' : `='${v.replace(/'/g, "'\\''")}'`}\n` : `declare -x ${name}${v === undefined ? '' : `=${declareQuote(v)}`}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      err(`\`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (eq >= 0) state.vars.set(name, arg.slice(eq + 1));
    state.exported.add(name);
  }
  return status;
};

export const unset: Builtin = (args, { sh }) => {
  for (const name of args) {
    if (name === '-v') continue;
    if (name === '-f') continue;
    sh.state.vars.delete(name);
    sh.state.exported.delete(name);
    sh.state.functions.delete(name);
  }
  return 0;
};

const OPTION_LETTERS: Record<string, 'errexit' | 'nounset' | 'xtrace'> = { e: 'errexit', u: 'nounset', x: 'xtrace' };

export const set: Builtin = (args, { sh, io, err }) => {
  const { state } = sh;
  if (args.length === 0) {
    for (const name of [...state.vars.keys()].sort()) io.stdout.write(`${name}=${quoteValue(state.vars.get(name)!)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      state.positional = args.slice(i);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      if (opt === 'errexit' || opt === 'nounset' || opt === 'xtrace' || opt === 'pipefail') state.options[opt] = a === '-o';
      else if (opt !== undefined) {
        err(`${opt}: invalid option name`);
        return 1;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const letter of a.slice(1)) {
        const opt = OPTION_LETTERS[letter];
        if (opt) state.options[opt] = a[0] === '-';
      }
      continue;
    }
    break;
  }
  if (i < args.length) state.positional = args.slice(i);
  return 0;
};

function quoteValue(v: string): string {
  return /^[A-Za-z0-9_./:@%+,-]*$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`;
}

function statusArg(arg: string | undefined, fallback: number, err: (m: string) => void): number {
  if (arg === undefined) return fallback;
  if (!/^-?[0-9]+$/.test(arg)) {
    err(`${arg}: numeric argument required`);
    return 2;
  }
  return ((Number(arg) % 256) + 256) % 256;
}

export const exit: Builtin = (args, { sh, err }) => {
  throw new ExitRequest(statusArg(args[0], sh.state.lastStatus, err));
};

export const returnBuiltin: Builtin = (args, { sh, err }) => {
  if (sh.state.functionDepth === 0) {
    err("can only `return' from a function or sourced script");
    return 1;
  }
  throw new ReturnRequest(statusArg(args[0], sh.state.lastStatus, err));
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (args, { sh, err }) => {
    if (sh.state.loopDepth === 0) {
      if (sh.rt.flavor === 'bash') err("only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    const n = args[0] === undefined ? 1 : Number(args[0]);
    if (!Number.isInteger(n) || n < 1) {
      err(`${args[0]}: loop count out of range`);
      return 1;
    }
    throw new LoopControl(kind, Math.min(n, sh.state.loopDepth));
  };
}
export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

export const shift: Builtin = (args, { sh, err }) => {
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (!Number.isInteger(n) || n < 0 || n > sh.state.positional.length) {
    if (sh.rt.flavor === 'sh') err(`can't shift that many`);
    return 1;
  }
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

/** `local` without scopes: inside a function it assigns, which covers what scripts use it for. */
export const local: Builtin = (args, { sh, err }) => {
  if (sh.state.functionDepth === 0) {
    err('can only be used in a function');
    return 1;
  }
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq >= 0) sh.state.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (!sh.state.vars.has(arg)) sh.state.vars.set(arg, '');
  }
  return 0;
};

export const trueBuiltin: Builtin = () => 0;
export const falseBuiltin: Builtin = () => 1;

export const evalBuiltin: Builtin = (args, { sh, io }) => sh.runSource(args.join(' '), io);

export const source: Builtin = async (args, { sh, io, err, name }) => {
  if (args.length === 0) {
    err('filename argument required');
    return 2;
  }
  const path = resolvePath(sh.state.cwd, args[0]);
  let text: string;
  try {
    text = new TextDecoder().decode(sh.rt.fs.readFile(path));
  } catch {
    if (sh.rt.flavor === 'sh') io.stderr.write(`${sh.prefix(0)}: ${name}: cannot open ${args[0]}: No such file\n`);
    else err(`${args[0]}: No such file or directory`);
    return 1;
  }
  const saved = sh.state.positional;
  if (args.length > 1) sh.state.positional = args.slice(1);
  sh.state.functionDepth++;
  try {
    return await sh.runSource(text, io);
  } catch (e) {
    if (e instanceof ReturnRequest) return e.code;
    throw e;
  } finally {
    sh.state.functionDepth--;
    if (args.length > 1) sh.state.positional = saved;
  }
};

export const alias: Builtin = (args, { sh, io, err }) => {
  const { aliases } = sh.state;
  if (args.length === 0 || args[0] === '-p') {
    for (const [name, value] of [...aliases].sort()) io.stdout.write(`alias ${name}='${value.replace(/'/g, "'\\''")}'\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (aliases.has(arg)) io.stdout.write(`alias ${arg}='${aliases.get(arg)!.replace(/'/g, "'\\''")}'\n`);
    else {
      err(`${arg}: not found`);
      status = 1;
    }
  }
  return status;
};

export const unalias: Builtin = (args, { sh, err }) => {
  let status = 0;
  for (const name of args) {
    if (name === '-a') sh.state.aliases.clear();
    else if (!sh.state.aliases.delete(name)) {
      err(`${name}: not found`);
      status = 1;
    }
  }
  return status;
};

/** `let 'x = 1' y++`: arithmetic assignments; status 1 when the last value is 0. */
export const letBuiltin: Builtin = (args, { sh, err }) => {
  if (args.length === 0) {
    err('expression expected');
    return 1;
  }
  let last = 0;
  for (const expr of args) {
    try {
      last = evaluateArith(expr, (name) => sh.state.vars.get(name), (name, v) => sh.state.vars.set(name, String(v)));
    } catch (e) {
      if (!(e instanceof ArithError)) throw e;
      err(`${expr}: ${e.message}`);
      return 1;
    }
  }
  return last !== 0 ? 0 : 1;
};
