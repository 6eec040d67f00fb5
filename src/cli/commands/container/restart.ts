import type { CommandSpec } from '../../argv/spec.js';
import { forEachArg } from '../shared/forEach.js';

export const restartCommand: CommandSpec = {
  name: 'restart',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'signal', short: 's', kind: 'string', usage: 'Signal to send to the container' },
    { long: 'timeout', short: 't', kind: 'int', usage: 'Seconds to wait before killing the container' },
    { long: 'time', kind: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true },
  ],
  run({ flags, args }, ctx) {
    const timeout = flags.int('timeout') ?? flags.int('time');
    return forEachArg(args, ctx, (arg) => ctx.engine.containers.restart(arg, { timeout }));
  },
};
