import type { CommandSpec } from '../../argv/spec.js';
import { referenceArgument } from '../shared/refs.js';
import { pullWithProgress } from '../shared/pull.js';

export const pullCommand: CommandSpec = {
  name: 'pull',
  use: '[OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'all-tags', short: 'a', kind: 'bool', usage: 'Download all tagged images in the repository' },
    { long: 'disable-content-trust', kind: 'bool', usage: 'Skip image verification', def: 'true' },
    { long: 'platform', kind: 'string', usage: 'Set platform if server is multi-platform capable' },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Suppress verbose output' },
  ],
  async run({ flags, args }, ctx) {
    const ref = args[0];
    const quiet = flags.bool('quiet');
    referenceArgument(ref, ctx.stdout, quiet);
    const result = await pullWithProgress(ref, ctx, ctx.stdout, ctx.terminal, quiet);
    ctx.stdout.write(`${result.canonical}\n`);
    return 0;
  },
};
