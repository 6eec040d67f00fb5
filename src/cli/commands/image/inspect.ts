import type { CommandSpec } from '../../argv/spec.js';
import { errorText } from '../shared/daemonError.js';
import { INSPECT_FORMAT_USAGE } from '../shared/formatFlag.js';
import { printInspect } from '../shared/inspect.js';

export const imageInspectCommand: CommandSpec = {
  name: 'inspect',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', kind: 'string', usage: INSPECT_FORMAT_USAGE },
    { long: 'platform', kind: 'string', usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
  ],
  async run({ flags, args }, ctx) {
    return printInspect(args, (ref) => ctx.engine.images.inspect(ref), (_ref, error) => errorText(error), flags.string('format'), ctx);
  },
};
