import type { CommandSpec } from '../../argv/spec.js';
import { HUB } from './login.js';

const HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', HUB, 'https://index.docker.io/v1', 'https://docker.io']);

export const logoutCommand: CommandSpec = {
  name: 'logout',
  use: '[SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { kind: 'max', n: 1 },
  flags: [],
  async run({ args }, ctx) {
    const server = args[0];
    if (server !== undefined && !HUB_NAMES.has(server)) {
      // Only Docker Hub exists in the simulation, so no other registry has stored credentials.
      ctx.stdout.write(`Not logged in to ${server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}\n`);
      return 0;
    }
    // For the default registry docker/cli reports the removal whether or not credentials were stored.
    ctx.engine.registry.logout();
    ctx.stdout.write(`Removing login credentials for ${HUB}\n`);
    return 0;
  },
};
