/**
 * `docker build` flag parsing; the builder engineer's runBuildCommand does the
 * rest (progress display, errors, exit code).
 */
import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { runBuildCommand, type BuildCommandOptions } from '../../build/runBuildCommand.js';

const PROGRESS = ['auto', 'tty', 'plain', 'quiet', 'rawjson'] as const;

export const buildCommand: CommandSpec = {
  name: 'build',
  use: '[OPTIONS] PATH | URL | -',
  short: 'Build an image from a Dockerfile',
  // `docker build --help` is buildx's help, whose text differs from the root listing.
  long: 'Start a build',
  aliasLine: 'docker image build, docker build, docker builder build',
  ownsSignals: true,
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'add-host', kind: 'strings', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
    { long: 'build-arg', kind: 'stringArray', usage: 'Set build-time variables' },
    { long: 'file', short: 'f', kind: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { long: 'no-cache', kind: 'bool', usage: 'Do not use cache when building the image' },
    { long: 'platform', kind: 'stringArray', usage: 'Set target platform for build' },
    { long: 'progress', kind: 'string', usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output', def: 'auto' },
    { long: 'pull', kind: 'bool', usage: 'Always attempt to pull all referenced images' },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Suppress the build output and print image ID on success' },
    { long: 'tag', short: 't', kind: 'stringArray', usage: 'Image identifier (format: "[registry/]repository[:tag]")' },
    { long: 'target', kind: 'string', usage: 'Set the target build stage to build' },
  ],
  async run({ flags, args }, ctx) {
    const progress = flags.string('progress') ?? 'auto';
    if (!(PROGRESS as readonly string[]).includes(progress)) throw new StatusError(`ERROR: invalid progress mode "${progress}"`, 1);
    const buildArgs: Record<string, string> = {};
    for (const arg of flags.list('build-arg')) {
      const eq = arg.indexOf('=');
      if (eq >= 0) buildArgs[arg.slice(0, eq)] = arg.slice(eq + 1);
      else if (ctx.env.has(arg)) buildArgs[arg] = ctx.env.get(arg)!;
    }
    const options: BuildCommandOptions = {
      context: args[0],
      file: flags.string('file'),
      tags: flags.list('tag'),
      noCache: flags.bool('no-cache'),
      pull: flags.bool('pull'),
      progress: progress as BuildCommandOptions['progress'],
      quiet: flags.bool('quiet'),
      buildArgs,
      target: flags.string('target'),
    };
    return runBuildCommand(options, ctx);
  },
};
