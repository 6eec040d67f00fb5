import type { SignalName } from '../../../os/process.js';
import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { forEachArg } from '../shared/forEach.js';
import { parseSignal } from '../shared/signals.js';

export const stopCommand: CommandSpec = {
  name: 'stop',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'signal', short: 's', kind: 'string', usage: 'Signal to send to the container' },
    { long: 'timeout', short: 't', kind: 'int', usage: 'Seconds to wait before killing the container' },
    { long: 'time', kind: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true },
  ],
  async run({ flags, args }, ctx) {
    const timeout = flags.int('timeout') ?? flags.int('time');
    const raw = flags.string('signal');
    let signal: SignalName | undefined;
    if (raw !== undefined && raw !== '') {
      signal = parseSignal(raw);
      if (!signal) throw new StatusError(`Error response from daemon: Invalid signal: ${raw}`, 1);
    }
    return forEachArg(args, ctx, (arg) => ctx.engine.containers.stop(arg, { timeout, signal }));
  },
};
