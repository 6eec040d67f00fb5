import type { CommandSpec } from '../../argv/spec.js';
import { humanSize } from '../../engineHelpers.js';
import { confirm } from '../shared/prompt.js';

export const imagePruneCommand: CommandSpec = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove unused images',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', kind: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { long: 'filter', kind: 'list', varName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', kind: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ flags }, ctx) {
    const all = flags.bool('all');
    if (!flags.bool('force')) {
      const warning = all
        ? 'WARNING! This will remove all images without at least one container associated to them.'
        : 'WARNING! This will remove all dangling images.';
      // Declining is a cancellation: Docker ≥26 prints nothing more and exits 0.
      if (!(await confirm(`${warning}\nAre you sure you want to continue? [y/N] `, ctx))) return 0;
    }
    const result = ctx.engine.images.prune({ all });
    let out = '';
    if (result.records.length > 0) {
      out += 'Deleted Images:\n';
      for (const record of result.records) {
        if (record.untagged) out += `untagged: ${record.untagged}\n`;
        if (record.deleted) out += `deleted: ${record.deleted}\n`;
      }
      out += '\n';
    }
    out += `Total reclaimed space: ${humanSize(result.spaceReclaimed)}\n`;
    ctx.stdout.write(out);
    return 0;
  },
};
