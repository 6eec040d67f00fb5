/**
 * The program interface: how anything runs inside a container or a RUN step.
 * A program is an async function of its context that resolves to an exit
 * code. The runtimes issue plugs real Node (QuickJS) and Python (MicroPython)
 * in here; until then the built-in programs live in this folder.
 */
import type { CancelToken, Clock, IdSource } from '../../os/clock.js';
import type { CommandIO, SignalName } from '../../os/process.js';
import type { Vfs } from '../../os/vfs.js';
import type { HttpHandler, Listener } from '../net/http.js';

/** What to run: the fully resolved process definition (after ENTRYPOINT/CMD merge). */
export interface ProcessSpec {
  readonly argv: readonly string[];
  /** `KEY=value` entries, in order, as Docker stores Config.Env. */
  readonly env: readonly string[];
  readonly cwd: string;
  readonly user: string;
  readonly tty: boolean;
  /** Whether stdin stays open (docker run -i). Without it stdin is at EOF. */
  readonly openStdin: boolean;
}

export interface ProgramContext extends CommandIO {
  readonly argv: readonly string[];
  /** Environment as a mutable map the program may change for its children. */
  readonly env: Map<string, string>;
  cwd: string;
  readonly user: string;
  /** The container's root filesystem (image layers + writable layer), or the RUN step's. */
  readonly fs: Vfs;
  readonly tty: boolean;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Fires when the process is killed (SIGKILL, OOM, build cancel). Programs stop promptly. */
  readonly killed: CancelToken;
  /** True when this is the container's main process: unhandled signals other than SIGKILL are ignored. */
  readonly pid1: boolean;
  /**
   * Installs a handler for a catchable signal. While a handler is installed the
   * signal is delivered to it instead of taking its default action. Returns an uninstall.
   */
  trap(signal: SignalName, handler: () => void): () => void;
  /** Ends the process at once with this exit code (like `process.exit`). */
  exit(code: number): never;
  readonly net: {
    /** Listens on a container port. Throws if the port is taken inside this container. */
    listen(port: number, handler: HttpHandler): Listener;
    /** Makes a request to a port on this container's loopback (`curl localhost:80` inside it). */
    request(port: number, request: import('../net/http.js').HttpRequest): Promise<import('../net/http.js').HttpResponse>;
  };
  /** Runs a child process (e.g. `sh -c 'node app.js'` runs node). Resolves to its exit code. */
  spawn(argv: readonly string[], io?: Partial<CommandIO>, options?: { readonly env?: Map<string, string>; readonly cwd?: string }): Promise<number>;
}

export type Program = (ctx: ProgramContext) => Promise<number>;

/** Thrown by `ProgramContext.exit` to unwind a program; the runner turns it into the exit code. */
export class ProgramExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ProgramExit';
  }
}
