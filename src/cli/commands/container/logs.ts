import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { CancelSource } from '../../../os/streams.js';

export const logsCommand: CommandSpec = {
  name: 'logs',
  use: '[OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  ownsSignals: true,
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'details', kind: 'bool', usage: 'Show extra details provided to logs' },
    { long: 'follow', short: 'f', kind: 'bool', usage: 'Follow log output' },
    { long: 'since', kind: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'tail', short: 'n', kind: 'string', usage: 'Number of lines to show from the end of the logs', def: 'all' },
    { long: 'timestamps', short: 't', kind: 'bool', usage: 'Show timestamps' },
    { long: 'until', kind: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run({ flags, args }, ctx) {
    const tailText = flags.string('tail') ?? 'all';
    let tail: number | undefined;
    if (tailText !== 'all' && tailText !== '') {
      if (!/^-?\d+$/.test(tailText)) throw new StatusError(`Error response from daemon: invalid value for "tail": "${tailText}"`, 1);
      const n = Number(tailText);
      tail = n < 0 ? undefined : n;
    }
    const cancel = new CancelSource();
    const follow = flags.bool('follow');
    // Ctrl-C ends a followed log stream; the container keeps running.
    const unsubscribe = ctx.signals.on((signal) => {
      if (signal === 'SIGINT' || signal === 'SIGTERM') cancel.cancel();
    });
    try {
      await ctx.engine.containers.logs(args[0], { follow, tail, timestamps: flags.bool('timestamps') }, { stdout: ctx.stdout, stderr: ctx.stderr }, cancel.token);
    } finally {
      unsubscribe();
    }
    return cancel.cancelled ? 130 : 0;
  },
};
