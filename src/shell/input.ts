/**
 * Shared, line-aware standard input. `read` takes one line and must leave the
 * rest for the next command reading the same stream (`printf 'a\nb\n' | while
 * read x; …`), so every command of a shell sees one BufferedInput per stream.
 * Reads can be abandoned (Ctrl-C while `cat` waits for the terminal): the chunk
 * that arrives later is kept for the next reader instead of being lost.
 */
import type { CancelToken } from '../os/clock.js';
import type { InputStream, SignalSource } from '../os/process.js';
import { CancelSource } from '../os/streams.js';

export class BufferedInput implements InputStream {
  private pending = '';
  private eof = false;
  private inflight: Promise<void> | null = null;

  constructor(private readonly source: InputStream) {}

  /** Wraps a stream once; wrapping a BufferedInput returns it unchanged. */
  static of(stream: InputStream): BufferedInput {
    if (stream instanceof BufferedInput) return stream;
    let wrapped = cache.get(stream);
    if (!wrapped) {
      wrapped = new BufferedInput(stream);
      cache.set(stream, wrapped);
    }
    return wrapped;
  }

  /** One source read at a time; its result always lands in the buffer. */
  private fill(): Promise<void> {
    if (!this.inflight) {
      this.inflight = this.source.read().then((chunk) => {
        this.inflight = null;
        if (chunk === null) this.eof = true;
        else this.pending += chunk;
      });
    }
    return this.inflight;
  }

  /** Waits for more input; false when cancelled first. */
  private async more(cancel?: CancelToken): Promise<boolean> {
    if (!cancel) {
      await this.fill();
      return true;
    }
    if (cancel.cancelled) return false;
    let off = (): void => undefined;
    const cancelled = new Promise<void>((resolve) => (off = cancel.onCancel(resolve)));
    await Promise.race([this.fill(), cancelled]);
    off();
    return !cancel.cancelled;
  }

  /** The next chunk, or null at end of input (or when `cancel` fires). */
  async read(cancel?: CancelToken): Promise<string | null> {
    while (this.pending === '' && !this.eof) {
      if (!(await this.more(cancel))) return null;
    }
    if (this.pending === '') return null;
    const out = this.pending;
    this.pending = '';
    return out;
  }

  /** One line without its `\n`, or null at end of input. A last line without `\n` is still returned. */
  async readLine(cancel?: CancelToken): Promise<{ line: string; complete: boolean } | null> {
    for (;;) {
      const nl = this.pending.indexOf('\n');
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return { line, complete: true };
      }
      if (this.eof) {
        if (this.pending === '') return null;
        const line = this.pending;
        this.pending = '';
        return { line, complete: false };
      }
      if (!(await this.more(cancel))) return null;
    }
  }
}

const cache = new WeakMap<InputStream, BufferedInput>();

/** A token cancelled by SIGINT on `signals`, and its unsubscribe. */
export function interruptToken(signals: SignalSource): { token: CancelToken; dispose(): void } {
  const source = new CancelSource();
  const off = signals.on((sig) => {
    if (sig === 'SIGINT') source.cancel();
  });
  return { token: source, dispose: off };
}

/** stdin for one command: reads end as end of input on Ctrl-C. */
export function interruptibleStdin(stdin: BufferedInput, token: CancelToken): InputStream {
  return { read: () => stdin.read(token) };
}
