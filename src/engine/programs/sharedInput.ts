/**
 * One terminal read by a sequence of foreground commands. A command that
 * dies while it waits for input (`cat` then Ctrl-C) must not take the next
 * line typed at the prompt with it: the source is read one chunk at a time,
 * and a chunk that arrives after its reader has gone stays for the next one.
 */
import type { InputStream } from '../../os/process.js';

export interface ForegroundInput extends InputStream {
  /** The command is over: its reads end, and input goes to the next reader. */
  release(): void;
}

export class SharedInput {
  private readonly buffered: (string | null)[] = [];
  private inFlight: Promise<void> | undefined;

  constructor(private readonly source: InputStream) {}

  private fill(): Promise<void> {
    this.inFlight ??= this.source.read().then((chunk) => {
      this.buffered.push(chunk);
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  reader(): ForegroundInput {
    let released = false;
    return {
      read: async () => {
        for (;;) {
          if (released) return null;
          if (this.buffered.length > 0) return this.buffered.shift()!;
          await this.fill();
        }
      },
      release: () => {
        released = true;
      },
    };
  }
}
