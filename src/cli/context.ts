import type { EngineApi } from '../engine/index.js';
import type { CommandContext } from '../os/process.js';

/** What every docker command receives: the shell's command context plus the engine. */
export interface DockerContext extends CommandContext {
  readonly engine: EngineApi;
}
