import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { formatHistory } from '../../formatter/history.js';
import { TemplateError } from '../../formatter/template/index.js';
import { TABLE_FORMAT_USAGE } from '../shared/formatFlag.js';

export const historyCommand: CommandSpec = {
  name: 'history',
  use: '[OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'format', kind: 'string', usage: TABLE_FORMAT_USAGE },
    { long: 'human', short: 'H', kind: 'bool', usage: 'Print sizes and dates in human readable format', def: 'true' },
    { long: 'no-trunc', kind: 'bool', usage: "Don't truncate output" },
    { long: 'platform', kind: 'string', usage: "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")" },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Only show image IDs' },
  ],
  async run({ flags, args }, ctx) {
    const rows = ctx.engine.images.history(args[0]);
    try {
      ctx.stdout.write(
        formatHistory(rows, { format: flags.string('format'), quiet: flags.bool('quiet'), noTrunc: flags.bool('no-trunc'), human: flags.bool('human', true), now: ctx.clock.now() }),
      );
    } catch (error) {
      if (error instanceof TemplateError) throw new StatusError(error.message, 1);
      throw error;
    }
    return 0;
  },
};
