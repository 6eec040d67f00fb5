import type { CommandSpec } from '../../argv/spec.js';
import { isNotFound } from '../shared/daemonError.js';
import { forEachArg } from '../shared/forEach.js';

export const rmCommand: CommandSpec = {
  name: 'rm',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'force', short: 'f', kind: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { long: 'link', short: 'l', kind: 'bool', usage: 'Remove the specified link' },
    { long: 'volumes', short: 'v', kind: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  run({ flags, args }, ctx) {
    const force = flags.bool('force');
    return forEachArg(args, ctx, (arg) => ctx.engine.containers.remove(arg, { force }), { ignore: (e) => force && isNotFound(e) });
  },
};
