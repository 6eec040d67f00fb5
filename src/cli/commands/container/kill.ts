import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { forEachArg } from '../shared/forEach.js';
import { parseSignal } from '../shared/signals.js';

export const killCommand: CommandSpec = {
  name: 'kill',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [{ long: 'signal', short: 's', kind: 'string', usage: 'Signal to send to the container' }],
  run({ flags, args }, ctx) {
    const raw = flags.string('signal');
    const signal = raw ? parseSignal(raw) : 'SIGKILL';
    if (!signal) throw new StatusError(`Error response from daemon: Invalid signal: ${raw}`, 1);
    return forEachArg(args, ctx, async (arg) => ctx.engine.containers.kill(arg, signal));
  },
};
