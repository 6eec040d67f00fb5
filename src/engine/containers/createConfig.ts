/**
 * `docker create`: merging the user's options with the image config the way
 * the daemon does (daemon/commit.go merge, container.go getEntrypointAndArgs).
 */
import type { CreateOptions } from '../api.js';
import type { ImageRecord } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import type { ContainerConfig, HostConfig } from './model.js';

const envKey = (entry: string): string => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry);

/** User entries first, then image entries the user did not override (moby's merge order). */
export function mergeEnv(imageEnv: readonly string[], userEnv: readonly string[]): string[] {
  if (userEnv.length === 0) return [...imageEnv];
  const userKeys = new Set(userEnv.map(envKey));
  return [...userEnv, ...imageEnv.filter((e) => !userKeys.has(envKey(e)))];
}

export interface MergedCommand {
  readonly entrypoint: string[] | null;
  readonly cmd: string[] | null;
  readonly path: string;
  readonly args: string[];
}

/** ENTRYPOINT/CMD resolution; throws `no command specified`. */
export function mergeCommand(image: ImageRecord, options: Pick<CreateOptions, 'cmd' | 'entrypoint'>): MergedCommand {
  const imageConfig = image.config.config;
  let entrypoint: string[] | null;
  let cmd: string[] | null = options.cmd && options.cmd.length > 0 ? [...options.cmd] : null;
  if (options.entrypoint !== undefined) {
    // A user entrypoint (even `""`) stops the image CMD from being inherited.
    entrypoint = options.entrypoint === '' ? null : [options.entrypoint];
  } else {
    entrypoint = imageConfig.Entrypoint && imageConfig.Entrypoint.length > 0 ? [...imageConfig.Entrypoint] : null;
    if (!cmd) cmd = imageConfig.Cmd && imageConfig.Cmd.length > 0 ? [...imageConfig.Cmd] : null;
  }
  if (entrypoint) return { entrypoint, cmd, path: entrypoint[0], args: [...entrypoint.slice(1), ...(cmd ?? [])] };
  if (cmd) return { entrypoint, cmd, path: cmd[0], args: cmd.slice(1) };
  throw new EngineError('no command specified', 'invalidParameter');
}

export function buildConfig(id: string, image: ImageRecord, options: CreateOptions, command: MergedCommand): { config: ContainerConfig; hostConfig: HostConfig } {
  const imageConfig = image.config.config;
  const workdir = options.workdir ?? imageConfig.WorkingDir ?? '';
  if (workdir !== '' && !workdir.startsWith('/')) {
    throw new EngineError(`the working directory '${workdir}' is invalid, it needs to be an absolute path`, 'invalidParameter');
  }
  const exposed = new Set(Object.keys(imageConfig.ExposedPorts ?? {}));
  for (const binding of options.publish ?? []) exposed.add(binding.containerPort);
  const portBindings = [...(options.publish ?? [])];
  if (options.publishAll) {
    for (const port of exposed) if (!portBindings.some((b) => b.containerPort === port)) portBindings.push({ containerPort: port, hostIp: '', hostPort: '' });
  }
  const config: ContainerConfig = {
    hostname: options.hostname ?? id.slice(0, 12),
    env: mergeEnv(imageConfig.Env ?? [], options.env ?? []),
    cmd: command.cmd,
    entrypoint: command.entrypoint,
    workingDir: workdir,
    user: options.user ?? imageConfig.User ?? '',
    tty: options.tty ?? false,
    openStdin: options.openStdin ?? false,
    labels: { ...(imageConfig.Labels ?? {}), ...(options.labels ?? {}) },
    exposedPorts: [...exposed].sort(comparePorts),
    stopSignal: imageConfig.StopSignal,
    stopTimeout: options.stopTimeout,
    image: options.image,
  };
  return { config, hostConfig: { portBindings, publishAll: options.publishAll ?? false, autoRemove: options.autoRemove ?? false } };
}

export function comparePorts(a: string, b: string): number {
  const [pa, protoA = ''] = a.split('/');
  const [pb, protoB = ''] = b.split('/');
  return Number(pa) - Number(pb) || protoA.localeCompare(protoB);
}
