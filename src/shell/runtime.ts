/**
 * What every interpreter of one Shell shares (subshells included): the
 * injected services and the signal bookkeeping of the current `run`.
 */
import type { CancelToken, Clock } from '../os/clock.js';
import type { ExternalCommand, OutputStream, SignalName, SignalSource, TerminalControl } from '../os/process.js';
import { CancelSource, SignalEmitter } from '../os/streams.js';
import type { Vfs } from '../os/vfs.js';
import type { HttpClient } from './commands/http.js';
import type { BufferedInput } from './input.js';

export type Flavor = 'bash' | 'sh';

export interface Runtime {
  readonly fs: Vfs;
  readonly clock: Clock;
  readonly flavor: Flavor;
  /** `$0` and the error prefix for scripts (`/bin/sh`, `./build.sh`). */
  readonly scriptName?: string;
  /** An interactive shell announces background jobs and survives errors that would end a script. */
  readonly interactive: boolean;
  readonly commands?: (name: string) => ExternalCommand | undefined;
  readonly history?: () => readonly string[];
  readonly http?: HttpClient;
  readonly signals: SignalHub;
  nextPid(): number;
}

/** The streams a command runs with. */
export interface ExecIO {
  readonly stdin: BufferedInput;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Signals for the foreground command (SIGINT from the terminal); background jobs get none. */
  readonly signals: SignalSource;
  readonly terminal?: TerminalControl;
}

/** Signals that reached the shell during a `run`, and how to stop what is waiting. */
export class SignalHub {
  /** Forwarded to foreground commands (the terminal's process group). */
  readonly foreground = new SignalEmitter();
  /** Set when a signal without a trap ends the run: the exit status (130 for SIGINT). */
  interrupted: number | null = null;
  /** Signals with a trap, waiting for the current command to finish. */
  readonly pendingTraps: SignalName[] = [];
  private waiters = new CancelSource();

  /** Cancelled when any signal arrives: `wait` and loops stop waiting. */
  get wake(): CancelToken {
    return this.waiters;
  }

  reset(): void {
    this.interrupted = null;
    this.pendingTraps.length = 0;
    this.waiters = new CancelSource();
  }

  deliver(signal: SignalName, trapped: boolean, code: number): void {
    if (trapped) this.pendingTraps.push(signal);
    else if (this.interrupted === null) this.interrupted = code;
    const w = this.waiters;
    this.waiters = new CancelSource();
    w.cancel();
  }
}
