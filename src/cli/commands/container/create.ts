import type { CommandSpec } from '../../argv/spec.js';
import { CONTAINER_CONFIG_FLAGS } from './createFlags.js';
import { createContainer } from './createContainer.js';
import { parseContainerOptions } from './containerOptions.js';
import { runStatusError } from './runErrors.js';

export const createCommand: CommandSpec = {
  name: 'create',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  noHelpShorthand: true,
  flags: CONTAINER_CONFIG_FLAGS,
  async run({ flags, args }, ctx) {
    try {
      const opts = parseContainerOptions(flags, args, ctx, true);
      const id = await createContainer(opts, ctx);
      ctx.stdout.write(`${id}\n`);
      return 0;
    } catch (error) {
      throw runStatusError(error, 'create');
    }
  },
};
