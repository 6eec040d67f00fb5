import type { CommandSpec } from '../../argv/spec.js';
import { errorText } from '../shared/daemonError.js';
import { INSPECT_FORMAT_USAGE } from '../shared/formatFlag.js';
import { printInspect } from '../shared/inspect.js';

export const containerInspectCommand: CommandSpec = {
  name: 'inspect',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', kind: 'string', usage: INSPECT_FORMAT_USAGE },
    { long: 'size', short: 's', kind: 'bool', usage: 'Display total file sizes' },
  ],
  async run({ flags, args }, ctx) {
    return printInspect(args, (ref) => ctx.engine.containers.inspect(ref), (_ref, error) => errorText(error), flags.string('format'), ctx);
  },
};
