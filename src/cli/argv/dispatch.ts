/**
 * Finds the command an argv names, parses its flags and arguments, and turns
 * every failure into Docker 29's exact text and exit code (docker-cli.md §1.2).
 */
import type { DockerContext } from '../context.js';
import { isEngineError } from '../../engine/index.js';
import { FlagParseError, Flags, parseFlags, type FlagSpec } from './flags.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import type { ArgRule, CommandEntry, CommandSpec, GroupSpec, Invocation } from './spec.js';
import { StatusError } from './status.js';
import { loading, loadOnce } from '../../os/lazy.js';

/** Help texts are rendered by a module imported on first use: no first command prints help (PRODUCT.md §7). */
const helpModule = loadOnce(() => import('../help/render.js'));
const render = (ctx: DockerContext): Promise<typeof import('../help/render.js')> => loading(ctx.clock, helpModule());

export interface TopLevelEntry {
  readonly spec: CommandEntry;
  /** The management group this is a shortcut of (`container` for `docker run`). */
  readonly group?: string;
}

export interface CommandTree {
  readonly groups: readonly GroupSpec[];
  /** `docker <name>` entries: shortcuts into groups and top-level-only commands. */
  readonly topLevel: ReadonlyMap<string, TopLevelEntry>;
  /** Names listed under "Common Commands" in `docker --help`, in Docker's order. */
  readonly common: readonly string[];
  readonly clientVersion: string;
  readonly clientBuild: string;
}

