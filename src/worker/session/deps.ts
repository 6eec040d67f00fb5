/**
 * What a session needs from the shell and the docker CLI, stated locally so
 * the session can be composed (and tested) with stand-ins; `defaults.ts`
 * binds the real implementations.
 */
import type { Clock } from '../../os/clock.js';
import type { CommandIO, ExternalCommand } from '../../os/process.js';
import type { Vfs } from '../../os/vfs.js';
import type { EngineApi } from '../../engine/index.js';
import type { HttpClient } from '../../shell/commands/http.js';

export type { HttpClient };

export interface SessionShell {
  run(source: string, io: CommandIO): Promise<number>;
  /** False while the source needs more lines (open quote, `if` without `fi`, trailing `\`). */
  isComplete(source: string): boolean;
  readonly cwd: string;
  readonly lastStatus: number;
  /** Set once `exit` has run: the terminal closes with this status. */
  readonly exitRequested?: number | null;
}

export interface ShellConfig {
  readonly fs: Vfs;
  readonly cwd: string;
  readonly env: ReadonlyMap<string, string>;
  readonly clock: Clock;
  readonly commands: (name: string) => ExternalCommand | undefined;
  readonly history: () => string[];
  readonly http: HttpClient;
}

export type ShellFactory = (config: ShellConfig) => SessionShell;

/** Candidates for the last word of a `docker …` command line. */
export type DockerCompleter = (words: readonly string[], engine: EngineApi) => readonly string[] | Promise<readonly string[]>;

/** The `docker` command bound to an engine. */
export type DockerCommandFactory = (engine: EngineApi) => ExternalCommand;
