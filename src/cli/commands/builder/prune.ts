import type { CommandSpec } from '../../argv/spec.js';
import { humanSize } from '../../engineHelpers.js';
import { confirm } from '../shared/prompt.js';

export const builderPruneCommand: CommandSpec = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove build cache',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', kind: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    { long: 'filter', kind: 'list', varName: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
    { long: 'force', short: 'f', kind: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ flags }, ctx) {
    if (!flags.bool('force')) {
      const what = flags.bool('all') ? 'all build cache' : 'all dangling build cache';
      if (!(await confirm(`WARNING! This will remove ${what}.\nAre you sure you want to continue? [y/N] `, ctx))) return 0;
    }
    const { spaceReclaimed } = ctx.engine.builder.prune();
    ctx.stdout.write(`Total:\t${humanSize(spaceReclaimed)}\n`);
    return 0;
  },
};
