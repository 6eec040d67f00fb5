import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import { parseReference } from '../../engineHelpers.js';
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
    let parsed;
    try {
      parsed = parseReference(ref);
    } catch (error) {
      if (isEngineError(error)) throw new StatusError(error.message, 1);
      throw error;
    }
    const quiet = flags.bool('quiet');
    if (!quiet && parsed.tag === undefined && parsed.digest === undefined) ctx.stdout.write('Using default tag: latest\n');
    const result = await pullWithProgress(ref, ctx, ctx.stdout, ctx.terminal, quiet);
    ctx.stdout.write(`${result.canonical}\n`);
    return 0;
  },
};
