import type { CommandSpec } from '../../argv/spec.js';
import { humanSize } from '../../engineHelpers.js';
import { confirm } from '../shared/prompt.js';

export const containerPruneCommand: CommandSpec = {
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: [
    { long: 'filter', kind: 'list', varName: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', kind: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run({ flags }, ctx) {
    if (!flags.bool('force')) {
      if (!(await confirm('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', ctx))) return 0;
    }
    const stopped = ctx.engine.containers.list({ all: true, size: true }).filter((c) => c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting');
    let reclaimed = 0;
    const deleted: string[] = [];
    for (const c of stopped) {
      await ctx.engine.containers.remove(c.id);
      reclaimed += c.sizeRw;
      deleted.push(c.id);
    }
    let out = '';
    if (deleted.length > 0) out += `Deleted Containers:\n${deleted.join('\n')}\n\n`;
    out += `Total reclaimed space: ${humanSize(reclaimed)}\n`;
    ctx.stdout.write(out);
    return 0;
  },
};
