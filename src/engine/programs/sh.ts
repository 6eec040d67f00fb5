/**
 * `sh`, `bash`, `dash`, `ash`: the container shell. `-c` strings, script
 * files, piped stdin, and an interactive prompt when there is a TTY. Commands
 * the interpreter does not provide itself resolve through PATH in the
 * container's file system to registered programs.
 */
import type { CommandIO, ExternalCommand } from '../../os/process.js';
import { basename, resolvePath } from '../../os/path.js';
import { ExecError, lookPath } from './resolve.js';
import { execve } from './runner.js';
import { SharedInput } from './sharedInput.js';
import { createShell } from './shellHost.js';
import type { ContainerHttpClient, ShellHost } from './shellHost.js';
import { isConnectionRefused } from '../net/network.js';
import type { Program, ProgramContext } from './types.js';

/** How names the shell does not implement reach the container's programs. */
export function containerCommands(ctx: ProgramContext, exclude?: string): (name: string, replace?: boolean) => ExternalCommand | undefined {
  return (name, replace) => {
    if (name === exclude) return undefined;
    try {
      lookPath(ctx.fs, name, ctx.env, ctx.cwd);
    } catch (error) {
      if (error instanceof ExecError) return undefined;
      throw error;
    }
    return async (argv, cctx) => {
      if (replace) return execve(ctx, argv);
      const io: Partial<CommandIO> = { stdin: cctx.stdin, stdout: cctx.stdout, stderr: cctx.stderr, signals: cctx.signals, terminal: cctx.terminal };
      return ctx.spawn(argv, io, { env: cctx.env, cwd: cctx.cwd });
    };
  };
}

/** `curl localhost:<port>` inside the container reaches its own listeners. */
export function loopbackClient(ctx: ProgramContext): ContainerHttpClient {
  return {
    request: async (host, port, req) => {
      if (!['localhost', '127.0.0.1', '0.0.0.0', '::1', ctx.env.get('HOSTNAME')].includes(host)) return 'ENOTFOUND';
      try {
        return await ctx.net.request(port, req);
      } catch (error) {
        if (isConnectionRefused(error)) return 'ECONNREFUSED';
        throw error;
      }
    },
  };
}

function prompt(ctx: ProgramContext, flavor: string): string {
  if (flavor === 'bash') {
    const home = ctx.env.get('HOME') ?? '/root';
    const where = ctx.cwd === home ? '~' : ctx.cwd;
    return `${ctx.user && ctx.user !== 'root' && ctx.user !== '0' ? ctx.user : 'root'}@${ctx.env.get('HOSTNAME') ?? 'localhost'}:${where}# `;
  }
  // BusyBox ash shows the directory; dash shows only `# `.
  return ctx.fs.stat('/bin/busybox') ? `${ctx.cwd} # ` : '# ';
}

async function interactive(ctx: ProgramContext, io: CommandIO, shell: ShellHost, flavor: string): Promise<number> {
  let status = 0;
  let waiting = false;
  // Ctrl-C at the prompt gives a fresh prompt; during a command, just the new line before the next prompt.
  const untrapInt = ctx.trap('SIGINT', () => ctx.stdout.write(waiting ? `\n${prompt(ctx, flavor)}` : '\n'));
  // A client attaching resizes the TTY; line editing redraws the prompt (what `docker attach` relies on).
  const untrapWinch = ctx.trap('SIGWINCH', () => {
    if (waiting) ctx.stdout.write(`\r${prompt(ctx, flavor)}`);
  });
  const input = new SharedInput(ctx.stdin);
  try {
    for (;;) {
      ctx.stdout.write(prompt(ctx, flavor));
      waiting = true;
      const atPrompt = input.reader();
      const line = await atPrompt.read();
      atPrompt.release();
      waiting = false;
      // Interactive bash says `exit` as it leaves (Ctrl-D or the builtin); dash and ash do not.
      if (line === null) {
        if (flavor === 'bash') ctx.stdout.write('exit\n');
        return status;
      }
      if (line.trim() !== '') {
        const foreground = input.reader();
        try {
          status = await shell.run(line, { ...io, stdin: foreground });
        } finally {
          foreground.release();
        }
      }
      if (shell.cwd) ctx.cwd = shell.cwd;
      if (shell.exitRequested !== undefined && shell.exitRequested !== null) {
        if (flavor === 'bash') ctx.stderr.write('exit\n');
        return shell.exitRequested;
      }
      if (ctx.killed.cancelled) return status;
    }
  } finally {
    untrapInt();
    untrapWinch();
  }
}

async function readAllInput(ctx: ProgramContext): Promise<string> {
  let source = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) source += chunk;
  return source;
}

export const shProgram: Program = async (ctx) => {
  const invoked = basename(ctx.argv[0] ?? 'sh');
  const flavor = invoked === 'bash' ? 'bash' : 'sh';
  const args = ctx.argv.slice(1);
  while (args.length > 0 && /^[-+][eux]+$/.test(args[0])) args.shift();
  let current: ShellHost | undefined;
  const make = (scriptName: string, positional: readonly string[], interactive = false): ShellHost =>
    (current = createShell({ fs: ctx.fs, cwd: ctx.cwd, env: ctx.env, clock: ctx.clock, flavor, commands: containerCommands(ctx), scriptName, args: positional, http: loopbackClient(ctx), interactive }));
  // As PID 1 the shell only sees signals it trapped (or the terminal's Ctrl-C when interactive): the rest are ignored.
  const io: CommandIO = {
    ...ctx,
    signals: {
      on: (listener) =>
        ctx.signals.on((signal) => {
          if (!ctx.pid1 || current?.hasTrap?.(signal) || (signal === 'SIGINT' && ctx.tty)) listener(signal);
        }),
    },
  };

  if (args[0] === '-c') {
    if (args.length < 2) {
      ctx.stderr.write(`${ctx.argv[0]}: 0: -c requires an argument\n`);
      return 2;
    }
    return make(args[2] ?? ctx.argv[0], args.slice(3)).run(args[1], io);
  }
  if (args.length > 0 && !args[0].startsWith('-')) {
    const path = resolvePath(ctx.cwd, args[0]);
    const stat = ctx.fs.stat(path);
    if (!stat || stat.kind !== 'file') {
      ctx.stderr.write(`${ctx.argv[0]}: 0: cannot open ${args[0]}: No such file\n`);
      return 2;
    }
    const source = new TextDecoder().decode(ctx.fs.readFile(path));
    return make(args[0], args.slice(1)).run(source.startsWith('#!') ? source.slice(source.indexOf('\n') + 1) : source, io);
  }
  const shell = make(ctx.argv[0], [], ctx.tty);
  if (ctx.tty) return interactive(ctx, io, shell, flavor);
  return shell.run(await readAllInput(ctx), io);
};
