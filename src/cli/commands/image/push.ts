import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import { referenceArgument } from '../shared/refs.js';
import { ProgressPrinter } from '../shared/progress.js';

export const pushCommand: CommandSpec = {
  name: 'push',
  use: '[OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'all-tags', short: 'a', kind: 'bool', usage: 'Push all tags of an image to the repository' },
    { long: 'disable-content-trust', kind: 'bool', usage: 'Skip image signing', def: 'true' },
    {
      long: 'platform',
      kind: 'string',
      usage:
        "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
    },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Suppress verbose output' },
  ],
  async run({ flags, args }, ctx) {
    const ref = args[0];
    const quiet = flags.bool('quiet');
    const parsed = referenceArgument(ref, ctx.stdout, quiet);
    const printer = new ProgressPrinter(ctx.stdout, ctx.terminal);
    let headerDone = false;
    const header = (): void => {
      if (!headerDone && !quiet) printer.line(`The push refers to repository [${parsed.domain}/${parsed.path}]`);
      headerDone = true;
    };
    try {
      const result = await ctx.engine.images.push(ref, (event) => {
        if (quiet) return;
        if (event.status.startsWith('The push refers to')) {
          headerDone = true;
          printer.line(event.status);
          return;
        }
        header();
        printer.event(event);
      });
      header();
      if (!quiet) printer.line(`${result.tag}: digest: ${result.digest} size: ${result.size}`);
      else ctx.stdout.write(`${parsed.domain === 'docker.io' ? parsed.path.replace(/^library\//, '') : `${parsed.domain}/${parsed.path}`}:${result.tag}\n`);
    } catch (error) {
      // The registry's denial arrives in the progress stream, so it prints without the daemon prefix.
      if (isEngineError(error) && error.category === 'forbidden') {
        header();
        throw new StatusError(error.message, 1);
      }
      throw error;
    }
    return 0;
  },
};
