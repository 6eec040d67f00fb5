/**
 * The `node` program: parses Node's command line (`--version`, `-e`, `-p`,
 * a script path, or nothing for the REPL / a script on stdin), loads QuickJS
 * lazily and runs the script in a NodeProcess until its event loop is empty.
 */
import { resolvePath } from '../../../os/path.js';
import { readAll } from '../../../os/streams.js';
import type { Program, ProgramContext } from '../../programs/types.js';
import { isModuleEntry, runModule } from './esm.js';
import { instrumentLoops } from './instrument.js';
import { loadQuickJS } from './loader.js';
import { FALLBACK_NODE_VERSION, NodeProcess } from './NodeProcess.js';
import type { NodeRuntimeOptions } from './NodeProcess.js';
import { runRepl } from './repl.js';

const NODE_PATH = '/usr/local/bin/node';

interface Invocation {
  readonly kind: 'version' | 'eval' | 'print' | 'file' | 'stdin' | 'repl' | 'help';
  readonly code?: string;
  readonly file?: string;
  readonly args: readonly string[];
}

function parse(ctx: ProgramContext): Invocation | string {
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-v' || arg === '--version') return { kind: 'version', args: [] };
    if (arg === '-h' || arg === '--help') return { kind: 'help', args: [] };
    if (arg === '-e' || arg === '--eval' || arg === '-p' || arg === '--print') {
      if (i + 1 >= args.length) return `${NODE_PATH}: ${arg} requires an argument\n`;
      return { kind: arg === '-e' || arg === '--eval' ? 'eval' : 'print', code: args[i + 1], args: args.slice(i + 2) };
    }
    if (arg === '-i' || arg === '--interactive') return { kind: 'repl', args: [] };
    if (arg === '-') return { kind: 'stdin', args: args.slice(i + 1) };
    if (arg === '--') return args[i + 1] === undefined ? { kind: ctx.tty ? 'repl' : 'stdin', args: [] } : { kind: 'file', file: args[i + 1], args: args.slice(i + 2) };
    if (arg.startsWith('-')) {
      // Flags that take no value and do not change what a course script sees are accepted and ignored.
      if (/^--(watch|trace-warnings|no-warnings|enable-source-maps|experimental-[a-z-]+|max-old-space-size=\d+|inspect(=.*)?)$/.test(arg)) continue;
      return `${NODE_PATH}: bad option: ${arg}\n`;
    }
    return { kind: 'file', file: arg, args: args.slice(i + 1) };
  }
  return { kind: ctx.tty ? 'repl' : 'stdin', args: [] };
}

function evalScript(proc: NodeProcess, code: string, filename: string, print: boolean): void {
  // `-e`/stdin code with top-level loops runs as an async function so they can pause; `-p` keeps its value.
  const ticked = instrumentLoops(code, { topLevel: !print });
  const source = ticked.topLevel ? `__slipway.watch((async () => {${ticked.code}\n})());` : ticked.code;
  const result = proc.enter(() => proc.vm.evalCode(source, filename));
  if (!result) return;
  if (print) proc.ctx.stdout.write(`${proc.inspect(result)}\n`);
  result.dispose();
}

function callWith(proc: NodeProcess, name: string, arg: string): void {
  proc.callS(name, arg)?.dispose();
}

export function createNodeProgram(options: NodeRuntimeOptions = {}): Program {
  return async (ctx) => {
    const invocation = parse(ctx);
    const version = ctx.env.get('NODE_VERSION') ?? options.version ?? FALLBACK_NODE_VERSION;
    if (typeof invocation === 'string') {
      ctx.stderr.write(invocation);
      return 9;
    }
    if (invocation.kind === 'version') {
      ctx.stdout.write(`v${version}\n`);
      return 0;
    }
    if (invocation.kind === 'help') {
      ctx.stdout.write(`Usage: node [options] [ script.js ] [arguments]\n       node inspect [options] [ script.js | host:port ] [arguments]\n\nOptions:\n  -e, --eval script           evaluate script\n  -i, --interactive           always enter the REPL even if stdin does not appear to be a terminal\n  -p, --print [...]           evaluate script and print result\n  -v, --version               print Node.js version\n\nDocumentation can be found at https://nodejs.org/\n`);
      return 0;
    }
    // Loading the wasm is real async work: a virtual clock must not race past it.
    const qjs = await (ctx.clock.hold?.(loadQuickJS()) ?? loadQuickJS());
    if (ctx.killed.cancelled) return 137;
    const script = invocation.kind === 'file' ? resolvePath(ctx.cwd, invocation.file!) : undefined;
    const argv = [NODE_PATH, ...(script ? [script] : []), ...invocation.args];
    const proc = new NodeProcess(qjs, ctx, argv, options);
    switch (invocation.kind) {
      case 'repl':
        return runRepl(proc);
      case 'eval':
      case 'print':
        evalScript(proc, invocation.code!, '[eval]', invocation.kind === 'print');
        break;
      case 'stdin': {
        const code = await readAll(ctx.stdin);
        evalScript(proc, code, '[stdin]', false);
        break;
      }
      case 'file':
        if (isModuleEntry(ctx.fs, script!)) runModule(proc, script!);
        else callWith(proc, 'runMain', script!);
        break;
    }
    return proc.loop();
  };
}
