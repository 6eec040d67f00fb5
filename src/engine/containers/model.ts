/**
 * The daemon's record of a container: create-time config (kept for every
 * later start), state, logs and its writable rootfs.
 */
import type { ContainerState, PortBinding } from '../api.js';
import type { WritableRootfs } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import { humanDuration } from '../units.js';

export interface ContainerConfig {
  readonly hostname: string;
  readonly env: readonly string[];
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly workingDir: string;
  readonly user: string;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** `80/tcp` keys, image EXPOSE plus published ports. */
  readonly exposedPorts: readonly string[];
  readonly stopSignal?: string;
  readonly stopTimeout?: number;
  /** The reference as typed. */
  readonly image: string;
}

export interface HostConfig {
  readonly portBindings: readonly PortBinding[];
  readonly publishAll: boolean;
  readonly autoRemove: boolean;
}

export interface ContainerStateRecord {
  status: ContainerState;
  pid: number;
  exitCode: number;
  error: string;
  /** ms since epoch, 0 = never (Go's zero time in inspect). */
  startedAt: number;
  finishedAt: number;
}

export interface LogEntry {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly time: number;
}

/** A published port as bound while running. */
export interface ActiveBinding {
  readonly containerPort: number;
  readonly proto: string;
  readonly hostIp: string;
  readonly hostPort: number;
}

export interface ContainerRecord {
  readonly id: string;
  name: string;
  readonly imageRef: string;
  readonly imageId: string;
  readonly created: number;
  readonly path: string;
  readonly args: readonly string[];
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly state: ContainerStateRecord;
  restartCount: number;
  readonly logs: LogEntry[];
  readonly fs: WritableRootfs;
  bindings: ActiveBinding[];
  /** Bridge address while running, '' otherwise. */
  ipAddress: string;
}

export function noSuchContainer(ref: string): EngineError {
  return new EngineError(`No such container: ${ref}`, 'notFound');
}

export function notRunning(id: string): EngineError {
  return new EngineError(`container ${id} is not running`, 'conflict');
}

/** daemon/container/state.go State.String(). */
export function statusText(state: ContainerStateRecord, now: number): string {
  switch (state.status) {
    case 'running':
      return `Up ${humanDuration(now - state.startedAt)}`;
    case 'paused':
      return `Up ${humanDuration(now - state.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      return state.finishedAt === 0 ? '' : `Exited (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
  }
}

/** daemon/container/view.go: Path and args joined, args containing a space single-quoted. */
export function commandText(path: string, args: readonly string[]): string {
  const quoted = args.map((a) => (a.includes(' ') ? `'${a}'` : a));
  return [path, ...quoted].join(' ');
}
