/** `test`, `[` and a practical `[[`: file tests, strings, integers, `!`, `-a`, `-o`, parentheses. */
import { resolvePath } from '../../os/path.js';
import type { Vfs } from '../../os/vfs.js';
import { matchPattern } from '../glob.js';
import type { Builtin, BuiltinEnv } from './types.js';

class TestError extends Error {}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-a']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '=~']);

function evaluate(args: string[], env: BuiltinEnv, extended: boolean): boolean {
  const fs = env.sh.rt.fs;
  const cwd = env.sh.state.cwd;
  let pos = 0;

  const fileTest = (op: string, name: string): boolean => {
    const path = resolvePath(cwd, name);
    if (op === '-L' || op === '-h') return fs.lstat(path)?.kind === 'symlink';
    const st = fs.stat(path);
    if (!st) return false;
    switch (op) {
      case '-f':
        return st.kind === 'file';
      case '-d':
        return st.kind === 'dir';
      case '-s':
        return st.size > 0;
      case '-x':
        return (st.mode & 0o111) !== 0 || st.kind === 'dir';
      default:
        return true;
    }
  };

  const int = (s: string): number => {
    if (!/^\s*[-+]?[0-9]+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };

  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return extended ? matchPattern(b, a) : a === b;
      case '!=':
        return extended ? !matchPattern(b, a) : a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '=~':
        return new RegExp(b).test(a);
      case '-nt':
      case '-ot': {
        const ta = mtime(fs, resolvePath(cwd, a));
        const tb = mtime(fs, resolvePath(cwd, b));
        return op === '-nt' ? ta > tb : ta < tb;
      }
    }
    const x = int(a);
    const y = int(b);
    return op === '-eq' ? x === y : op === '-ne' ? x !== y : op === '-lt' ? x < y : op === '-le' ? x <= y : op === '-gt' ? x > y : x >= y;
  };

  const primary = (): boolean => {
    const a = args[pos];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!' && pos + 1 < args.length) {
      pos++;
      return !primary();
    }
    if (a === '(' && args.includes(')', pos)) {
      pos++;
      const v = or();
      if (args[pos] !== ')') throw new TestError("`)' expected");
      pos++;
      return v;
    }
    if (pos + 2 < args.length && BINARY.has(args[pos + 1])) {
      pos += 3;
      return binary(a, args[pos - 2], args[pos - 1]);
    }
    if ((UNARY_FILE.has(a) || a === '-n' || a === '-z') && pos + 1 < args.length) {
      const operand = args[pos + 1];
      pos += 2;
      if (a === '-n') return operand !== '';
      if (a === '-z') return operand === '';
      return fileTest(a, operand);
    }
    if (a.startsWith('-') && a.length === 2 && pos + 1 < args.length && !BINARY.has(args[pos + 1]) && args[pos + 1] !== '-a' && args[pos + 1] !== '-o') {
      throw new TestError(`${a}: unary operator expected`);
    }
    pos++;
    return a !== '';
  };

  const and = (): boolean => {
    let v = primary();
    while (args[pos] === '-a' || (extended && args[pos] === '&&')) {
      pos++;
      const r = primary();
      v = v && r;
    }
    return v;
  };

  const or = (): boolean => {
    let v = and();
    while (args[pos] === '-o' || (extended && args[pos] === '||')) {
      pos++;
      const r = and();
      v = v || r;
    }
    return v;
  };

  if (args.length === 0) return false;
  const result = or();
  if (pos < args.length) throw new TestError(`${args[pos]}: ${args.length > 3 ? 'too many arguments' : 'binary operator expected'}`);
  return result;
}

function mtime(fs: Vfs, path: string): number {
  return fs.stat(path)?.mtime ?? -Infinity;
}

function run(args: string[], env: BuiltinEnv, extended: boolean): number {
  try {
    return evaluate(args, env, extended) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    env.err(e.message);
    return 2;
  }
}

export const test: Builtin = (args, env) => run(args, env, false);

export const bracket: Builtin = (args, env) => {
  if (args[args.length - 1] !== ']') {
    env.err("missing `]'");
    return 2;
  }
  return run(args.slice(0, -1), env, false);
};

export const doubleBracket: Builtin = (args, env) => {
  if (args[args.length - 1] !== ']]') {
    env.err("missing `]]'");
    return 2;
  }
  return run(args.slice(0, -1), env, true);
};
