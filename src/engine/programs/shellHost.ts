/**
 * The seam between the container `sh` program and a shell interpreter: the
 * shared interpreter from src/shell by default; tests or embedders may swap it
 * with `setShellFactory`.
 */
import type { Clock } from '../../os/clock.js';
import type { CommandIO, ExternalCommand, SignalName } from '../../os/process.js';
import type { Vfs } from '../../os/vfs.js';
import { sharedShellFactory } from './sharedShell.js';

export interface ShellHostOptions {
  readonly fs: Vfs;
  readonly cwd: string;
  readonly env: Map<string, string>;
  readonly clock: Clock;
  readonly flavor: 'sh' | 'bash';
  /** External commands: names found through PATH in the container. `replace` is set for `exec`. */
  readonly commands: (name: string, replace?: boolean) => ExternalCommand | undefined;
  /** `$0`, and the prefix of error messages (`/bin/sh: 1: foo: not found`). */
  readonly scriptName: string;
  /** Positional parameters `$1…`. */
  readonly args?: readonly string[];
  /** A prompt-driven session (`docker run -it … sh`): keeps going after errors and Ctrl-C. */
  readonly interactive?: boolean;
  /** What `curl` inside the container reaches (its own loopback). Same shape as src/shell's HttpClient. */
  readonly http?: ContainerHttpClient;
}

export interface ContainerHttpClient {
  request(
    host: string,
    port: number,
    req: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array },
  ): Promise<{ readonly status: number; readonly statusText: string; readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array } | 'ECONNREFUSED' | 'ENOTFOUND'>;
}

export interface ShellHost {
  run(source: string, io: CommandIO): Promise<number>;
  /** Whether the script installed a trap; PID 1 ignores signals it has no handler for. */
  hasTrap?(signal: SignalName): boolean;
  /** Set once `exit` ran: an interactive session ends with this status. */
  readonly exitRequested?: number | null;
  /** The shell's current directory (the prompt shows it). */
  readonly cwd?: string;
}

export type ShellFactory = (options: ShellHostOptions) => ShellHost;

let factory: ShellFactory = sharedShellFactory;

/** Installs the real interpreter (called once by whoever composes the engine with src/shell). */
export function setShellFactory(next: ShellFactory): void {
  factory = next;
}

export function createShell(options: ShellHostOptions): ShellHost {
  return factory(options);
}
