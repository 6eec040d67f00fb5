import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { errorText, isNotFound } from '../shared/daemonError.js';

export const imageRmCommand: CommandSpec = {
  name: 'rm',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'force', short: 'f', kind: 'bool', usage: 'Force removal of the image' },
    { long: 'no-prune', kind: 'bool', usage: 'Do not delete untagged parents' },
    { long: 'platform', kind: 'strings', usage: "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")" },
  ],
  async run({ flags, args }, ctx) {
    const force = flags.bool('force');
    const errors: string[] = [];
    let failed = false;
    for (const ref of args) {
      try {
        for (const record of ctx.engine.images.remove(ref, { force, noPrune: flags.bool('no-prune') })) {
          if (record.untagged) ctx.stdout.write(`Untagged: ${record.untagged}\n`);
          if (record.deleted) ctx.stdout.write(`Deleted: ${record.deleted}\n`);
        }
      } catch (error) {
        errors.push(errorText(error));
        if (!(force && isNotFound(error))) failed = true;
      }
    }
    if (errors.length > 0) ctx.stderr.write(`${errors.join('\n')}\n`);
    if (failed) throw new StatusError('', 1);
    return 0;
  },
};
