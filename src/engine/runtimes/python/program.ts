/**
 * The `python` program: parses CPython's command line (`-V`, `-c`, `-u`, a
 * script path, `-`, or nothing for the REPL / a script on stdin), loads
 * MicroPython lazily and runs the code in a PythonProcess.
 */
import { dirname, resolvePath } from '../../../os/path.js';
import type { Program, ProgramContext } from '../../programs/types.js';
import { Killed, PythonProcess } from './PythonProcess.js';
import type { PythonRuntimeOptions } from './PythonProcess.js';
import { runRepl } from './repl.js';

export const FALLBACK_PYTHON_VERSION = '3.14.0';

type Invocation =
  | { readonly kind: 'version' | 'repl' | 'stdin' }
  | { readonly kind: 'command'; readonly code: string; readonly args: readonly string[] }
  | { readonly kind: 'file'; readonly file: string; readonly args: readonly string[] }
  | { readonly kind: 'usage'; readonly message: string };

function parse(ctx: ProgramContext): Invocation {
  const args = ctx.argv.slice(1);
  const name = ctx.argv[0] ?? 'python';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-V' || arg === '--version') return { kind: 'version' };
    if (arg === '-c') {
      if (i + 1 >= args.length) return { kind: 'usage', message: `Argument expected for the -c option\nusage: ${name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n` };
      return { kind: 'command', code: args[i + 1], args: args.slice(i + 2) };
    }
    if (arg === '-') return { kind: 'stdin' };
    // Flags that change nothing a course script sees here (unbuffered output, no .pyc files…).
    if (/^-[uBEsSOIq]+$/.test(arg)) continue;
    if (arg.startsWith('-')) return { kind: 'usage', message: `unknown option ${arg}\nusage: ${name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n` };
    return { kind: 'file', file: arg, args: args.slice(i + 1) };
  }
  return { kind: ctx.tty ? 'repl' : 'stdin' };
}

async function main(ctx: ProgramContext, options: PythonRuntimeOptions): Promise<number> {
  const invocation = parse(ctx);
  const version = ctx.env.get('PYTHON_VERSION') ?? FALLBACK_PYTHON_VERSION;
  if (invocation.kind === 'version') {
    ctx.stdout.write(`Python ${version}\n`);
    return 0;
  }
  if (invocation.kind === 'usage') {
    ctx.stderr.write(invocation.message);
    return 2;
  }
  let code = '';
  let path = '';
  if (invocation.kind === 'file') {
    path = resolvePath(ctx.cwd, invocation.file);
    const stat = ctx.fs.stat(path);
    if (!stat || stat.kind === 'dir') {
      const reason = stat ? `can't find '__main__' module in '${invocation.file}'` : `can't open file '${path}': [Errno 2] No such file or directory`;
      ctx.stderr.write(`${ctx.argv[0] ?? 'python'}: ${reason}\n`);
      return 2;
    }
    code = new TextDecoder().decode(ctx.fs.readFile(path));
  }
  const argv = invocation.kind === 'file' ? [invocation.file, ...invocation.args] : invocation.kind === 'command' ? ['-c', ...invocation.args] : [''];
  const proc = await PythonProcess.start(ctx, options, argv, path ? dirname(path) : ctx.cwd);
  if (ctx.killed.cancelled) return 137;
  const untrap = ctx.trap('SIGINT', () => proc.interrupt());
  try {
    if (invocation.kind === 'repl') return await runRepl(proc, version);
    if (invocation.kind === 'stdin') code = await proc.readAll();
    if (invocation.kind === 'command') code = invocation.code;
    const filename = invocation.kind === 'file' ? path : invocation.kind === 'command' ? '<string>' : '<stdin>';
    const status = await proc.exec(code, { filename, lines: code.split('\n') });
    return status ?? 0;
  } catch (error) {
    if (error instanceof Killed) return 137;
    throw error;
  } finally {
    untrap();
  }
}

export function createPythonProgram(options: PythonRuntimeOptions = {}): Program {
  return (ctx) => main(ctx, options);
}