export function globalFlags(home: string): FlagSpec[] {
  return [
    { long: 'config', kind: 'string', usage: 'Location of client config files', def: `${home}/.docker` },
    { long: 'context', short: 'c', kind: 'string', usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
    { long: 'debug', short: 'D', kind: 'bool', usage: 'Enable debug mode' },
    { long: 'host', short: 'H', kind: 'list', usage: 'Daemon socket to connect to' },
    { long: 'log-level', short: 'l', kind: 'string', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', def: 'info' },
    { long: 'tls', kind: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    { long: 'tlscacert', kind: 'string', usage: 'Trust certs signed only by this CA', def: `${home}/.docker/ca.pem` },
    { long: 'tlscert', kind: 'string', usage: 'Path to TLS certificate file', def: `${home}/.docker/cert.pem` },
    { long: 'tlskey', kind: 'string', usage: 'Path to TLS key file', def: `${home}/.docker/key.pem` },
    { long: 'tlsverify', kind: 'bool', usage: 'Use TLS and verify the remote' },
    { long: 'version', short: 'v', kind: 'bool', usage: 'Print version information and quit' },
    { long: 'help', short: 'h', kind: 'bool', usage: 'Print usage', hidden: true },
  ];
}

function helpFlag(spec: CommandSpec): FlagSpec {
  // run/create declare --help themselves (no -h, which is --hostname), so it shows in their help.
  return { long: 'help', short: spec.noHelpShorthand ? undefined : 'h', kind: 'bool', usage: 'Print usage', hidden: !spec.noHelpShorthand };
}

function columns(ctx: DockerContext): number {
  return ctx.terminal?.columns ?? 80;
}

function plural(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}

/** cli/required.go (≥28) wording; RequiresMinArgs alone still says "See". */
function checkArgs(rule: ArgRule, count: number, path: string, useLine: string): string | undefined {
  const tail = (verb: 'See' | 'Run'): string => `\n\nUsage:  ${useLine}\n\n${verb} '${path} --help' for more information`;
  switch (rule.kind) {
    case 'none':
      return count === 0 ? undefined : `docker: '${path}' accepts no arguments${tail('Run')}`;
    case 'min':
      return count >= rule.n ? undefined : `docker: '${path}' requires at least ${rule.n} ${plural('argument', rule.n)}${tail('See')}`;
    case 'max':
      return count <= rule.n ? undefined : `docker: '${path}' requires at most ${rule.n} ${plural('argument', rule.n)}${tail('Run')}`;
    case 'exact':
      return count === rule.n ? undefined : `docker: '${path}' requires ${rule.n} ${plural('argument', rule.n)}${tail('Run')}`;
    case 'range':
      return count >= rule.min && count <= rule.max
        ? undefined
        : `docker: '${path}' requires at least ${rule.min} and at most ${rule.max} ${plural('argument', rule.max)}${tail('Run')}`;
    case 'any':
      return undefined;
  }
}

function aliasLineFor(spec: CommandSpec, group: string | undefined, tree: CommandTree): string | undefined {
  if (spec.aliasLine) return spec.aliasLine;
  if (!group) return undefined;
  const shortcut = [...tree.topLevel].find(([, entry]) => entry.spec.name === spec.name && entry.group === group)?.[0];
  const aliases = spec.aliases ?? [];
  if (aliases.length === 0 && !shortcut) return undefined;
  return [`docker ${group} ${spec.name}`, ...aliases.map((a) => `docker ${group} ${a}`), ...(shortcut ? [`docker ${shortcut}`] : [])].join(', ');
}

async function rootHelp(tree: CommandTree, ctx: DockerContext): Promise<string> {
  const listed = (name: string): { name: string; short: string } => ({ name, short: tree.topLevel.get(name)!.spec.short });
  const commands = [...tree.topLevel.keys()].filter((n) => !tree.common.includes(n)).map(listed);
  return (await render(ctx)).renderRootHelp(
    {
      common: tree.common.filter((n) => tree.topLevel.has(n)).map(listed),
      management: tree.groups.map((g) => ({ name: g.name, short: g.short })),
      commands,
      globalFlags: globalFlags(ctx.env.get('HOME') ?? '/root'),
    },
    columns(ctx),
  );
}

async function groupHelp(group: GroupSpec, ctx: DockerContext): Promise<string> {
  return (await render(ctx)).renderGroupHelp(`docker ${group.name}`, group.short, group.children);
}

async function runCommand(
  spec: CommandSpec,
  name: string,
  parentPath: string,
  group: string | undefined,
  argv: readonly string[],
  ctx: DockerContext,
  tree: CommandTree,
): Promise<number> {
  const path = `${parentPath} ${name}`;
  const useLine = spec.use ? `${path} ${spec.use}` : path;
  const help = helpFlag(spec);
  let flags: Flags;
  try {
    flags = new Flags(parseFlags(argv, [...spec.flags, help], { interspersed: spec.interspersed ?? true }));
  } catch (error) {
    if (!(error instanceof FlagParseError)) throw error;
    ctx.stderr.write(`${error.message}\n\nUsage:  ${useLine}\n\nRun '${path} --help' for more information\n`);
    return 125;
  }
  if (flags.bool('help')) {
    ctx.stdout.write((await render(ctx)).renderCommandHelp({ ...spec, name }, parentPath, aliasLineFor(spec, group, tree), columns(ctx), help));
    return 0;
  }
  const argError = checkArgs(spec.args, flags.args.length, path, useLine);
  if (argError) {
    ctx.stderr.write(`${argError}\n`);
    return 1;
  }
  const ownsSignals = typeof spec.ownsSignals === 'function' ? spec.ownsSignals(flags) : spec.ownsSignals === true;
  if (ownsSignals) {
    try {
      return await spec.run({ flags, args: flags.args, commandPath: path, spec }, ctx);
    } catch (error) {
      return reportError(error, ctx);
    }
  }
  return runInterruptible(spec, { flags, args: flags.args, commandPath: path, spec }, ctx);
}

/**
 * Runs a command that the first SIGINT/SIGTERM ends with 128+n. The daemon
 * keeps working (a stop still completes), but nothing more reaches the
 * terminal once the command has returned.
 */
async function runInterruptible(spec: CommandSpec, inv: Invocation, ctx: DockerContext): Promise<number> {
  let open = true;
  const gate = (out: DockerContext['stdout']): DockerContext['stdout'] => ({ write: (text) => void (open && out.write(text)) });
  const gated: DockerContext = { ...ctx, stdout: gate(ctx.stdout), stderr: gate(ctx.stderr) };
  let unsubscribe = (): void => undefined;
  const interrupted = new Promise<number>((resolve) => {
    unsubscribe = ctx.signals.on((signal) => {
      if (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP') resolve(128 + SIGNAL_NUMBERS[signal]);
    });
  });
  const work = Promise.resolve()
    .then(() => spec.run(inv, gated))
    .catch((error: unknown) => reportError(error, gated));
  try {
    return await Promise.race([work, interrupted]);
  } finally {
    open = false;
    unsubscribe();
  }
}

/** The last-resort printer of cmd/docker/docker.go: the error text on stderr, exit 1 (or the StatusError's code). */
export function reportError(error: unknown, ctx: DockerContext): number {
  if (error instanceof StatusError) {
    if (error.message) ctx.stderr.write(`${error.message}\n`);
    return error.status;
  }
  if (isEngineError(error)) {
    ctx.stderr.write(`Error response from daemon: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`${message}\n`);
  return 1;
}

function unknownCommand(path: string, word: string, ctx: DockerContext): number {
  ctx.stderr.write(`docker: unknown command: ${path} ${word}\n\nRun '${path} --help' for more information\n`);
  return 1;
}

async function runGroup(group: GroupSpec, argv: readonly string[], ctx: DockerContext, tree: CommandTree): Promise<number> {
  const path = `docker ${group.name}`;
  const at = argv.findIndex((a) => !a.startsWith('-') || a === '-');
  if (at < 0) {
    if (argv.length === 0) {
      ctx.stderr.write(await groupHelp(group, ctx));
      return 0;
    }
    if (argv.includes('--help') || argv.includes('-h')) {
      ctx.stdout.write(await groupHelp(group, ctx));
      return 0;
    }
    const flag = argv[0].startsWith('--') ? `unknown flag: ${argv[0].split('=')[0]}` : `unknown shorthand flag: '${argv[0][1]}' in ${argv[0]}`;
    ctx.stderr.write(`${flag}\n\nUsage:  ${path} COMMAND\n\nRun '${path} --help' for more information\n`);
    return 125;
  }
  const word = argv[at];
  const entry = group.children.find((c) => c.name === word || (c.aliases ?? []).includes(word));
  if (!entry) return unknownCommand(path, word, ctx);
  const spec = await loading(ctx.clock, entry.load());
  return runCommand(spec, spec.name, path, group.name, [...argv.slice(0, at), ...argv.slice(at + 1)], ctx, tree);
}

/** Runs `docker <argv>` against the tree; never throws. */
export async function dispatch(argv: readonly string[], ctx: DockerContext, tree: CommandTree): Promise<number> {
  try {
    let globals: Flags;
    try {
      globals = new Flags(parseFlags(argv, globalFlags(ctx.env.get('HOME') ?? '/root'), { interspersed: false }));
    } catch (error) {
      if (!(error instanceof FlagParseError)) throw error;
      ctx.stderr.write(`${error.message}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`);
      return 125;
    }
    const rest = globals.args;
    if (globals.bool('version')) {
      ctx.stdout.write(`Docker version ${tree.clientVersion}, build ${tree.clientBuild}\n`);
      return 0;
    }
    if (globals.bool('help')) {
      ctx.stdout.write(await rootHelp(tree, ctx));
      return 0;
    }
    if (rest.length === 0) {
      ctx.stderr.write(await rootHelp(tree, ctx));
      return 0;
    }
    const [word, ...tail] = rest;
    if (word === 'help') return helpCommand(tail, ctx, tree);
    const group = tree.groups.find((g) => g.name === word);
    if (group) return await runGroup(group, tail, ctx, tree);
    const entry = tree.topLevel.get(word);
    if (!entry) return unknownCommand('docker', word, ctx);
    return await runCommand(await loading(ctx.clock, entry.spec.load()), word, 'docker', entry.group, tail, ctx, tree);
  } catch (error) {
    return reportError(error, ctx);
  }
}

/** `docker help [command]`. */
async function helpCommand(words: readonly string[], ctx: DockerContext, tree: CommandTree): Promise<number> {
  if (words.length === 0) {
    ctx.stdout.write(await rootHelp(tree, ctx));
    return 0;
  }
  const group = tree.groups.find((g) => g.name === words[0]);
  if (group && words.length === 1) {
    ctx.stdout.write(await groupHelp(group, ctx));
    return 0;
  }
  const target = group ? [words[0], words[1], '--help'] : [words[0], '--help'];
  if (words.length > target.length - 1) {
    ctx.stderr.write(`unknown help topic: ${words.slice(target.length - 1).join(' ')}\n`);
    return 1;
  }
  return dispatch(target, ctx, tree);
}
