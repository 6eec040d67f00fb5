/** Test helper: a shell over a fresh MemFs with collected output and a virtual clock. */
import { MemFs } from '../../os/memfs.js';
import type { ExternalCommand } from '../../os/process.js';
import { CollectingOutput, SignalEmitter, inputFrom, emptyInput } from '../../os/streams.js';
import { VirtualClock } from '../../os/testing/virtualClock.js';
import type { HttpClient } from '../commands/http.js';
import { Shell } from '../index.js';

export interface Harness {
  readonly fs: MemFs;
  readonly clock: VirtualClock;
  readonly shell: Shell;
  readonly signals: SignalEmitter;
  /** Runs source; returns status, stdout, stderr of this run. */
  run(source: string, stdin?: string): Promise<{ status: number; out: string; err: string }>;
}

export function harness(
  options: { flavor?: 'bash' | 'sh'; scriptName?: string; commands?: Record<string, ExternalCommand>; http?: HttpClient; history?: string[]; interactive?: boolean } = {},
): Harness {
  const clock = new VirtualClock();
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/home/user', { recursive: true });
  fs.mkdir('/tmp');
  const signals = new SignalEmitter();
  const shell = new Shell({
    fs,
    cwd: '/home/user',
    env: { HOME: '/home/user', PATH: '/usr/local/bin:/usr/bin:/bin', USER: 'user' },
    clock,
    flavor: options.flavor ?? 'bash',
    scriptName: options.scriptName,
    commands: (name) => options.commands?.[name],
    http: options.http,
    history: () => options.history ?? [],
    interactive: options.interactive,
  });
  return {
    fs,
    clock,
    shell,
    signals,
    async run(source, stdin) {
      const out = new CollectingOutput();
      const err = new CollectingOutput();
      const status = await shell.run(source, { stdin: stdin === undefined ? emptyInput : inputFrom(stdin), stdout: out, stderr: err, signals });
      return { status, out: out.text, err: err.text };
    },
  };
}
