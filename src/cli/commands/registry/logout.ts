import type { CommandSpec } from '../../argv/spec.js';
import { HUB } from './login.js';

export const logoutCommand: CommandSpec = {
  name: 'logout',
  use: '[SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { kind: 'max', n: 1 },
  flags: [],
  async run({ args }, ctx) {
    const server = args[0] ?? HUB;
    const { wasLoggedIn } = ctx.engine.registry.logout();
    if (!wasLoggedIn) ctx.stdout.write(`Not logged in to ${server}\n`);
    else ctx.stdout.write(`Removing login credentials for ${server}\n`);
    return 0;
  },
};
