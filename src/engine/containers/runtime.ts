/**
 * One run of a container's main process: its stdio, pty, network namespace,
 * signal channel and kill switch, plus the attached clients.
 */
import type { CommandIO, OutputStream, SignalName } from '../../os/process.js';
import { CancelSource, emptyInput, SignalEmitter } from '../../os/streams.js';
import { Network } from '../net/network.js';
import type { ContainerRecord } from './model.js';
import type { Attacher } from './stdio.js';
import { OutputHub, Pty, StdinQueue } from './stdio.js';
import type { Clock } from '../../os/clock.js';

export interface Run {
  readonly killed: CancelSource;
  readonly signals: SignalEmitter;
  readonly stdin: StdinQueue;
  readonly pty?: Pty;
  readonly hub: OutputHub;
  readonly network: Network;
  readonly io: CommandIO;
  /** Resolves with the exit code after the daemon has recorded the exit. */
  finished: Promise<number>;
}

export function createRun(record: ContainerRecord, clock: Clock, attachers: ReadonlySet<Attacher>): Run {
  const killed = new CancelSource();
  const signals = new SignalEmitter();
  const stdin = new StdinQueue();
  const hub = new OutputHub(record.logs, clock, record.config.tty);
  for (const a of attachers) hub.attachers.add(a);
  const deliver = (signal: SignalName): void => (signal === 'SIGKILL' ? killed.cancel() : signals.emit(signal));
  const pty = record.config.tty ? new Pty(stdin, (text) => hub.echo(text), deliver) : undefined;
  const stdout: OutputStream = hub.stream('stdout');
  const io: CommandIO = {
    stdin: record.config.tty || record.config.openStdin ? stdin : emptyInput,
    stdout,
    stderr: hub.stream('stderr'),
    signals,
    terminal: pty,
  };
  return { killed, signals, stdin, pty, hub, network: new Network(), io, finished: Promise.resolve(0) };
}

/** Environment of the container's processes (container.CreateDaemonEnvironment + runc's HOME); `tty` is the process's own. */
export function processEnv(record: ContainerRecord, extra: readonly string[] = [], tty = record.config.tty): string[] {
  const env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${record.config.hostname}`];
  // The process's own TTY decides TERM: an exec -t gets it in a container run without -t, and vice versa.
  if (tty) env.push('TERM=xterm');
  const key = (e: string): string => e.split('=')[0];
  for (const entry of [...record.config.env, ...extra]) {
    const i = env.findIndex((e) => key(e) === key(entry));
    // A bare NAME (`-e NAME` not set on the client) unsets it (opts.ReplaceOrAppendEnvValues).
    if (!entry.includes('=')) {
      if (i >= 0) env.splice(i, 1);
    } else if (i >= 0) env[i] = entry;
    else env.push(entry);
  }
  if (!env.some((e) => key(e) === 'HOME')) env.push(`HOME=${record.config.user && record.config.user !== 'root' && record.config.user !== '0' ? '/' : '/root'}`);
  return env;
}
