/**
 * The shape of one docker command: its cobra metadata (Use, Short, aliases),
 * its flags, how many positional arguments it takes, and the code that runs it.
 */
import type { DockerContext } from '../context.js';
import type { FlagSpec, Flags } from './flags.js';

/** cobra's positional-argument validators as docker/cli's cli/required.go words them. */
export type ArgRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'min'; readonly n: number }
  | { readonly kind: 'max'; readonly n: number }
  | { readonly kind: 'exact'; readonly n: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'any' };

export interface Invocation {
  readonly flags: Flags;
  readonly args: readonly string[];
  /** e.g. `docker run` or `docker container run`, as the user reached it. */
  readonly commandPath: string;
  readonly spec: CommandSpec;
}

export interface CommandSpec {
  /** The name under its parent: `run`, `ls`. */
  readonly name: string;
  /** cobra `Use` without the name: `[OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  readonly use: string;
  readonly short: string;
  /** The help text under Usage when it differs from `short` (cobra's Long). */
  readonly long?: string;
  /** Other names under the same parent (`list`, `ps` for `container ls`). */
  readonly aliases?: readonly string[];
  /** The full alias line help prints, when it differs from the parent-relative aliases (`docker container ls, docker container list, docker container ps, docker ps`). */
  readonly aliasLine?: string;
  readonly flags: readonly FlagSpec[];
  readonly args: ArgRule;
  /** false stops flag parsing at the first positional argument (run, create, exec, tag). */
  readonly interspersed?: boolean;
  /**
   * Commands that react to Ctrl-C themselves (attached run, start -a, attach,
   * exec, logs -f, build). Any other command is ended by the first SIGINT or
   * SIGTERM with 128+signal, as the docker CLI (≥27) exits when terminated.
   */
  readonly ownsSignals?: boolean | ((flags: Flags) => boolean);
  /** run/create use `-h` for --hostname, so help has no shorthand there. */
  readonly noHelpShorthand?: boolean;
  run(inv: Invocation, ctx: DockerContext): Promise<number>;
}

/**
 * A command as the tree lists it: what help listings and lookups need. The
 * full spec (flags, code) may be a separate module, imported by `load`.
 */
export interface CommandEntry {
  readonly name: string;
  readonly short: string;
  readonly aliases?: readonly string[];
  load(): Promise<CommandSpec>;
}

/** A management command (`container`, `image`, `builder`): a node with subcommands. */
export interface GroupSpec {
  readonly name: string;
  readonly short: string;
  readonly children: readonly CommandEntry[];
}
