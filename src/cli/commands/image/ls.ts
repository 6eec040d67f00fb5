import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { formatImageTable, formatImageTree } from '../../formatter/images.js';
import { TemplateError } from '../../formatter/template/index.js';
import { normalizeForMatch } from '../shared/refs.js';
import { TABLE_FORMAT_USAGE } from '../shared/formatFlag.js';

export const imageLsCommand: CommandSpec = {
  name: 'ls',
  use: '[OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  aliases: ['list'],
  args: { kind: 'max', n: 1 },
  flags: [
    { long: 'all', short: 'a', kind: 'bool', usage: 'Show all images (default hides intermediate and dangling images)' },
    { long: 'digests', kind: 'bool', usage: 'Show digests' },
    { long: 'filter', short: 'f', kind: 'list', varName: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'format', kind: 'string', usage: TABLE_FORMAT_USAGE },
    { long: 'no-trunc', kind: 'bool', usage: "Don't truncate output" },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Only show image IDs' },
    { long: 'tree', kind: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
  ],
  async run({ flags, args, commandPath }, ctx) {
    let images = ctx.engine.images.list({ all: flags.bool('all') });
    let dangling: boolean | undefined;
    for (const filter of flags.list('filter')) {
      const [key, value] = filter.split('=');
      if (key === 'dangling') dangling = value === 'true' || value === '1';
      else if (key === 'reference') images = images.filter((i) => i.repoTags.some((t) => t.startsWith(value)));
      else throw new StatusError(`Error response from daemon: invalid filter '${key}'`, 1);
    }
    if (dangling !== undefined) images = ctx.engine.images.list({ all: true }).filter((i) => (i.repoTags.length === 0) === dangling);
    if (args.length === 1) {
      const wanted = normalizeForMatch(args[0]);
      images = images
        .map((i) => ({ ...i, repoTags: i.repoTags.filter((t) => wanted(t)) }))
        .filter((i) => i.repoTags.length > 0);
      // `docker images ls` is a common slip for `docker image ls`.
      if (images.length === 0 && commandPath === 'docker images' && ['ls', 'list', 'rm', 'prune', 'inspect', 'history', 'pull', 'push', 'tag'].includes(args[0])) {
        ctx.stderr.write(`No images found matching "${args[0]}": did you mean "docker image ${args[0]}"?\n`);
      }
    }
    images = [...images].sort((a, b) => b.created - a.created);
    const format = flags.string('format');
    const classic = format !== undefined || flags.bool('quiet') || flags.bool('no-trunc') || flags.bool('digests');
    try {
      if (!classic) ctx.stdout.write(formatImageTree(images, ctx.terminal?.columns ?? 80));
      else {
        ctx.stdout.write(
          formatImageTable(images, { format, quiet: flags.bool('quiet'), noTrunc: flags.bool('no-trunc'), digests: flags.bool('digests'), now: ctx.clock.now() }),
        );
      }
    } catch (error) {
      if (error instanceof TemplateError) throw new StatusError(error.message, 1);
      throw error;
    }
    return 0;
  },
};
