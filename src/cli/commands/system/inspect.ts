import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { errorText, isNotFound } from '../shared/daemonError.js';
import { INSPECT_FORMAT_USAGE } from '../shared/formatFlag.js';
import { printInspect } from '../shared/inspect.js';

export const inspectCommand: CommandSpec = {
  name: 'inspect',
  use: '[OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', kind: 'string', usage: INSPECT_FORMAT_USAGE },
    { long: 'size', short: 's', kind: 'bool', usage: 'Display total file sizes if the type is container' },
    { long: 'type', kind: 'string', usage: 'Only inspect objects of the given type' },
  ],
  async run({ flags, args }, ctx) {
    const type = flags.string('type') ?? '';
    const known = ['', 'container', 'image', 'config', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
    if (!known.includes(type)) throw new StatusError(`"${type}" is not a valid value for --type`, 1);
    const lookup = (ref: string): Record<string, unknown> => {
      if (type === 'container') return ctx.engine.containers.inspect(ref);
      if (type === 'image') return ctx.engine.images.inspect(ref);
      if (type !== '') throw new StatusError(`error: no such object: ${ref}`, 1);
      try {
        return ctx.engine.containers.inspect(ref);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      try {
        return ctx.engine.images.inspect(ref);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      throw new StatusError(`error: no such object: ${ref}`, 1);
    };
    return printInspect(args, lookup, (_ref, error) => (error instanceof StatusError ? error.message : errorText(error)), flags.string('format'), ctx);
  },
};
