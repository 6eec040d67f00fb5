/**
 * A container's stdio while it runs: the stdin queue attached clients feed,
 * the engine-side pty line discipline for `-t` containers, and the output hub
 * that appends to the log and fans out to every attached client.
 */
import type { Clock } from '../../os/clock.js';
import type { InputStream, OutputStream, SignalName, TerminalControl } from '../../os/process.js';
import type { LogEntry } from './model.js';

/** What the program reads. A TTY's EOF (Ctrl-D) is one-shot; closing a pipe is final. */
export class StdinQueue implements InputStream {
  private readonly chunks: (string | null)[] = [];
  private readonly waiting: ((chunk: string | null) => void)[] = [];
  private closed = false;

  push(chunk: string | null): void {
    if (this.closed) return;
    const reader = this.waiting.shift();
    if (reader) reader(chunk);
    else this.chunks.push(chunk);
  }

  /** No more input ever (pipe closed, container stopped). */
  close(): void {
    if (this.closed) return;
    this.push(null);
    this.closed = true;
    for (const reader of this.waiting.splice(0)) reader(null);
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/**
 * The cooked-mode line discipline of a pseudo-terminal: echo, backspace,
 * Ctrl-U, Enter delivers the line, Ctrl-C/Ctrl-\ signal the foreground
 * process, Ctrl-D at line start is EOF. Raw mode passes bytes through.
 */
export class Pty implements TerminalControl {
  private raw = false;
  private echo = true;
  private line = '';
  readonly columns = 80;
  readonly rows = 24;

  constructor(
    private readonly stdin: StdinQueue,
    private readonly output: (text: string) => void,
    private readonly signal: (signal: SignalName) => void,
  ) {}

  setRawMode(raw: boolean): void {
    this.raw = raw;
  }

  setEcho(echo: boolean): void {
    this.echo = echo;
  }

  private show(text: string): void {
    if (this.echo) this.output(text);
  }

  input(data: string): void {
    if (this.raw) {
      this.stdin.push(data);
      return;
    }
    for (const ch of data) {
      switch (ch) {
        case '\r':
        case '\n':
          this.show('\r\n');
          this.stdin.push(`${this.line}\n`);
          this.line = '';
          break;
        case '\x7f':
        case '\b':
          if (this.line.length > 0) {
            this.line = this.line.slice(0, -1);
            this.show('\b \b');
          }
          break;
        case '\x15':
          this.show('\b \b'.repeat(this.line.length));
          this.line = '';
          break;
        case '\x03':
          this.show('^C');
          this.line = '';
          this.signal('SIGINT');
          break;
        case '\x1c':
          this.show('^\\');
          this.line = '';
          this.signal('SIGQUIT');
          break;
        case '\x04':
          if (this.line === '') this.stdin.push(null);
          else {
            this.stdin.push(this.line);
            this.line = '';
          }
          break;
        default:
          if (ch >= ' ' || ch === '\t') {
            this.line += ch;
            this.show(ch);
          }
      }
    }
  }
}

export interface Attacher {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Writing to the client failed (its pipe's reader went away): it has been dropped. */
  lost?(): void;
}

/** ONLCR: a TTY turns `\n` into `\r\n` on output. */
function onlcr(text: string, previous: string): string {
  let out = '';
  let prev = previous;
  for (const ch of text) {
    if (ch === '\n' && prev !== '\r') out += '\r';
    out += ch;
    prev = ch;
  }
  return out;
}

/** Output of one run: log lines (split at newlines, timestamped) plus live fan-out. */
export class OutputHub {
  readonly attachers = new Set<Attacher>();
  private readonly partial = { stdout: '', stderr: '' };
  private last = '';
  private readonly followers = new Set<(entry: LogEntry) => void>();

  constructor(
    private readonly logs: LogEntry[],
    private readonly clock: Clock,
    private readonly tty: boolean,
  ) {}

  stream(name: 'stdout' | 'stderr'): OutputStream {
    return { write: (text) => this.write(name, text) };
  }

  /**
   * A client's broken pipe is the client's problem, as with a real attach
   * stream: the container's process never sees it; the client is dropped.
   */
  private send(a: Attacher, stream: 'stdout' | 'stderr', text: string): void {
    try {
      a[stream].write(text);
    } catch {
      this.attachers.delete(a);
      a.lost?.();
    }
  }

  /** Bytes on the pty that are not program output (the echo of typed keys). */
  echo(text: string): void {
    for (const a of this.attachers) this.send(a, 'stdout', text);
    if (text.length > 0) this.last = text[text.length - 1];
  }

  private write(name: 'stdout' | 'stderr', raw: string): void {
    if (raw === '') return;
    // A TTY has a single output stream, in which `\n` becomes `\r\n`.
    const stream = this.tty ? 'stdout' : name;
    const text = this.tty ? onlcr(raw, this.last) : raw;
    if (this.tty) this.last = text[text.length - 1];
    for (const a of this.attachers) this.send(a, stream, text);
    let buffered = this.partial[stream] + text;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      this.append({ stream, text: buffered.slice(0, nl + 1), time: this.clock.now() });
      buffered = buffered.slice(nl + 1);
    }
    this.partial[stream] = buffered;
  }

  private append(entry: LogEntry): void {
    this.logs.push(entry);
    for (const follower of this.followers) follower(entry);
  }

  /** Subscribes to new log entries (docker logs -f). */
  follow(listener: (entry: LogEntry) => void): () => void {
    this.followers.add(listener);
    return () => this.followers.delete(listener);
  }

  /** The process ended: unterminated output still becomes a log entry. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') this.append({ stream, text: this.partial[stream], time: this.clock.now() });
      this.partial[stream] = '';
    }
  }
}
