/**
 * Turns run/create flags into the engine's CreateOptions, with the client-side
 * checks docker/cli makes before calling the daemon (opts.go `parse`).
 * Failures throw ClientError, which the caller decorates as `docker: …`.
 */
import type { CreateOptions, PortBinding } from '../../../engine/index.js';
import { isEngineError } from '../../../engine/index.js';
import type { Flags } from '../../argv/flags.js';
import { parsePortSpecs, parseReference } from '../../engineHelpers.js';
import type { DockerContext } from '../../context.js';
import { resolvePath } from '../../../os/path.js';

export class ClientError extends Error {}

export interface ContainerOptions {
  readonly create: CreateOptions;
  readonly attach: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
  readonly pull: 'always' | 'missing' | 'never';
  readonly quiet: boolean;
  readonly sigProxy: boolean;
  readonly detachKeys?: string;
}

function readEnvFile(path: string, ctx: DockerContext): string[] {
  const abs = resolvePath(ctx.cwd, path);
  if (!ctx.fs.stat(abs)) throw new ClientError(`open ${path}: no such file or directory`);
  const text = new TextDecoder().decode(ctx.fs.readFile(abs));
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => (l.includes('=') ? l : ctx.env.has(l) ? `${l}=${ctx.env.get(l)}` : l));
}

export function parseContainerOptions(flags: Flags, args: readonly string[], ctx: DockerContext, detach: boolean): ContainerOptions {
  const [image, ...cmd] = args;
  try {
    parseReference(image);
  } catch (error) {
    if (isEngineError(error)) throw new ClientError(error.message);
    throw error;
  }
  const attachList = flags.list('attach').map((a) => a.toLowerCase());
  for (const a of attachList) {
    if (!['stdin', 'stdout', 'stderr'].includes(a)) throw new ClientError(`invalid argument "${a}" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR`);
  }
  if (detach && attachList.length > 0) throw new ClientError('conflicting options: cannot specify both --attach and --detach');
  const restart = flags.string('restart') ?? 'no';
  if (flags.bool('rm') && restart !== 'no' && restart !== '') throw new ClientError('conflicting options: cannot specify both --restart and --rm');
  const pull = flags.string('pull') ?? 'missing';
  if (pull !== 'always' && pull !== 'missing' && pull !== 'never') {
    throw new ClientError(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
  const interactive = flags.bool('interactive');
  let attach = { stdin: false, stdout: false, stderr: false };
  if (!detach) {
    attach =
      attachList.length > 0
        ? { stdin: attachList.includes('stdin'), stdout: attachList.includes('stdout'), stderr: attachList.includes('stderr') }
        : { stdin: interactive, stdout: true, stderr: true };
  }

  // Silently dropping a mount would teach the wrong thing; say plainly that volumes are not simulated yet.
  for (const long of ['volume', 'mount', 'volumes-from']) {
    if (flags.list(long).length > 0) throw new ClientError(`--${long}: volumes and bind mounts are not available in Slipway yet`);
  }

  const publish: PortBinding[] = [];
  for (const spec of flags.list('publish').map(standardPortNotation)) {
    try {
      publish.push(...parsePortSpecs(spec));
    } catch (error) {
      if (isEngineError(error)) throw new ClientError(error.message);
      throw error;
    }
  }
  const env: string[] = [];
  for (const file of flags.list('env-file')) env.push(...readEnvFile(file, ctx));
  for (const e of flags.list('env')) env.push(e.includes('=') || !ctx.env.has(e) ? e : `${e}=${ctx.env.get(e)}`);
  const labels: Record<string, string> = {};
  for (const l of flags.list('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const create: CreateOptions = {
    image,
    name: flags.string('name') || undefined,
    cmd,
    entrypoint: flags.changed('entrypoint') ? flags.string('entrypoint') : undefined,
    env,
    workdir: flags.string('workdir') || undefined,
    hostname: flags.string('hostname') || undefined,
    user: flags.string('user') || undefined,
    tty: flags.bool('tty'),
    openStdin: interactive,
    autoRemove: flags.bool('rm'),
    publish,
    publishAll: flags.bool('publish-all'),
    stopTimeout: flags.int('stop-timeout'),
    labels,
  };
  return {
    create,
    attach,
    pull,
    quiet: flags.bool('quiet'),
    sigProxy: flags.bool('sig-proxy', true),
    detachKeys: flags.string('detach-keys'),
  };
}

/**
 * The long `-p` syntax (`published=8080,target=80[,protocol=udp]`) in the
 * short notation, as docker/cli's convertToStandardNotation writes it.
 */
export function standardPortNotation(spec: string): string {
  if (!spec.includes('=')) return spec;
  const params = new Map([['protocol', 'tcp']]);
  for (const param of spec.split(',')) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new ClientError(`invalid publish opts format (should be name=value but got '${param}')`);
    params.set(param.slice(0, eq), param.slice(eq + 1));
  }
  return `${params.get('published') ?? ''}:${params.get('target') ?? ''}/${params.get('protocol')}`;
}
