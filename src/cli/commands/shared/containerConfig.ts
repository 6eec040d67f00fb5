/** Reads the create-time settings attach needs from `container inspect`. */
import type { DockerContext } from '../../context.js';

export interface AttachConfig {
  readonly id: string;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly running: boolean;
  readonly paused: boolean;
}

export function attachConfig(ref: string, ctx: DockerContext): AttachConfig {
  const info = ctx.engine.containers.inspect(ref) as {
    Id?: string;
    Config?: { Tty?: boolean; OpenStdin?: boolean };
    State?: { Running?: boolean; Paused?: boolean };
  };
  return {
    id: info.Id ?? ctx.engine.containers.resolve(ref) ?? ref,
    tty: info.Config?.Tty === true,
    openStdin: info.Config?.OpenStdin === true,
    running: info.State?.Running === true,
    paused: info.State?.Paused === true,
  };
}
